"""Dates as demands mean them.

Written out: "November 16, 2026", "12 November 2026", "13th day of November, 2026",
"Mon, 9 Nov 2026". ISO: "2026-11-16". Numeric, in the order the demand's country writes them:
"11/09/2026" is 9 November in a US demand and 11 September in a British one; where the country
does not settle it and both orders make a date, it is no date at all (see vocab/dates.toml).
Relative to the document: "to the present" or "through the date of this subpoena" ends on the
issue date; "for a period of ninety (90) days from the date of this Order" ends that many days
after it. Intake never knows the day a demand was received, so the issue date is what these
are read against; where the demand gives none, the end is None and the review judges it
against the day received.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cache
from importlib import resources

from custodes.intake.patterns import OnFirstUse

# Any word in the month's place; `_to_date` keeps only real month names. One generic word is
# far cheaper for the regex engine than forty alternatives tried at every position.
_MONTH = r"(?P<month>[^\W\d_]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WRITTEN = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}(?:\s+day)?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    # "the thirtieth day of October, 2026"
    re.compile(
        rf"\b(?P<ordinal>[a-z]+(?:[\s-][a-z]+)?)\s+day\s+of\s+{_MONTH},?\s+{_YEAR}\b",
        re.IGNORECASE,
    ),
]
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)")
_NUMERIC = re.compile(
    r"\b(?P<first>\d{1,2})(?P<separator>[/.-])(?P<second>\d{1,2})(?P=separator)"
    r"(?P<year>(?:19|20)\d{2})\b"
)


class DateOrder(StrEnum):
    """Which number of a numeric date is the month."""

    MONTH_FIRST = "month_first"
    DAY_FIRST = "day_first"

    @classmethod
    def of(cls, country: str | None) -> DateOrder | None:
        """The order the country writes; None where it writes both or is unknown."""
        table = _vocab()["numeric_order"]
        if not country or country in table["both"]:
            return None
        return cls.MONTH_FIRST if country in table["month_first"] else cls(table["others"])


@cache
def _vocab() -> dict:
    path = resources.files("custodes.intake") / "vocab" / "dates.toml"
    with path.open("rb") as handle:
        return tomllib.load(handle)


@cache
def _months() -> dict[str, int]:
    """Each way a demand writes a month's name, and the month's number."""
    names = _vocab()["months"]["names"]
    return {name: number for number, spellings in enumerate(names, start=1) for name in spellings}


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    value: date


_YEAR_ONLY = re.compile(r"(?:19|20)\d\d(?!\d)")
# Every date written has a year; the day and month stand within this many characters of it.
_BEFORE_YEAR, _AFTER_YEAR = 32, 7


def _year_windows(text: str) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for match in _YEAR_ONLY.finditer(text):
        if match.start() and text[match.start() - 1].isdigit():
            continue
        start, end = max(0, match.start() - _BEFORE_YEAR), match.end() + _AFTER_YEAR
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def find_dates(text: str, order: DateOrder | None = None) -> list[Found]:
    """Every date in the text, in order, overlapping matches resolved to the first pattern;
    numeric dates read in `order` (`DateOrder.of(country)`).

    The patterns run only around four-digit years, which every date they read contains.
    """
    found: list[Found] = []
    # The spans the patterns before this one took, in order: they never overlap, so their
    # ends are in order too, and a match is checked against the one span that may overlap
    # it (a check against every span made a long text cost the square of its dates). One
    # pattern's own matches never overlap each other: its windows do not.
    starts: list[int] = []
    ends: list[int] = []
    windows = _year_windows(text)
    readers = [(pattern, _written) for pattern in _WRITTEN] + [(_ISO, _iso), (_NUMERIC, _numeric)]
    for pattern, read in readers:
        matches = (m for start, end in windows for m in pattern.finditer(text, start, end))
        taken: list[tuple[int, int]] = []
        for match in matches:
            before = bisect_left(starts, match.end())  # the spans that start before it ends
            if before and ends[before - 1] > match.start():
                continue  # the last of them reaches into it
            value = read(match, order)
            if value:
                found.append(Found(match.start(), match.end(), value))
                taken.append(match.span())
        spans = sorted([*zip(starts, ends, strict=True), *taken])
        starts, ends = [s for s, _ in spans], [e for _, e in spans]
    return sorted(found, key=lambda f: f.start)


def first_date(text: str, order: DateOrder | None = None) -> date | None:
    found = find_dates(text, order)
    return found[0].value if found else None


def _written(match: re.Match[str], order: DateOrder | None) -> date | None:
    month = _months().get(match["month"].lower())
    if "ordinal" in match.groupdict():
        words = re.sub(r"\s+", "-", match["ordinal"].lower()).split("-")
        day = _vocab()["ordinals"].get("-".join(words[-2:])) or _vocab()["ordinals"].get(words[-1])
        return _valid(int(match["year"]), month, day) if day else None
    return _valid(int(match["year"]), month, int(match["day"]))


def _iso(match: re.Match[str], order: DateOrder | None) -> date | None:
    return _valid(int(match["year"]), int(match["month"]), int(match["day"]))


def _numeric(match: re.Match[str], order: DateOrder | None) -> date | None:
    """The date one order alone makes valid, or the one the country's order makes."""
    year, first, second = int(match["year"]), int(match["first"]), int(match["second"])
    month_first, day_first = _valid(year, first, second), _valid(year, second, first)
    if not (month_first and day_first) or month_first == day_first:
        return month_first or day_first
    if order is DateOrder.MONTH_FIRST:
        return month_first
    return day_first if order is DateOrder.DAY_FIRST else None


