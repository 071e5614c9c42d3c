"""No case reaches a state in which data may leave without the decision that allows it.

The state machine walks every role through every engine action and every sequence of moves,
decisions and corrections it can draw, and after each step checks the case against an oracle
written here from the issue's words, not from the gate's code.
"""

from __future__ import annotations

import contextlib
import itertools

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from custodes.cases import services
from custodes.cases.models import Case, Decision
from custodes.cases.workflow import Outcome, State
from custodes.law.refusal import Refused
from custodes.law.vocab import Action, Category
from custodes.notices.models import Notice
from tests.helpers import RECEIVED_ON, request

pytestmark = pytest.mark.django_db

# A court's order with no end delays notice, so approval leads straight to production and the
# walk reaches every state that matters without waiting out a window to object.
GAGGED = {"present": True, "court_ordered": True, "expires_on": None}

# One demand for each engine action (and a subpoena whose block finding bears on what it
# allows), each overriding the helpers' clean grand jury subpoena.
VARIANTS = {
    "produce": dict(instrument="court_order_2703d", categories=["subscriber", "transactional"]),
    "produce_partial": dict(categories=["subscriber", "content"]),
    "unsigned_subpoena": dict(signed=False),
    "reject": dict(instrument="search_warrant", signed=False, categories=["content"]),
    "clarify": dict(selectors=[]),
    "escalate": dict(selectors=[{"kind": "username", "value": f"user{i}"} for i in range(40)]),
    "preserve": dict(instrument="preservation_request"),
    "told_first": dict(nondisclosure={"present": False, "court_ordered": False}),
}
ENGINE_ACTION = {
    "produce": "produce",
    "produce_partial": "produce_partial",
    "unsigned_subpoena": "produce",
    "reject": "reject",
    "clarify": "clarify",
    "escalate": "escalate",
    "preserve": "preserve",
    "told_first": "produce",
}

# The findings that withhold one category each: they bear only on that category.
WITHHOLDS = {
    "CONTENT_REQUIRES_WARRANT": {"content"},
    "LOCATION_REQUIRES_WARRANT": {"location"},
    "NONCONTENT_REQUIRES_ORDER": {"transactional"},
    "REALTIME_REQUIRES_ORDER": {"realtime_noncontent", "realtime_content"},
}
MAY_LEAVE = (State.APPROVED, State.NOTICE_PERIOD, State.PRODUCING)
TOWARDS_PRODUCTION = {
    State.RECEIVED: State.IN_REVIEW,
    State.IN_REVIEW: State.APPROVED,
    State.AWAITING_REQUESTER: State.IN_REVIEW,
    State.ESCALATED: State.APPROVED,
    State.APPROVED: State.PRODUCING,
    State.NOTICE_PERIOD: State.PRODUCING,
    State.CHALLENGED: State.PRODUCING,
}


def _variant(name: str) -> dict:
    return request(**{"nondisclosure": GAGGED, **VARIANTS[name]}).to_dict()


def _counsel_must_approve(review: dict, allowed: set[str]) -> bool:
    if review["action"] not in ("produce", "produce_partial"):
        return True
    for finding in review["findings"]:
        if finding["severity"] not in ("escalate", "block"):
            continue
        bears_on = WITHHOLDS.get(finding["code"])
        if bears_on is None or bears_on & allowed:
            return True
    return False


def assert_allowed_to_be_here(case: Case) -> None:
    """The oracle: a case in a state where data may leave holds a decision that allows it."""
    review = case.reviews.order_by("-created_at", "-id").first()
    decision = (
        Decision.objects.filter(case=case, voided_at__isnull=True)
        .order_by("-created_at", "-id")
        .first()
    )
    where = f"{case.reference} in {case.state} (engine: {review.decision['action']})"
    assert decision is not None, f"{where} without a decision"
    assert decision.action in ("produce", "produce_partial"), f"{where} on {decision.action}"
    assert decision.allowed_categories, f"{where} on a decision that allows nothing"
    assert decision.review.decision == review.decision, f"{where} on a review since changed"
    for field in ("instrument", "selectors", "categories", "date_range"):
        made_on = decision.review.request[field]
        assert made_on == review.request[field], f"{where}: {field} corrected since the decision"
    if _counsel_must_approve(review.decision, set(decision.allowed_categories)):
        assert decision.by_counsel, f"{where} on a reviewer's decision"
        assert decision.author.groups.filter(name="counsel").exists()
    if review.decision["action"] in ("clarify", "reject"):
        assert decision.overrides_engine and decision.reason, f"{where} without an override"


