"""Every legal move, a sample of illegal ones, and who may make them."""

from __future__ import annotations

import pytest

from custodes.audit.models import Event
from custodes.cases import services
from custodes.cases.models import Case
from custodes.cases.workflow import DISCLOSING, MOVES, State
from custodes.law.refusal import Refused
from custodes.notices.models import Notice

pytestmark = pytest.mark.django_db


def _in_state(case, state):
    Case.objects.filter(pk=case.pk).update(state=state)
    case.refresh_from_db()
    return case


# A court's order delays notice, so the notice rules stand in no move's way (they have their
# own tests, in tests/notices); a move into the notice period needs a notice to send.
GAGGED = {"present": True, "court_ordered": True, "expires_on": "2027-05-22"}


@pytest.mark.parametrize("move", MOVES, ids=lambda m: f"{m.source}->{m.target}")
def test_every_legal_move_is_made_with_its_audit_event(move, open_case, counsel):
    if move.target == State.NOTICE_PERIOD:
        case = open_case()
        Notice.objects.create(case=case, address="holder@example.org", added_by=counsel)
    else:
        case = open_case(nondisclosure=GAGGED)
    _in_state(case, move.source)
    if move.target in DISCLOSING:
        services.decide(case, counsel, "produce", ["subscriber"], "")
    outcome = move.outcomes[0] if move.outcomes else ""
    moved = services.move(case, counsel, move.target, outcome, reason="as the law requires")
    assert moved.state == move.target and moved.outcome == outcome
    event = Event.objects.filter(subject=case.subject, action="custodes.case.moved").last()
    assert event.data == {
        "from": move.source,
        "to": move.target,
        "outcome": outcome,
        "reason": "as the law requires",
    }
    assert event.actor == counsel


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (State.RECEIVED, State.PRODUCING),
        (State.RECEIVED, State.APPROVED),
        (State.IN_REVIEW, State.PRODUCING),
        (State.AWAITING_REQUESTER, State.APPROVED),
        (State.NOTICE_PERIOD, State.APPROVED),
        (State.PRODUCING, State.NOTICE_PERIOD),
        (State.CLOSED, State.IN_REVIEW),
        (State.CHALLENGED, State.NOTICE_PERIOD),
    ],
)
def test_an_illegal_move_is_refused_and_says_why(source, target, case, counsel):
    _in_state(case, source)
    events = Event.objects.count()
    with pytest.raises(Refused, match=f"cannot go from {source} to {target}"):
        services.move(case, counsel, target, "rejected" if target == State.CLOSED else "")
    case.refresh_from_db()
    assert case.state == source and Event.objects.count() == events


def test_only_counsel_clears_an_escalated_case(case, reviewer, counsel):
    _in_state(case, State.ESCALATED)
    services.decide(case, counsel, "produce", ["subscriber"], "")
    with pytest.raises(Refused, match="Only counsel"):
        services.move(case, reviewer, State.APPROVED)
    assert services.move(case, counsel, State.APPROVED).state == State.APPROVED


def test_closing_needs_an_outcome_the_move_allows(case, reviewer):
    _in_state(case, State.PRODUCING)
    with pytest.raises(Refused, match="needs an outcome"):
        services.move(case, reviewer, State.CLOSED, "quashed")


def test_an_admin_cannot_work_cases(case, admin):
    with pytest.raises(Refused):
        services.move(case, admin, State.IN_REVIEW)