def _valid(year: int, month: int | None, day: int) -> date | None:
    try:
        return date(year, month or 0, day)
    except ValueError:
        return None


# A time after a date, before the word that joins it to the next ("11/21/2026 00:00 to …").
_CLOCK = (
    r"(?:,?\s*(?:at\s+)?\d{1,2}(?::\d{2}){1,2}\s*(?:[ap]\.?m\.?)?\s*(?:hrs\b)?\s*"
    r"(?-i:[A-Z]{2,5}\b)?)?"
)
# A dash joins two dates however it is typed: "-", "--" (a typewriter's dash), "–", "—"; a
# form's two fields, "From: 07/01/2026   To: 10/31/2026", are a range too.
# So do the words foreign police and courts join them with: "du 01/07/2026 au 31/10/2026",
# "vom 01.09.2026 bis 15.11.2026", "de 01/08/2026 a 31/10/2026".
_FOREIGN_JOIN = r"au|a|al|bis|hasta|até|jusqu'au"
_RANGE_JOIN = re.compile(
    rf"^{_CLOCK}\s*,?\s*(?:(?:up\s+)?(?:through|thru|to|until|till|and)(?:\s+and\s+including)?:?|"
    rf"--?|[–—]|{_FOREIGN_JOIN})\s*{_CLOCK}\s*$",
    re.IGNORECASE,
)
# An end that is the document's own date: "to the present", "through the date of this subpoena".
_TO_PRESENT = re.compile(
    rf"^{_CLOCK}\s*,?\s*(?:up\s+)?(?:through|thru|to|until|till)(?:\s+and\s+including)?\s+(?:the\s+)?"
    r"(?:present|date\s+of\s+this\s+(?:request|order|letter|subpoena|summons|warrant|demand)|"
    r"today|date\b|now\b)",
    re.IGNORECASE,
)


# "between March 1 and August 31, 2026", "10:30 p.m. November 8 through 1:30 a.m. November
# 9, 2026": the year written once, at the end, a time of day perhaps before the second day.
_DAY_TIME = r"(?:\d{1,2}(?::\d{2})?\s*(?:[apAP]\.?\s?[mM]\.?|hrs)\s*(?:on\s+)?)?"
_SHARED_YEAR = re.compile(
    rf"\b(?P<m1>[^\W\d_]{{3,9}})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*"
    rf"(?:and|to|through|thru|until|--?|–)\s*{_DAY_TIME}(?P<m2>[^\W\d_]{{3,9}})\.?\s+"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b"
)
# "November 8-9, 2026": the month and the year written once.
_SHARED_MONTH = re.compile(
    rf"\b(?P<m1>[^\W\d_]{{3,9}})\.?\s+(?P<d1>\d{{1,2}})\s*(?:--?|–|to|through|and)\s*"
    rf"(?P<d2>\d{{1,2}}),?\s+{_YEAR}\b"
)