@pytest.mark.slow  # a stateful walk of hundreds of steps from every engine action
def test_no_path_reaches_production_without_the_decision_that_allows_it(
    reviewer, counsel, admin, outsider
):
    people = {"reviewer": reviewer, "counsel": counsel, "admin": admin, "outsider": outsider}
    for name, action in ENGINE_ACTION.items():  # the walk starts from every engine action
        case = services.open_case(
            request(**{"nondisclosure": GAGGED, **VARIANTS[name]}), "api", None, RECEIVED_ON
        )
        assert case.engine_action == action, name

    # Every role acts; those who work cases act more often, so that walks go far.
    roles = st.sampled_from(["reviewer", "counsel"] * 3 + ["admin", "outsider"])
    refused = (Refused, Refused)
    reached: set[tuple[str, str]] = set()  # (engine action, state) pairs the walk stood in

    class Desk(RuleBasedStateMachine):
        @initialize(variant=st.sampled_from(sorted(VARIANTS)))
        def receive(self, variant):
            self.case = services.open_case(
                request(**{"nondisclosure": GAGGED, **VARIANTS[variant]}), "api", None, RECEIVED_ON
            )

        def _try_move(self, role, to, outcome=""):
            with contextlib.suppress(refused):
                services.move(self.case, people[role], to, outcome, reason="walk")

        @rule(role=roles)
        def advance(self, role):
            """The move towards production from wherever the case stands."""
            state = Case.objects.get(pk=self.case.pk).state
            if state in TOWARDS_PRODUCTION:
                self._try_move(role, TOWARDS_PRODUCTION[state])

        @rule(role=roles)
        def send_to_counsel(self, role):
            self._try_move(role, State.ESCALATED)

        @rule(role=roles, notify=st.booleans())
        def enter_notice_period(self, role, notify):
            if notify and not self.case.notices.exists():
                Notice.objects.create(
                    case=self.case, address="holder@example.org", added_by=counsel
                )
            self._try_move(role, State.NOTICE_PERIOD)

        @rule(
            role=roles,
            to=st.sampled_from(list(State)),
            outcome=st.sampled_from(["", *Outcome]),
        )
        def move_anywhere(self, role, to, outcome):
            self._try_move(role, to, outcome)

        @rule(role=roles, data=st.data())
        def decide(self, role, data):
            """Mostly a decision to produce what the demand asks or the engine allows; now
            and then any decision, with or without a reason."""
            case = Case.objects.get(pk=self.case.pk)
            asked = case.demand.request["categories"]
            allowed_by_engine = case.reviews.first().decision["allowed_categories"]
            action = data.draw(st.sampled_from(["produce", "produce_partial", *Action]))
            allowed = data.draw(
                st.sampled_from([asked, allowed_by_engine])
                | st.sets(st.sampled_from(list(Category)), max_size=3).map(sorted)
            )
            reason = data.draw(st.sampled_from(["", "counsel's reading of the order"]))
            with contextlib.suppress(refused):
                services.decide(case, people[role], action, allowed, reason)

        @rule(role=roles, variant=st.sampled_from(sorted(VARIANTS)))
        def correct(self, role, variant):
            with contextlib.suppress(refused):
                services.correct_request(self.case, people[role], _variant(variant))

        @rule(role=roles)
        def override_to_produce(self, role):
            """What the demand asks, produced, with a reason: counsel's override."""
            asked = Case.objects.get(pk=self.case.pk).demand.request["categories"]
            with contextlib.suppress(refused):
                services.decide(self.case, people[role], "produce", asked, "counsel's reading")

        @rule(role=roles)
        def follow_the_engine(self, role):
            """A decision equal to the engine's, as a reviewer may record it."""
            engine = self.case.reviews.first().decision
            with contextlib.suppress(refused):
                services.decide(
                    self.case, people[role], engine["action"], engine["allowed_categories"], ""
                )

        @invariant()
        def data_leaves_only_on_an_allowing_decision(self):
            if not hasattr(self, "case"):
                return
            case = Case.objects.get(pk=self.case.pk)
            reached.add((case.engine_action, case.state))
            if case.state in MAY_LEAVE:
                assert_allowed_to_be_here(case)

    # The same walks on every run: a walk that happened not to reach production would fail
    # the check below on one run and pass on the next.
    walk = settings(
        max_examples=200,
        stateful_step_count=25,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    run_state_machine_as_test(Desk, settings=walk)
    assert {state for _, state in reached} >= {State.APPROVED, State.PRODUCING}, "a short walk"


DECISIONS = {
    "the engine's": lambda engine, asked: (engine["action"], engine["allowed_categories"], ""),
    "produce all asked, with a reason": lambda engine, asked: ("produce", asked, "reason"),
    "produce all asked, no reason": lambda engine, asked: ("produce", asked, ""),
    "produce in part, with a reason": lambda engine, asked: (
        "produce_partial",
        asked[:1],
        "reason",
    ),
    "reject, with a reason": lambda engine, asked: ("reject", [], "reason"),
    "escalate": lambda engine, asked: ("escalate", engine["allowed_categories"], ""),
}


@pytest.mark.slow  # every variant, decider, decision and mover: hundreds of cases
def test_every_role_and_engine_action_and_decision_approves_only_as_the_law_allows(
    reviewer, counsel, admin, outsider
):
    """Exhaustion over one decision: each demand, decided each way by each person, then
    moved towards production by each person; approval happens exactly when the oracle
    allows it."""
    people = {"reviewer": reviewer, "counsel": counsel, "admin": admin, "outsider": outsider}
    approved = 0
    for variant, decider, kind, mover in itertools.product(VARIANTS, people, DECISIONS, people):
        case = services.open_case(
            request(**{"nondisclosure": GAGGED, **VARIANTS[variant]}), "api", None, RECEIVED_ON
        )
        engine = case.reviews.first().decision
        action, allowed, reason = DECISIONS[kind](engine, case.demand.request["categories"])
        with contextlib.suppress(Refused):
            services.decide(case, people[decider], action, allowed, reason)
        for target in (State.IN_REVIEW, State.APPROVED, State.PRODUCING):
            with contextlib.suppress(Refused, Refused):
                services.move(case, people[mover], target)
        case = Case.objects.get(pk=case.pk)
        decision = case.decisions.in_force().first()
        may = (
            decision is not None
            and mover in ("reviewer", "counsel")
            and decision.action in ("produce", "produce_partial")
            and decision.allowed_categories
            and (
                decider == "counsel"
                or not _counsel_must_approve(engine, set(decision.allowed_categories))
            )
        )
        where = f"{variant}, {decider} decided {kind!r}, {mover} moved"
        if may:
            assert case.state in MAY_LEAVE, where
            assert_allowed_to_be_here(case)
            approved += 1
        else:
            assert case.state not in MAY_LEAVE, where
    assert approved  # the walk is not vacuous


def test_a_reviewer_cannot_approve_what_the_engine_escalated(open_case, reviewer):
    case = open_case(selectors=VARIANTS["escalate"]["selectors"])
    services.move(case, reviewer, State.IN_REVIEW)
    with pytest.raises(Refused, match="Only counsel's decision approves this case"):
        services.move(case, reviewer, State.APPROVED)


def test_a_reviewer_approves_what_the_engine_would_produce_once_decided(open_case, reviewer):
    case = open_case()
    services.move(case, reviewer, State.IN_REVIEW)
    with pytest.raises(Refused, match="No decision is on record"):
        services.move(case, reviewer, State.APPROVED)
    services.decide(case, reviewer, "produce", ["subscriber"], "")
    assert services.move(case, reviewer, State.APPROVED).state == State.APPROVED


def test_a_withholding_finding_on_what_is_left_out_needs_no_counsel(open_case, reviewer):
    case = open_case(categories=["subscriber", "content"])  # content withheld on a subpoena
    services.move(case, reviewer, State.IN_REVIEW)
    services.decide(case, reviewer, "produce_partial", ["subscriber"], "")
    assert services.move(case, reviewer, State.APPROVED).state == State.APPROVED


def test_a_reviewers_decision_does_not_carry_counsels_approval(open_case, reviewer, counsel):
    case = open_case(selectors=VARIANTS["escalate"]["selectors"])
    services.move(case, reviewer, State.IN_REVIEW)
    services.decide(case, reviewer, "escalate", ["subscriber"], "")
    with pytest.raises(Refused, match="Only counsel's decision approves this case"):
        services.move(case, reviewer, State.APPROVED)
    services.decide(case, counsel, "produce", ["subscriber"], "forty named accounts, each tied")
    assert services.move(case, reviewer, State.APPROVED).state == State.APPROVED


def test_clarify_is_approved_only_by_counsels_override(open_case, reviewer, counsel):
    case = open_case(selectors=[])
    services.move(case, reviewer, State.IN_REVIEW)
    with pytest.raises(Refused, match="Only counsel may decide otherwise"):
        services.decide(case, reviewer, "produce", ["subscriber"], "confirmed by phone")
    with pytest.raises(Refused, match="written reason"):
        services.decide(case, counsel, "produce", ["subscriber"], "")
    services.decide(case, counsel, "produce", ["subscriber"], "the account was named by phone")
    assert services.move(case, reviewer, State.APPROVED).state == State.APPROVED


def test_a_correction_that_changes_the_review_voids_the_decision(open_case, reviewer, counsel):
    case = open_case(nondisclosure=GAGGED)
    services.move(case, reviewer, State.IN_REVIEW)
    services.decide(case, reviewer, "produce", ["subscriber"], "")
    services.move(case, reviewer, State.APPROVED)
    services.correct_request(case, reviewer, {"agency": "Federal Bureau of Investigation"})
    case.refresh_from_db()
    assert case.state == State.APPROVED  # the same review: the decision stands
    services.correct_request(case, reviewer, {"categories": ["subscriber", "content"]})
    case.refresh_from_db()
    assert case.state == State.IN_REVIEW
    assert not case.decisions.in_force().exists()
    actions = list(case.reviews.values_list("id", flat=True))
    assert len(actions) == 3


def test_a_correction_that_takes_approval_away_is_refused_once_producing(
    open_case, reviewer, counsel
):
    case = open_case(nondisclosure=GAGGED)
    services.move(case, reviewer, State.IN_REVIEW)
    services.decide(case, reviewer, "produce", ["subscriber"], "")
    services.move(case, reviewer, State.APPROVED)
    services.move(case, reviewer, State.PRODUCING)
    with pytest.raises(Refused, match="would take its approval away"):
        services.correct_request(case, reviewer, {"selectors": []})
    case.refresh_from_db()
    assert case.state == State.PRODUCING and case.decisions.in_force().exists()


def test_a_correction_of_whose_data_or_which_dates_voids_the_decision(open_case, reviewer, counsel):
    case = open_case(nondisclosure=GAGGED)
    services.move(case, reviewer, State.IN_REVIEW)
    services.decide(case, reviewer, "produce", ["subscriber"], "")
    services.move(case, reviewer, State.APPROVED)
    other = [{"kind": "username", "value": "someone.else"}]
    services.correct_request(case, reviewer, {"selectors": other})
    case.refresh_from_db()
    assert case.state == State.IN_REVIEW and not case.decisions.in_force().exists()
    services.decide(case, reviewer, "produce", ["subscriber"], "")
    services.move(case, reviewer, State.APPROVED)
    services.move(case, reviewer, State.PRODUCING)
    wider = {"start": "2025-12-01", "end": "2026-11-01"}
    with pytest.raises(Refused, match="would take its approval away"):
        services.correct_request(case, reviewer, {"date_range": wider})


def test_a_reviewer_cannot_replace_counsels_decision(open_case, reviewer, counsel):
    case = open_case(instrument="court_order_2703d", categories=["subscriber", "transactional"])
    services.move(case, reviewer, State.IN_REVIEW)
    services.decide(case, counsel, "produce_partial", ["subscriber"], "the logs are not needed")
    engine = case.reviews.first().decision
    with pytest.raises(Refused, match="Counsel's decision is in force"):
        services.decide(case, reviewer, engine["action"], engine["allowed_categories"], "")
    assert case.decisions.in_force().first().by_counsel
