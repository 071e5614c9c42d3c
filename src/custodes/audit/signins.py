"""The trace of failed sign-ins, kept without queueing a flood on the chain's lock: the first
failure of an account name in an hour is an audit event; the rest of that hour only count in
a tally, and the worker writes the hour's count as one event once the hour is over."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from custodes.audit.chain import record
from custodes.audit.models import FailedSignIns


def failed(subject: str) -> None:
    now = timezone.now()
    hour = now.replace(minute=0, second=0, microsecond=0)
    tally = FailedSignIns.objects.filter(subject=subject, hour=hour)
    if tally.update(failures=F("failures") + 1, last_at=now):
        return
    try:
        with transaction.atomic():
            FailedSignIns.objects.create(subject=subject, hour=hour, last_at=now)
            record("custodes.auth.login_failed", None, subject, {"hour": hour.isoformat()})
    except IntegrityError:  # another attempt made the hour's tally first: count in it
        tally.update(failures=F("failures") + 1, last_at=now)


def record_past_hours() -> int:
    """One event for each past hour in which an account name failed more than once; each
    tally is claimed by one worker only."""
    hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    written = 0
    for tally in FailedSignIns.objects.filter(hour__lt=hour, failures__gt=1, recorded=False):
        with transaction.atomic():
            if not FailedSignIns.objects.filter(pk=tally.pk, recorded=False).update(recorded=True):
                continue
            data = {"hour": tally.hour.isoformat(), "failures": tally.failures}
            record("custodes.auth.login_failures_counted", None, tally.subject, data)
            written += 1
    return written
