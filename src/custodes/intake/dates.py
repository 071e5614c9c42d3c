"""Dates as demands write them: "November 16, 2026", "12 November 2026", "13th day of
November, 2026", "11/09/2026", "2026-11-16", "Mon, 9 Nov 2026"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan", "januar", "janvier"),
            ("february", "feb", "februar", "février"),
            ("march", "mar", "märz", "maerz", "mars"),
            ("april", "apr", "avril"),
            ("may", "mai"),
            ("june", "jun", "juni", "juin"),
            ("july", "jul", "juli", "juillet"),
            ("august", "aug", "août"),
            ("september", "sep", "sept"),
            ("october", "oct", "oktober", "octobre"),
            ("november", "nov", "novembre"),
            ("december", "dec", "dezember", "décembre"),
        ],
        start=1,
    )
    for name in names
}
# Any word in the month's place; `_to_date` keeps only real month names. One generic word is
# far cheaper for the regex engine than forty alternatives tried at every position.
_MONTH = r"(?P<month>[^\W\d_]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}(?:\s+day)?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d{2})\b"),
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d{2})\b"),
]


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


def find_dates(text: str) -> list[Found]:
    """Every date in the text, in order, overlapping matches resolved to the first pattern.

    The patterns run only around four-digit years, which every date they read contains.
    """
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    windows = _year_windows(text)
    for pattern in _PATTERNS:
        matches = (m for start, end in windows for m in pattern.finditer(text, start, end))
        for match in matches:
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            value = _to_date(match)
            if value:
                found.append(Found(match.start(), match.end(), value))
                taken.append(match.span())
    return sorted(found, key=lambda f: f.start)


def first_date(text: str) -> date | None:
    found = find_dates(text)
    return found[0].value if found else None


def _to_date(match: re.Match[str]) -> date | None:
    month_text = match["month"].lower().rstrip(".")
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text)
    try:
        return date(int(match["year"]), month or 0, int(match["day"]))
    except ValueError:
        return None


_RANGE_JOIN = re.compile(
    r"^\s*,?\s*(?:(?:up\s+)?(?:through|thru|to|until|till|and)(?:\s+and\s+including)?|[-–—])\s*$",
    re.IGNORECASE,
)
_TO_PRESENT = re.compile(
    r"^\s*(?:through|to|until)\s+(?:the\s+)?"
    r"(?:present|date of this (?:request|order|letter)|today)",
    re.IGNORECASE,
)


# "between March 1 and August 31, 2026": the year written once, at the end.
_SHARED_YEAR = re.compile(
    rf"\b(?P<m1>[^\W\d_]{{3,9}})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*"
    rf"(?:and|to|through|thru|until|-|–)\s*(?P<m2>[^\W\d_]{{3,9}})\.?\s+"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b"
)


def _shared_year_ranges(text: str) -> list[Span]:
    spans = []
    windows = [(max(0, s - 40), e) for s, e in _year_windows(text)]
    for match in (m for s, e in windows for m in _SHARED_YEAR.finditer(text, s, e)):
        m1, m2 = _MONTHS.get(match["m1"].lower()), _MONTHS.get(match["m2"].lower())
        if not (m1 and m2):
            continue
        try:
            start = date(int(match["year"]), m1, int(match["d1"]))
            end = date(int(match["year"]), m2, int(match["d2"]))
        except ValueError:
            continue
        if start <= end:
            spans.append(Span(start, end, match.start()))
    return spans


@dataclass(frozen=True)
class Span:
    start: date | None
    end: date | None
    position: int


def find_ranges(text: str) -> list[Span]:
    """Date ranges: "X through Y", "between X and Y", "from X to Y", "X to the present"."""
    found = find_dates(text)
    spans: list[Span] = []
    used: set[int] = set()
    for index, first in enumerate(found):
        if index in used:
            continue
        following = found[index + 1] if index + 1 < len(found) else None
        if following and _RANGE_JOIN.match(text[first.end : following.start]):
            if first.value <= following.value:
                spans.append(Span(first.value, following.value, first.start))
                used.add(index + 1)
            continue
        if _TO_PRESENT.match(text[first.end : first.end + 40]):
            spans.append(Span(first.value, None, first.start))
    return sorted(spans + _shared_year_ranges(text), key=lambda span: span.position)
