"""The report's figures kept between requests: the page is public, anyone may ask for it as
often as they like, and computing it reads every case of the period.

Figures are kept under a key that holds what changes when a case does: the latest change to
any case (a new case in the period, a case closed, data produced: each sets its time), and the
latest import of published totals. Each request reads those from indexes, so a process
never serves figures older than the cases it can see; what changes outside those tables (a
notice's e-mail going out, an objection) shows at the latest `CUSTODES_REPORT_CACHE_SECONDS`
later.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache

from custodes.cases.models import Case
from custodes.transparency.aggregate import Report, compute
from custodes.transparency.history import requests_by_period
from custodes.transparency.models import PublishedTotal
from custodes.transparency.periods import Period

T = TypeVar("T")


def report_for(period: Period) -> Report:
    return _kept(f"report:{period.label}", lambda: compute(period))


def history() -> list[tuple[str, int]]:
    return _kept("history", requests_by_period)


def _kept(name: str, work: Callable[[], T]) -> T:
    seconds = settings.CUSTODES_REPORT_CACHE_SECONDS
    if not seconds:
        return work()
    key = f"custodes:{name}:{_version()}"
    found = cache.get(key)
    if found is None:
        found = work()
        cache.set(key, found, seconds)
    return found


def _version() -> str:
    latest = [
        Case.objects.order_by("-updated_at").values_list("updated_at", flat=True).first(),
        PublishedTotal.objects.order_by("-imported_at")
        .values_list("imported_at", flat=True)
        .first(),
    ]
    return ":".join(f"{t.timestamp():.6f}" if t else "-" for t in latest)