def _shared_year_ranges(text: str) -> list[Span]:
    spans = []
    windows = [(max(0, s - 40), e) for s, e in _year_windows(text)]
    for pattern in (_SHARED_YEAR, _SHARED_MONTH):
        for match in (m for s, e in windows for m in pattern.finditer(text, s, e)):
            year, first = int(match["year"]), _months().get(match["m1"].lower())
            last = _months().get(match["m2"].lower()) if "m2" in match.groupdict() else first
            start = _valid(year, first, int(match["d1"]))
            end = _valid(year, last, int(match["d2"]))
            if start and end and start <= end:
                spans.append(Span(start, end, match.start()))
    return spans


_WHITE_SPACE = re.compile(r"\s+")


def _squeezed(text: str) -> str:
    """Each run of white space as one space. `_RANGE_JOIN` and `_TO_PRESENT` match the same
    either way (their white space is all `\\s*` or `\\s+`, never two `\\s+` in a row), but on
    a long run, as a table's gaps are, their stacked `\\s*` try every way of splitting it."""
    return _WHITE_SPACE.sub(" ", text)


@dataclass(frozen=True)
class Span:
    start: date | None
    end: date | None
    position: int


def find_ranges(
    text: str, order: DateOrder | None = None, issued_on: date | None = None
) -> list[Span]:
    """Date ranges: "X through Y", "between X and Y", "from X to Y", and "X to the present",
    which ends on `issued_on` (None where the demand gives no issue date)."""
    found = find_dates(text, order)
    spans: list[Span] = []
    used: set[int] = set()
    for index, first in enumerate(found):
        if index in used:
            continue
        following = found[index + 1] if index + 1 < len(found) else None
        join = _squeezed(text[first.end : following.start]) if following else ""
        if following and _RANGE_JOIN.match(join) and _joins_a_range(join, text, first.start):
            if first.value <= following.value:
                spans.append(Span(first.value, following.value, first.start))
                used.add(index + 1)
            continue
        if _TO_PRESENT.match(_squeezed(text[first.end : first.end + 60])):
            spans.append(Span(first.value, issued_on, first.start))
    return sorted(spans + _shared_year_ranges(text), key=lambda span: span.position)


def _joins_a_range(join: str, text: str, start: int) -> bool:
    """Two dates joined by "and" are a range only after "between"; else two dates in a list
    ("calendar years ending December 31, 2024 and December 31, 2025")."""
    if re.search(rf"through|thru|\bto\b|until|till|[-–—]|^\W*(?:{_FOREIGN_JOIN})\W*$", join, re.I):
        return True
    # (a time of day may stand between the two: "between 12:00 a.m. October 5, 2026 and …")
    before = text[max(0, start - 40) : start]
    return bool(re.search(r"\bbetween\b[^;]{0,25}$", before, re.IGNORECASE))


def number_words() -> str:
    return "|".join(sorted(_vocab()["numbers"], key=len, reverse=True))


def _counted(units: str) -> str:
    """A number of units, in figures or words, its figures perhaps repeated in brackets:
    "ninety (90) days", "72 hours", "one hundred and eighty days"."""
    word = rf"(?:{number_words()})"
    return (
        rf"(?P<count>\d+|{word}(?:[\s-]+(?:and\s+)?{word})*)\s*(?:\(\d+\)\s*)?"
        rf"(?P<unit>{units})\b"
    )


@cache
def _period() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:for|until|through)\s+(?:a\s+(?:further\s+)?period\s+)?(?:of\s+)?"
        r"(?:up\s+to\s+|not\s+to\s+exceed\s+|not\s+(?:more|longer)\s+than\s+)?"
        + _counted(r"days?|weeks?|months?|years?")
        + r"(?:\s+(?:measured\s+)?(?:from|after|following|beginning\s+(?:on|with))\s+"
        r"(?P<anchor>[^.;]{0,120}))?",
        re.IGNORECASE,
    )


