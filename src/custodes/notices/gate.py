"""What notice asks of the workflow, registered with the cases' gate from NoticesConfig.ready
(cases imports nothing of notices): `cases.services.move` asks `check_move` before a move and
calls `after_move` once it is made, in the same transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from custodes.cases.models import Case
from custodes.cases.workflow import State
from custodes.hooks import Hooks
from custodes.law.refusal import Refused
from custodes.law.vocab import NoticeAction
from custodes.notices import outcomes
from custodes.notices.models import Objection
from custodes.notices.plan import notice_action, schedule_for
from custodes.notices.queueing import queue_due

# The objections that no longer hold a challenged case back (challenges: lapsed by counsel's
# decision, or held back account by account after counsel's go-ahead), registered from the
# app's AppConfig.ready so that notices imports none of it: each gives objections' ids.
Excused = Callable[[Case], set[int]]
_excused: Hooks[Excused] = Hooks()
register_excused = _excused.register


def check_move(case: Case, target: str, today: date) -> None:
    if target == State.NOTICE_PERIOD:
        _check_notice_period(case, today)
    elif case.state == State.CHALLENGED:
        _check_challenge_settled(case, target)
    elif target == State.PRODUCING:
        _check_notice_before_production(case, today)


def _check_notice_period(case: Case, today: date) -> None:
    if notice_action(case) != NoticeAction.NOTIFY_BEFORE_PRODUCTION:
        raise Refused(f"This case has no notice period. {schedule_for(case, today).reason}")
    if not case.notices.exists():
        raise Refused(
            "Enter the account holder's e-mail address first: the notice goes out the moment "
            "the case enters its notice period."
        )


def _check_notice_before_production(case: Case, today: date) -> None:
    if case.state == State.APPROVED:
        if notice_action(case) == NoticeAction.NOTIFY_BEFORE_PRODUCTION:
            raise Refused(
                "The user is told first: move the case to its notice period; production may "
                "start once the window to object has passed."
            )
        return
    for notice in case.notices.select_related("mail"):
        if notice.status != "sent":
            raise Refused(
                f"The notice to {notice.address} has not gone out ({notice.status}); "
                "production waits until it has and its window to object has passed."
            )
        deadline = notice.objection_deadline
        if deadline and today <= deadline:
            start = (deadline + timedelta(days=1)).isoformat()
            raise Refused(
                f"The window to object ends on {deadline.isoformat()}; production may start "
                f"on {start}."
            )


def _check_challenge_settled(case: Case, target: str) -> None:
    excused = set().union(*(excused(case) for excused in _excused))
    objections = Objection.objects.filter(notice__case=case).exclude(pk__in=excused)
    if objections.filter(outcome="").exists():
        raise Refused(
            "The user's objection is pending: record how it ended (quashed, withdrawn, or "
            "denied by the court, with its order)."
        )
    if target == State.PRODUCING and (
        objections.exclude(outcome=Objection.Outcome.DENIED).exists()
        or objections.filter(court_order__isnull=True).exists()
    ):
        raise Refused("Production after an objection needs the court's order denying it.")


def after_move(case: Case, today: date) -> None:
    queue_due(case, today)
    if case.state == State.CLOSED:
        outcomes.tell_holders(case, case.outcome)
