"""Writing a case's due notices to the outbox: called after every change that may make one due
(a move, an address added, an order lifted, a day set) and by each background pass."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import transaction

from custodes.audit.chain import record
from custodes.cases.models import Case
from custodes.notices import letters
from custodes.notices.models import Notice
from custodes.notices.plan import schedule_for
from custodes.outbox.delivery import queue_mail


def queue_due(case: Case, today: date) -> int:
    """Write every notice of the case that is due and not yet written; returns how many."""
    with transaction.atomic():
        waiting = list(
            Notice.objects.select_for_update().filter(case=case, mail__isnull=True).order_by("pk")
        )
        if not waiting:
            return 0
        plan = schedule_for(case, today)
        if plan.send_on is None or plan.send_on > today:
            return 0
        for notice in waiting:
            notice.queued_on = today
            notice.offers_objection = plan.offers_objection
            notice.window_days = settings.CUSTODES_CHALLENGE_WINDOW_DAYS
            subject, body = letters.notice_mail(notice, plan, today)
            notice.mail = queue_mail(
                f"notice:{notice.pk}", [notice.address], subject, body, "notice", case.subject
            )
            notice.save(update_fields=["queued_on", "offers_objection", "window_days", "mail"])
            deadline = notice.objection_deadline
            record(
                "custodes.notice.queued",
                None,
                case.subject,
                {
                    "notice": notice.pk,
                    "message_id": notice.mail.message_id,
                    "objection_deadline": deadline.isoformat() if deadline else None,
                    "reason": plan.reason,
                    "citation": plan.citation,
                },
            )
        return len(waiting)
