"""People's decisions: agreeing with the engine, and overriding it only with a reason."""

from __future__ import annotations

import pytest

from custodes.audit.models import Event
from custodes.cases import services
from custodes.cases.models import Decision
from custodes.law.refusal import Refused

pytestmark = pytest.mark.django_db


def test_a_reviewer_may_confirm_the_engines_decision(case, reviewer):
    decision = services.decide(case, reviewer, "produce", ["subscriber"], "")
    assert not decision.overrides_engine
    event = Event.objects.get(action="custodes.decision.recorded")
    assert event.data["action"] == "produce" and event.actor == reviewer


def test_an_override_without_a_reason_is_refused(case, counsel):
    with pytest.raises(Refused, match="written reason"):
        services.decide(case, counsel, "reject", [], "   ")
    assert not Decision.objects.exists()


def test_a_reviewer_cannot_override_the_engine(case, reviewer):
    with pytest.raises(Refused, match="Only counsel"):
        services.decide(case, reviewer, "reject", [], "I think it is a forgery")


def test_counsel_overrides_with_a_reason_and_the_log_keeps_it(case, counsel):
    reason = "The agent's call-back number does not match the agency's published one."
    decision = services.decide(case, counsel, "reject", [], reason)
    assert decision.overrides_engine and decision.reason == reason
    event = Event.objects.get(action="custodes.decision.recorded")
    assert event.data["reason"] == reason and event.data["engine_action"] == "produce"


def test_narrowing_the_categories_is_an_override(open_case, reviewer):
    case = open_case(instrument="search_warrant", categories=["subscriber", "content"])
    with pytest.raises(Refused, match="Only counsel"):
        services.decide(case, reviewer, "produce", ["subscriber"], "")


def test_a_correction_is_reviewed_again_and_logged(case, reviewer):
    engine = services.correct_request(case, reviewer, {"categories": ["subscriber", "content"]})
    assert engine.decision["action"] == "produce_partial"
    assert case.reviews.count() == 2
    event = Event.objects.get(action="custodes.request.corrected")
    assert event.data["changed"]["categories"]["to"] == ["subscriber", "content"]


def test_a_correction_that_breaks_the_contract_is_refused(case, reviewer):
    with pytest.raises(Refused, match="instrument"):
        services.correct_request(case, reviewer, {"instrument": "letter"})