# What a period may run from for its end to be told from the document's date: the document,
# its entry or issue, or its date written on it ("from the date below", "the date hereof").
_THIS_DOCUMENT_NAMED = (
    r"(?:the\s+)?(?:date\s+(?:of\s+)?)?(?:(?:the\s+)?(?:entry|issuance|signing)\s+of\s+)?"
    r"this\s+(?:order|warrant|subpoena|summons|letter|request)\b"
)
_THIS_DOCUMENT = OnFirstUse(
    _THIS_DOCUMENT_NAMED + r"(?!\s+(?:is\s+|was\s+)?(?:served|received|delivered))|"
    r"(?:the\s+)?date\s+(?:below|above|hereof|of\s+(?:entry|issuance|signing|signature))\b|"
    r"(?:its\s+)?entry\b(?!\s+(?:of|into|on)\b)",
    re.IGNORECASE,
)
# "measured from the earlier of the day on which interception begins or ten (10) days after
# this Order is entered" (the words of 18 U.S.C. § 2518(5)): a period that starts at the
# latest that many days after the document.
_EARLIER_OF = OnFirstUse(
    r"the\s+earlier\s+of\b.*?\bor\s+(?P<count>\d+|[a-z]+(?:[\s-][a-z]+)?)\s*(?:\(\d+\)\s*)?"
    r"days?\s+(?:after|from|following)\s+(?P<anchor>.*)",
    re.IGNORECASE,
)


# "from 10:40 a.m. to 11:10 a.m. … on October 29, 2026": a window of hours on a day.
_CLOCK_TIME = r"\d{1,2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?|hrs|h)?"
_WINDOW = re.compile(
    rf"\b(?:from|between)\s+{_CLOCK_TIME}\s+(?:to|until|through|and|-)\s+{_CLOCK_TIME}",
    re.IGNORECASE,
)


def window_days(sentence: str, order: DateOrder | None) -> tuple[date, date] | None:
    """The first and last day of a window of hours that a sentence states with its day or
    days, or None where it states none."""
    if not _WINDOW.search(sentence):
        return None
    days = sorted(found.value for found in find_dates(sentence, order))
    return (days[0], days[-1]) if days else None


def find_periods(text: str, issued_on: date | None) -> list[Span]:
    """Periods that run from the document's own date: "for a period of one year", "until
    ninety (90) days after the date of this Order", "for 180 days from the date of entry of
    this Order". A period that runs from anything else (its receipt, its service) has no end
    that can be told here, and neither has any period of a document without an issue date."""
    if issued_on is None:
        return []
    spans = []
    for match in _period().finditer(text):
        start = _anchored(match["anchor"], issued_on)
        number = count(match["count"])
        if number and start:
            end = _add(start, number, match["unit"].lower())
            spans.append(Span(issued_on, end, match.start()))
    return spans


def _anchored(anchor: str | None, issued_on: date) -> date | None:
    """The latest day a period can start on, where the document tells it."""
    if anchor is None or _THIS_DOCUMENT().match(anchor):
        return issued_on
    earlier = _EARLIER_OF().match(anchor)
    if earlier and _THIS_DOCUMENT().match(earlier["anchor"]):
        days = count(earlier["count"]) if _is_number(earlier["count"]) else None
        return issued_on + timedelta(days=days) if days else None
    return None


def _is_number(text: str) -> bool:
    words = re.split(r"[\s-]+", text.lower())
    return text.isdigit() or all(w in _vocab()["numbers"] or w in ("and", "hundred") for w in words)


@cache
def _lookback() -> re.Pattern[str]:
    """ "the past 72 hours", "the preceding six months", and a count of days before the
    document itself: "the ninety (90) days preceding the date of this Order"."""
    return re.compile(
        r"\b(?:the\s+)?(?:(?P<back>last|past|preceding|previous|prior)\s+)?"
        + _counted(r"hours?|days?|weeks?|months?|years?")
        + rf"(?(back)|\s+(?:preceding|before|prior\s+to)\s+(?={_THIS_DOCUMENT_NAMED}))",
        re.IGNORECASE,
    )


