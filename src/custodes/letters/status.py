"""The e-mail a requester gets when their demand's state changes: the state as the portal
shows it, and nothing else (not who was told, nor what the account holder did beyond what
the portal itself says)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.template.loader import render_to_string

from custodes.cases.models import Case
from custodes.law import words
from custodes.outbox.delivery import queue_mail


def on_case_moved(sender, case: Case, source: str, **_) -> None:
    state_changed(case, source)


def state_changed(case: Case, source: str) -> None:
    """Called in the transaction of the move. Only demands a signed-in requester submitted
    are told: the sender named in an uploaded or e-mailed document is not yet known to be
    who it claims."""
    requester = case.demand.submitted_by
    before, after = words.REQUESTER_STATES.get(source), words.REQUESTER_STATES.get(case.state)
    if requester is None or not requester.email or before == after:
        return
    body = render_to_string(
        "letters/state_changed.txt",
        {
            "reference": case.reference,
            "case_number": case.demand.case_number,
            "state": after,
            "outcome": words.label("outcome", case.outcome) if case.outcome else "",
            "link": f"{settings.CUSTODES_SITE_URL}/portal/demands/{case.reference}/",
        },
    )
    subject = f"{case.reference}: your demand is now {after}"
    # A case may pass the same way twice (asked, answered, asked again): each move is one mail.
    key = f"state:{case.reference}:{uuid.uuid4().hex}"
    queue_mail(key, [requester.email], subject, body, "requester_state", case.subject)
