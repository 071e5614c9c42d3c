"""Sealing as background work. A production waiting to be sealed is its own queue entry: the
worker claims it with a conditional UPDATE (two workers never seal the same package) and
seals it. A worker that stops mid-seal leaves its claim; once the lease is over the production
is marked failed, nothing having been handed over, and a person starts the seal again."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from django.utils import timezone

from custodes.production.models import Production
from custodes.production.services import give_up, seal

LEASE = timedelta(hours=6)  # far longer than the largest package takes to seal
STOPPED = "The worker stopped while sealing this package; nothing was handed over. Seal it again."

log = logging.getLogger(__name__)


def seal_due(stopping: Callable[[], bool] = lambda: False) -> int:
    """Seal every production that waits, oldest first; returns how many were tried."""
    tried = 0
    waiting = Production.objects.filter(status=Production.Status.SEALING, claimed_at=None)
    while not stopping():
        production_id = waiting.order_by("created_at", "pk").values_list("pk", flat=True).first()
        if production_id is None:
            return tried
        if waiting.filter(pk=production_id).update(claimed_at=timezone.now()):
            _seal(production_id)
        tried += 1
    return tried


def _seal(production_id: int) -> None:
    try:
        seal(production_id)
    except Exception:  # already marked failed with its reason; the next one is sealed
        log.exception("production %s failed to seal", production_id)


def recover() -> int:
    """Mark failed what a stopped worker left claimed past the lease; returns how many."""
    stalled = Production.objects.filter(
        status=Production.Status.SEALING, claimed_at__lt=timezone.now() - LEASE
    ).select_related("case")
    for production in stalled:
        give_up(production, STOPPED)
    return len(stalled)
