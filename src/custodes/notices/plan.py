"""The facts of one case that decide its notice, read from the database for `law.notice`."""

from __future__ import annotations

from datetime import date, timedelta
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q

from custodes.cases.models import Case
from custodes.cases.workflow import State
from custodes.law.decision import Decision
from custodes.law.notice import CourtOrder, Facts, Schedule, effective_action, schedule
from custodes.law.vocab import Code, NoticeAction

# The states in which the notice period has begun: notices before production go out at once.
NOTICE_PERIOD_BEGUN = (State.NOTICE_PERIOD, State.CHALLENGED, State.PRODUCING, State.CLOSED)


def notice_action(case: Case, decision: Decision | None = None) -> NoticeAction:
    """What the notice is to be; `decision` is the latest review's, where the caller has it."""
    if case.state == State.CLOSED and case.disclosed_on is None:
        return NoticeAction.NONE  # closed with nothing disclosed: nothing to tell
    decision = decision or case.latest_review.as_decision()
    decided = case.decision_in_force
    return effective_action(decision.notice.action, decided.action if decided else None)


def finding_codes(case: Case, decision: Decision | None = None) -> set[Code]:
    """The codes of the findings of the case's latest review."""
    decision = decision or case.latest_review.as_decision()
    return set(decision.codes)


def facts_for(case: Case, today: date) -> Facts:
    decision = case.latest_review.as_decision()  # read once: the largest thing read here
    codes = finding_codes(case, decision)
    ruling = case.notice_rulings.first()
    return Facts(
        action=notice_action(case, decision),
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


def ways_due_by(day: date, today: date) -> list[tuple[Q, str]]:
    """Each way a case's waiting notices can fall due by `day`, judged from the dates that
    set it (with the field that holds the date), so that a desk holding thousands of notices
    under open-ended orders does not weigh each of them on every pass."""
    emergency_days = timedelta(days=settings.CUSTODES_EMERGENCY_NOTICE_DAYS)
    # A court's order, a ruling or an emergency sets its own day.
    ways = [
        (Q(secrecy_ends_on__lte=day), "secrecy_ends_on"),
        (Q(nondisclosure__lifted_on__lte=day), "nondisclosure__lifted_on"),
        (Q(notice_rulings__send_on__lte=day), "notice_rulings__send_on"),
        (Q(instrument="emergency_request", disclosed_on__lte=day - emergency_days), "disclosed_on"),
    ]
    if day >= today:
        # Notice before production (and the rare child-safety hold) falls due once the
        # period begins, today at the earliest: never before today.
        begun = (
            Q(state__in=NOTICE_PERIOD_BEGUN)
            & ~Q(secrecy="court_ordered")
            & ~Q(instrument="emergency_request")
        )
        ways.append((begun, "received_on"))
    return ways


def may_be_due_by(day: date, today: date) -> Q:
    return reduce(or_, (way for way, _ in ways_due_by(day, today)))
