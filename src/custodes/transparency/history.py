"""Requests per half-year, for the trend: the imported totals of the periods before custodes,
then the periods its own cases cover."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count

from custodes.transparency import schema
from custodes.transparency.aggregate import counted_cases
from custodes.transparency.models import PublishedTotal
from custodes.transparency.periods import Period


def requests_by_period() -> list[tuple[str, int]]:
    counted: dict[str, int] = defaultdict(int)
    cases = (
        counted_cases()
        .exclude(received_on__isnull=True)
        .exclude(instrument__in=schema.NATIONAL_SECURITY)
        .exclude(instrument="preservation_request")
        .values_list("received_on")
        .annotate(n=Count("*"))
        .order_by()
    )
    # By day, which the database reads from an index in order, then by half-year here.
    for day, n in cases:
        counted[Period.half(day.year, 1 if day.month <= 6 else 2).label] += n
    published = _published(exclude=set(counted))
    merged = {**published, **counted}
    return sorted(merged.items())


def _published(exclude: set[str]) -> dict[str, int]:
    """Requests per half-year in the imported totals. Within a source's half-year: its
    worldwide rows where it published them (GitHub's, beside which its cross-border rows by
    country are a breakdown), otherwise its countries' (Google's, Meta's). Within a place: its
    "All" row where published, otherwise the sum of its processes. Preservation and national
    security stay apart, as the totals leave them."""
    rows = PublishedTotal.objects.filter(requests__isnull=False, period__contains="H").exclude(
        legal_process__in=("Preservation Requests",)
    )
    every: dict[tuple[str, str, str], int] = defaultdict(int)
    parts: dict[tuple[str, str, str], int] = defaultdict(int)
    for total in rows.exclude(period__in=exclude):
        key = (total.source, total.period, total.country)
        (every if total.legal_process == schema.ALL else parts)[key] += total.requests
    worldwide = {
        (source, period) for source, period, country in every.keys() | parts.keys() if not country
    }
    periods: dict[str, int] = defaultdict(int)
    for key in every.keys() | parts.keys():
        source, period, country = key
        if not country or (source, period) not in worldwide:
            periods[period] += every[key] if key in every else parts[key]
    return periods