def find_lookbacks(text: str, issued_on: date | None) -> list[Span]:
    """Periods that end on the document's own date: "for the past 72 hours", "(last 30
    days)", "the preceding six months". None for a document without an issue date."""
    if issued_on is None:
        return []
    spans = []
    for match in _lookback().finditer(text):
        number, unit = count(match["count"]), match["unit"].lower()
        if not number:
            continue
        if unit.startswith("hour"):
            start = issued_on - timedelta(days=-(-number // 24))
        else:
            start = _add(issued_on, -number, unit)
        spans.append(Span(start, issued_on, match.start()))
    return spans


def period_end(text: str, issued_on: date | None) -> date | None:
    periods = find_periods(text, issued_on)
    return periods[0].end if periods else None


def count(text: str) -> int | None:
    """A number written in figures or words: '14', 'ninety', 'one hundred and eighty'."""
    if text.isdigit():
        return int(text)
    numbers, value = _vocab()["numbers"], 0
    for word in re.split(r"[\s-]+", text.lower()):
        if word == "hundred":
            value = (value or 1) * 100
        elif word != "and":
            value += numbers[word]
    return value


def _add(start: date, count: int, unit: str) -> date:
    if unit.startswith(("day", "week")):
        return start + timedelta(days=count * (7 if unit.startswith("week") else 1))
    months = count * (12 if unit.startswith("year") else 1)
    year, month = divmod(start.month - 1 + months, 12)
    year += start.year
    return date(year, month + 1, min(start.day, monthrange(year, month + 1)[1]))


_TIME = OnFirstUse(
    r"(?<![\d:.])(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?:\s?(?P<half>[ap])\.?\s?m\b\.?)?",
    re.IGNORECASE,
)
# A date's time follows it closely ("on November 14, 2026 at approximately 9:16 p.m.").
_TIME_WITHIN = 40
# Zones are written in capitals; read case-sensitively, "est" in a word is no zone.
_ZONE = OnFirstUse(
    r"[ \t]*(?:hrs\.?|hours)?[ \t]*(?:"
    r"(?:UTC|GMT)[ \t]?(?P<sign>[+−-])(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?(?!\d)|"
    r"(?P<bare_sign>[+−-])(?P<bare_hours>\d{2}):?(?P<bare_minutes>\d{2})(?!\d)|"
    r"(?P<spelled>(?:[A-Z][a-z]+ ){1,3}Time)\b|"  # "Pacific Daylight Time" is PDT
    r"(?P<name>[A-Z]{1,5})(?![A-Za-z]))"
)


def timestamp(text: str, order: DateOrder | None = None, zone: str = "") -> str | None:
    """The first date in the text with the time that follows it, as an ISO timestamp, with
    its zone's offset where the text gives one ("2026-11-03T14:22:09-05:00"), else that of
    `zone`, the zone its context declares ("UTC-3"); the date alone where no time follows."""
    dates = find_dates(text, order)
    if not dates:
        return None
    day, after = dates[0].value, text[dates[0].end :]
    time = _TIME().search(after, 0, _TIME_WITHIN)
    hour = _hour(time) if time else None
    if hour is None:
        return day.isoformat()
    clock = f"{hour:02d}:{time['minute']}:{time['second'] or '00'}"
    offset = _offset(after[time.end() :]) or _offset(zone)
    return f"{day.isoformat()}T{clock}{offset}"


def _hour(time: re.Match[str]) -> int | None:
    hour, half = int(time["hour"]), (time["half"] or "").lower()
    if half:
        return hour % 12 + (12 if half == "p" else 0) if 1 <= hour <= 12 else None
    return hour if hour < 24 else None


def _offset(after: str) -> str:
    """The zone written just after a time as an offset, "Z" for UTC; "" where none is."""
    zone = _ZONE().match(after)
    if not zone:
        return ""
    if zone["spelled"]:
        offset = _vocab()["zones"].get("".join(w[0] for w in zone["spelled"].split()), "")
    elif zone["name"]:
        offset = _vocab()["zones"].get(zone["name"], "")
    elif zone["sign"]:
        offset = _signed(zone["sign"], zone["hours"], zone["minutes"])
    else:
        offset = _signed(zone["bare_sign"], zone["bare_hours"], zone["bare_minutes"])
    return "Z" if offset in ("+00:00", "-00:00") else offset


def _signed(sign: str, hours: str, minutes: str | None) -> str:
    if int(hours) > 14 or int(minutes or 0) > 59:
        return ""
    return f"{'+' if sign == '+' else '-'}{int(hours):02d}:{minutes or '00'}"
