"""The facts of one case that decide its notice, read from the database for `law.notice`."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db.models import Q

from custodes.cases.models import Case
from custodes.cases.workflow import State
from custodes.law.notice import CourtOrder, Facts, Schedule, effective_action, schedule
from custodes.law.vocab import Code, NoticeAction

# The states in which the notice period has begun: notices before production go out at once.
NOTICE_PERIOD_BEGUN = (State.NOTICE_PERIOD, State.CHALLENGED, State.PRODUCING, State.CLOSED)


def notice_action(case: Case) -> NoticeAction:
    if case.state == State.CLOSED and case.disclosed_on is None:
        return NoticeAction.NONE  # closed with nothing disclosed: nothing to tell
    engine = case.reviews.first()
    decided = case.decisions.in_force().first()
    return effective_action(
        engine.decision["notice"]["action"], decided.action if decided else None
    )


def finding_codes(case: Case) -> set[str]:
    """The codes of the findings of the case's latest review."""
    return {finding["code"] for finding in case.reviews.first().decision["findings"]}


def facts_for(case: Case, today: date) -> Facts:
    codes = finding_codes(case)
    ruling = case.notice_rulings.first()
    return Facts(
        action=notice_action(case),
        order=court_order(case) if Code.NDO_IN_FORCE in codes else None,
        child_safety=Code.CHILD_SAFETY_EXCEPTION in codes,
        notice_period_from=today if case.state in NOTICE_PERIOD_BEGUN else None,
        disclosed_on=case.disclosed_on,
        ruled_on=ruling.send_on if ruling else None,
        emergency_days=settings.CUSTODES_EMERGENCY_NOTICE_DAYS,
    )


def court_order(case: Case) -> CourtOrder:
    record = getattr(case, "nondisclosure", None)
    return CourtOrder(
        expires_on=case.secrecy_ends_on, lifted_on=record.lifted_on if record else None
    )


def schedule_for(case: Case, today: date) -> Schedule:
    return schedule(facts_for(case, today))


def may_be_due_by(day: date) -> Q:
    """The cases whose waiting notices can fall due by `day`, judged from the dates that set
    it, so that a desk holding thousands of notices under open-ended orders does not weigh
    each of them on every pass."""
    emergency_days = timedelta(days=settings.CUSTODES_EMERGENCY_NOTICE_DAYS)
    return (
        # Notice before production (and the rare child-safety hold) once the period begins;
        # a court's order or an emergency sets its own day, below.
        Q(state__in=NOTICE_PERIOD_BEGUN)
        & ~Q(secrecy="court_ordered")
        & ~Q(instrument="emergency_request")
        | Q(secrecy_ends_on__lte=day)
        | Q(nondisclosure__lifted_on__lte=day)
        | Q(notice_rulings__send_on__lte=day)
        | Q(instrument="emergency_request", disclosed_on__lte=day - emergency_days)
    )
