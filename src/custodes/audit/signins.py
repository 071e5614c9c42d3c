"""The trace of failed and refused sign-ins, kept without queueing a flood on the chain's
lock: the first failure of an account name in an hour is an audit event; the rest of that
hour, and every attempt the sign-in budget turned away, only count in a tally, and the
worker writes the hour's counts as one event once the hour is over."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from custodes.audit.chain import record
from custodes.audit.models import FailedSignIns


def failed(subject: str) -> None:
    """A name, password and code that did not match; the hour's first is an audit event."""
    now = timezone.now()
    tally = _tally(subject, now)
    if tally.filter(failures__gt=0).update(failures=F("failures") + 1, last_at=now):
        return
    with transaction.atomic():
        if _first_failure(tally, subject, now):
            hour = _hour(now).isoformat()
            record("custodes.auth.login_failed", None, subject, {"hour": hour})
        else:
            tally.update(failures=F("failures") + 1, last_at=now)


def _first_failure(tally, subject: str, now) -> bool:
    """Whether this attempt is the hour's first failure: one attempt only moves the tally's
    failures from 0 to 1 or makes the tally."""
    claim = {"failures": 1, "last_at": now}
    if tally.filter(failures=0).update(**claim) or _created(subject, now, "failures"):
        return True
    # another attempt made the tally a moment ago, perhaps a refusal: claim again
    return bool(tally.filter(failures=0).update(**claim))


def refused(subject: str) -> None:
    """An attempt the sign-in budget turned away before anything was checked."""
    now = timezone.now()
    tally = _tally(subject, now)
    if not tally.update(refused=F("refused") + 1, last_at=now) and not _created(
        subject, now, "refused"
    ):
        tally.update(refused=F("refused") + 1, last_at=now)


def _tally(subject: str, now):
    return FailedSignIns.objects.filter(subject=subject, hour=_hour(now))


def _created(subject: str, now, field: str) -> bool:
    """The hour's tally made with this attempt in it; False when another attempt made it."""
    try:
        with transaction.atomic():
            FailedSignIns.objects.create(
                subject=subject, hour=_hour(now), last_at=now, **{field: 1}
            )
    except IntegrityError:
        return False
    return True


def record_past_hours() -> int:
    """One event for each past hour of an account name with more to tell than its first
    failure; each tally is claimed by one worker only."""
    hour = _hour(timezone.now())
    unrecorded = FailedSignIns.objects.filter(hour__lt=hour, recorded=False)
    written = 0
    for tally in unrecorded.filter(Q(failures__gt=1) | Q(refused__gt=0)):
        with transaction.atomic():
            if not FailedSignIns.objects.filter(pk=tally.pk, recorded=False).update(recorded=True):
                continue
            counts = {"failures": tally.failures, "refused": tally.refused}
            data = {"hour": tally.hour.isoformat(), **counts}
            record("custodes.auth.login_failures_counted", None, tally.subject, data)
            written += 1
    return written


def _hour(moment):
    return moment.replace(minute=0, second=0, microsecond=0)
