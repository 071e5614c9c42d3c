"""An emergency is due in hours: the moment it must be answered by, and counsel told at once."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from custodes.cases.links import case_link
from custodes.cases.models import Case
from custodes.cases.people import staff_addresses
from custodes.law.request import Request
from custodes.law.vocab import Instrument
from custodes.outbox.delivery import queue_mail


def is_emergency(request: Request) -> bool:
    return request.emergency or request.instrument is Instrument.EMERGENCY_REQUEST


def mark_urgent(case: Case) -> None:
    """Set the hour an emergency case is due and e-mail counsel, in the transaction that opens
    it (the e-mail goes once it commits)."""
    hours = settings.CUSTODES_EMERGENCY_HOURS
    case.due_at = timezone.now().replace(microsecond=0) + timedelta(hours=hours)
    case.save(update_fields=["due_at", "updated_at"])
    to = staff_addresses(case, counsel=True)
    if not to:
        return
    details = case.demand.emergency_details or {}
    body = render_to_string(
        "cases/emergency_alert.txt",
        {
            "due_at": timezone.localtime(case.due_at).strftime("%Y-%m-%d %H:%M %Z"),
            "hours": hours,
            "reference": case.reference,
            "agency": case.agency,
            "nature": details.get("nature", ""),
            "link": case_link(case),
        },
    )
    subject = f"Emergency request {case.reference}: due in {hours} hours"
    queue_mail(f"emergency:{case.pk}", to, subject, body, "emergency", case.subject)
