"""Telling the account holders who were notified how the demand ended: withdrawn, quashed,
the objection denied by a court (and what follows), produced (what, and when), or closed for
another reason. Called in the transaction of the change, with its audit event."""

from __future__ import annotations

from custodes.audit.chain import record
from custodes.cases.models import Case
from custodes.cases.workflow import NOT_COUNTED
from custodes.notices import letters
from custodes.outbox.delivery import queue_mail
from custodes.outbox.models import Mail

DENIED = "denied"  # not a way a case closes: the court let production go ahead


def tell_holders(case: Case, outcome: str) -> int:
    """Write, once, to every holder whose notice went out; returns how many were written to.
    A case closed as a duplicate or entered in error is not an end: the demand goes on
    elsewhere, or never was."""
    if outcome in NOT_COUNTED:
        return 0
    told = 0
    for notice in case.notices.filter(mail__isnull=False).order_by("pk"):
        key = f"outcome:{notice.pk}:{outcome}"
        if Mail.objects.filter(key=key).exists():
            continue  # told already
        subject, body = letters.outcome_mail(notice, outcome)
        mail = queue_mail(key, [notice.address], subject, body, "outcome", case.subject)
        data = {"notice": notice.pk, "outcome": outcome, "message_id": mail.message_id}
        record("custodes.notice.outcome_queued", None, case.subject, data)
        told += 1
    return told
