"""Requests per half-year, for the trend: the imported totals of the periods before custodes,
then the periods its own cases cover."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count
from django.db.models.functions import ExtractMonth, ExtractYear

from custodes.cases.models import Case
from custodes.transparency import schema
from custodes.transparency.models import PublishedTotal
from custodes.transparency.periods import Period


def requests_by_period() -> list[tuple[str, int]]:
    counted: dict[str, int] = defaultdict(int)
    cases = (
        Case.objects.exclude(received_on__isnull=True)
        .exclude(instrument__in=schema.NATIONAL_SECURITY)
        .exclude(instrument="preservation_request")
        .annotate(year=ExtractYear("received_on"), month=ExtractMonth("received_on"))
        .values("year", "month")
        .annotate(n=Count("id"))
    )
    for row in cases:
        counted[Period.half(row["year"], 1 if row["month"] <= 6 else 2).label] += row["n"]
    published: dict[str, int] = defaultdict(int)
    for total in PublishedTotal.objects.filter(requests__isnull=False).exclude(
        legal_process__in=("Preservation Requests",)
    ):
        if total.period in counted or "H" not in total.period:
            continue  # custodes' own count wins; yearly totals do not fit half-years
        if total.source == "google" and total.legal_process != schema.ALL:
            continue  # Google's "All" rows already sum the processes of a country
        published[total.period] += total.requests
    merged = {**published, **counted}
    return sorted(merged.items())
