"""One cell of a published file: counts with thousands separators, ranges, percentages, the
dates and period names publishers write. Each raises ValueError saying what it found."""

from __future__ import annotations

import re
from datetime import date

from custodes.law.refusal import Refused
from custodes.transparency.periods import Period

RANGE = re.compile(r"([\d,]+)\s*[-–]\s*([\d,]+)")
PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%?")
NOT_APPLICABLE = {"--", "-", "—", "n/a", "N/A"}


LARGEST = 2**31 - 1  # what every database keeps in a count


def count(text: str, what: str) -> int:
    cleaned = text.replace(",", "")
    if not cleaned.isascii() or not cleaned.isdigit():
        raise ValueError(f"{what} {text!r} is not a whole number")
    if len(cleaned) > 10 or int(cleaned) > LARGEST:
        raise ValueError(f"{what} {text!r} is larger than any count of requests")
    return int(cleaned)


def count_or_none(text: str, what: str) -> int | None:
    """A count, or None where the publisher left it blank or marked it not applicable."""
    return None if text in NOT_APPLICABLE or not text else count(text, what)


def band(text: str, what: str) -> str:
    match = RANGE.fullmatch(text)
    if not match:
        raise ValueError(f"{what} {text!r} is not a range such as 0 - 499")
    low, high = count(match[1], what), count(match[2], what)
    if high < low:
        raise ValueError(f"{what} {text!r} ends below its start")
    return f"{low}-{high}"


def figure(text: str, what: str) -> tuple[int | None, str]:
    """A count or, where only a range may be published (national security), its band."""
    if RANGE.fullmatch(text):
        return None, band(text, what)
    return count_or_none(text, what), ""


def percent(text: str, what: str) -> float | None:
    if text in NOT_APPLICABLE or not text:
        return None
    match = PERCENT.fullmatch(text)
    if not match:
        raise ValueError(f"{what} {text!r} is not a percentage")
    value = float(match[1])
    if not 0 <= value <= 100:
        raise ValueError(f"{what} {text!r} is not between 0 and 100")
    return value


def half_year_end(text: str, what: str) -> tuple[date, str]:
    """The last day of a half-year as written: ISO, or with slashes day first (31/12/09, as
    a spreadsheet rewrote Google's file) or month first (12/31/09); the two cannot be
    confused, since a half-year ends on 30 June or 31 December. Returns the day and how it
    was written."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        day = None
    if day is not None:
        return _ending(day, text, what), "iso"
    parts = text.split("/")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        first, second, year = (int(p) for p in parts)
        year += 2000 if year < 100 else 0
        for day_, month, written in ((first, second, "day first"), (second, first, "month first")):
            if (month, day_) in ((6, 30), (12, 31)):
                return date(year, month, day_), written
    raise ValueError(
        f"{what} {text!r} is not the last day of a half-year (write 2009-12-31, 31/12/09 "
        "or 12/31/09)"
    )


def _ending(day: date, text: str, what: str) -> date:
    try:
        Period.ending(day)
    except Refused as error:
        raise ValueError(f"{what} {error}") from None
    return day


HALF_NAMES = {"jan-jun": 1, "january-june": 1, "jul-dec": 2, "july-december": 2}


def half_year_named(text: str) -> Period | None:
    """A half-year as publishers name it: 2017H1, 2017-H1, Jan-Jun 2017, January - June 2017."""
    squeezed = re.sub(r"\s*-\s*", "-", text.strip().lower())
    if match := re.search(r"(\d{4})-?h([12])", squeezed):
        return Period.half(int(match[1]), int(match[2]))
    for name, half in HALF_NAMES.items():
        if match := re.search(rf"{name}[-_ ]?(\d{{4}})", squeezed):
            return Period.half(int(match[1]), half)
    return None


def quarter_named(text: str) -> Period | None:
    """A quarter as Discord names its reports: 2023-Q2."""
    match = re.search(r"(\d{4})-?q([1-4])", text.lower())
    return Period.quarter(int(match[1]), int(match[2])) if match else None
