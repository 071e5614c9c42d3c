"""The dates counsel must act by on challenges, joined to the reminders and the overdue list
(`notices.deadlines`): an objection that no filing in court followed within
`CUSTODES_CHALLENGE_FILING_DAYS` comes back to counsel to decide whether it lapses (it never
lapses by itself), and a pending challenge's hearing."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone

from custodes.cases.workflow import State
from custodes.challenges.models import Challenge
from custodes.notices.deadlines import Deadline
from custodes.notices.models import Objection

FILING_WHAT = (
    "No filing in court has followed the objection from {address}: decide whether it lapses "
    "or keep waiting"
)


def filing_due_on(objection: Objection) -> date:
    """The day counsel decides: the filing days after the objection, or after counsel last
    decided to keep waiting."""
    decisions = list(objection.filing_decisions.all())
    since = decisions[0].decided_on if decisions else timezone.localdate(objection.received_at)
    return since + timedelta(days=settings.CUSTODES_CHALLENGE_FILING_DAYS)


def unfiled(case=None):
    """Objections not ended, followed by no filing and not lapsed, on open cases."""
    objections = (
        Objection.objects.filter(outcome="", challenges__isnull=True)
        .exclude(notice__case__state=State.CLOSED)
        .exclude(filing_decisions__decision="lapse")
        .select_related("notice__case")
        .prefetch_related("filing_decisions")
    )
    if case is not None:
        objections = objections.filter(notice__case=case)
    return objections.order_by("received_at", "pk")


def challenge_deadlines(today: date, until: date | None):
    for objection in unfiled():
        due_on = filing_due_on(objection)
        if until is None or due_on <= until:
            what = FILING_WHAT.format(address=objection.notice.address)
            yield Deadline(objection.notice.case, "challenge_filing", due_on, what, counsel=True)
    hearings = Challenge.objects.filter(
        ruling=Challenge.Ruling.PENDING, hearing_on__isnull=False
    ).select_related("case")
    if until is not None:
        hearings = hearings.filter(hearing_on__lte=until)
    for challenge in hearings.exclude(case__state=State.CLOSED):
        what = f"The hearing on the {challenge}"
        yield Deadline(
            challenge.case, "challenge_hearing", challenge.hearing_on, what, counsel=True
        )
