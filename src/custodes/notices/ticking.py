"""One background pass: settle what a stopped worker left, write the notices that have come
due (a court's order ended, an emergency's 90 days passed), and the reminders before each
deadline. Safe to run as often as wanted, by as many workers as wanted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from custodes.cases.models import Case
from custodes.notices.deadlines import send_reminders
from custodes.notices.models import Notice
from custodes.notices.plan import may_be_due_by
from custodes.notices.queueing import queue_due
from custodes.outbox.delivery import recover


@dataclass(frozen=True)
class Pass:
    notices: int
    reminders: int


def run_pass(today: date | None = None) -> Pass:
    today = today or timezone.localdate()
    recover()
    waiting = Notice.objects.filter(mail__isnull=True).values_list("case_id", flat=True)
    due = Case.objects.filter(may_be_due_by(today, today), pk__in=waiting).distinct()
    notices = sum(queue_due(case, today) for case in due)
    return Pass(notices=notices, reminders=send_reminders(today))
