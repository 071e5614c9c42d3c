"""Reporting periods: half-years by default ("2026H1"), quarters ("2026Q1"), whole years
("2026"), or any range ("2026-01-01..2026-03-31"). No Django here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from custodes.law.refusal import Refused


@dataclass(frozen=True)
class Period:
    label: str
    start: date
    end: date  # the last day, inclusive

    @classmethod
    def parse(cls, text: str) -> Period:
        text = text.strip()
        if match := re.fullmatch(r"(\d{4})H([12])", text, re.IGNORECASE):
            return cls.half(int(match[1]), int(match[2]))
        if match := re.fullmatch(r"(\d{4})Q([1-4])", text, re.IGNORECASE):
            return cls.quarter(int(match[1]), int(match[2]))
        if re.fullmatch(r"\d{4}", text):
            year = int(text)
            return cls(text, date(year, 1, 1), date(year, 12, 31))
        if match := re.fullmatch(r"(\d{4}-\d\d-\d\d)\.\.(\d{4}-\d\d-\d\d)", text):
            try:
                start, end = date.fromisoformat(match[1]), date.fromisoformat(match[2])
            except ValueError as error:
                raise Refused(f"{text!r}: {error}") from None
            if end < start:
                raise Refused(f"{text!r}: the period ends before it starts")
            return cls(text, start, end)
        raise Refused(
            f"{text!r} is not a period: write a half-year (2026H1), a quarter (2026Q1), a year "
            "(2026) or a range (2026-01-01..2026-03-31)"
        )

    @classmethod
    def half(cls, year: int, half: int) -> Period:
        if half not in (1, 2):
            raise Refused(f"half {half} of {year}: a year has halves 1 and 2")
        if half == 1:
            return cls(f"{year}H1", date(year, 1, 1), date(year, 6, 30))
        return cls(f"{year}H2", date(year, 7, 1), date(year, 12, 31))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        start = date(year, 3 * quarter - 2, 1)
        following = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
        return cls(f"{year}Q{quarter}", start, following - timedelta(days=1))

    @classmethod
    def containing(cls, day: date) -> Period:
        return cls.half(day.year, 1 if day.month <= 6 else 2)

    @classmethod
    def ending(cls, day: date) -> Period:
        """The half-year that ends on `day` (published files name a period by its end)."""
        if (day.month, day.day) == (6, 30):
            return cls.half(day.year, 1)
        if (day.month, day.day) == (12, 31):
            return cls.half(day.year, 2)
        raise Refused(f"{day.isoformat()} does not end a half-year")

    def previous(self) -> Period:
        return Period.containing(self.start - timedelta(days=1))

    def published_on(self, delay_days: int) -> date:
        """The day the period may be shown: `delay_days` after the day it ends."""
        return self.end + timedelta(days=1 + delay_days)


def latest_published(today: date, delay_days: int) -> Period:
    """The last half-year shown on `today`: never the one under way, nor one that ended less
    than `delay_days` ago, in which a single new case could be spotted."""
    period = Period.containing(today)
    while period.published_on(delay_days) > today:
        period = period.previous()
    return period


def check_published(period: Period, today: date, delay_days: int) -> None:
    if period.published_on(delay_days) > today:
        raise Refused(
            f"{period.label} is not published yet: a period is published {delay_days} days "
            f"after it ends, so this one on {period.published_on(delay_days).isoformat()}. "
            f"The latest published is {latest_published(today, delay_days).label}."
        )
