"""The one place that says whether a case may move: the workflow's table, the decision that
allows data to leave, an emergency's call-back, and what notice asks. Every face (the staff
pages, the API, the commands) moves a case through `services.move`, which asks `check_move`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from custodes.cases import roles
from custodes.cases.models import Case, Decision
from custodes.cases.workflow import DISCLOSING, Move, State, check_move_table
from custodes.hooks import Hooks
from custodes.law.approval import counsel_reasons
from custodes.law.refusal import Refused

# The states in which data may leave, or be about to: each needs a decision that allows it.
NEEDS_APPROVAL = (*DISCLOSING, State.CHALLENGED)

# What the apps built on cases ask of every move `services.move` makes (notice's periods and
# windows), registered from their AppConfig.ready so that cases imports none of them: `check`
# (case, target, today) raises Refused before the move; `after` (case, today) runs once it
# is made, in its transaction.
MoveCheck = Callable[[Case, str, date], None]
AfterMove = Callable[[Case, date], None]
_checks: Hooks[MoveCheck] = Hooks()
_afters: Hooks[AfterMove] = Hooks()


def register_move_hooks(check: MoveCheck, after: AfterMove) -> None:
    _checks.register(check)
    _afters.register(after)


def check_move(case: Case, user, target: str, outcome: str, today: date) -> Move:
    move = check_move_table(case.state, target, outcome, roles.is_counsel(user))
    if target in DISCLOSING:
        refusal = disclosure_refusal(case)
        if refusal:
            raise Refused(refusal)
        _check_callback(case)
    for check in _checks:
        check(case, target, today)
    return move


def after_move(case: Case, today: date) -> None:
    for after in _afters:
        after(case, today)


def disclosure_refusal(case: Case, decision: Decision | None = None) -> str | None:
    """Why the decision on record (or `decision`) does not let data leave; None if it does."""
    decision = decision if decision is not None else case.decision_in_force
    engine = case.latest_review.as_decision()
    allowed = decision.allowed_categories if decision else engine.allowed_categories
    needs_counsel = counsel_reasons(
        case.instrument,
        engine.action,
        [(f.code, f.severity) for f in engine.findings],
        allowed,
    )
    if decision is None or not decision.approves:
        what = (
            "no decision is on record"
            if decision is None
            else f"the decision on record is to {decision.action}, with nothing to produce"
        )
        if needs_counsel:
            return (
                f"Only counsel's decision approves this case ({'; '.join(needs_counsel)}); "
                f"{what}: ask counsel to record theirs."
            )
        return f"{what.capitalize()}: record a decision to produce (or produce in part) first."
    if needs_counsel and not decision.by_counsel:
        return (
            f"Only counsel's decision approves this case ({'; '.join(needs_counsel)}); the "
            "decision on record is a reviewer's: ask counsel to record theirs."
        )
    return None


def _check_callback(case: Case) -> None:
    if case.instrument == "emergency_request" and not case.callbacks.exists():
        raise Refused(
            "No emergency disclosure before a call-back: call the agency on a number from an "
            "independent source and record it on this case first."
        )
