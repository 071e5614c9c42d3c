"""Whatever the structured request, the engine decides, and its action and notice follow
the contract's orders (shared/spec/review.md, "How action follows", "How notice follows")."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from custodes.law import DateRange, Nondisclosure, Request, Requester, Selector, review
from custodes.law.vocab import Action, Category, Code, Instrument, NoticeAction, SelectorKind
from tests.helpers import config

dates = st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31))
optional_dates = st.none() | dates
purposes = (
    st.none()
    | st.sampled_from(
        [
            "Investigation of wire fraud.",
            "The account posts where police officers are and urges people to film them.",
            "A child is missing and in danger of death.",
            "Distribution of child sexual abuse material.",
            "Customs duties owed on imported merchandise.",
            "",
        ]
    )
    | st.text(alphabet=st.characters(blacklist_characters="\x00"), max_size=80)
)

requests = st.builds(
    Request,
    instrument=st.sampled_from(Instrument),
    authority=st.lists(
        st.sampled_from(["8 U.S.C. § 1225(d)", "19 U.S.C. § 1509", "21 U.S.C. § 876", "x"]),
        max_size=2,
    ).map(tuple),
    country=st.sampled_from([None, "US", "GB", "AU", "DE"]),
    addressed_to=st.sampled_from([None, "Parley Social, Inc.", "Other Corp."]),
    requester=st.builds(
        Requester,
        email=st.sampled_from([None, "a@fbi.gov", "a@gmail.com", "a@fbi-gov.us", "a@bka.bund.de"]),
    ),
    issued_on=optional_dates,
    return_by=optional_dates,
    signed=st.sampled_from([None, True, False]),
    selectors=st.lists(
        st.builds(
            Selector,
            kind=st.sampled_from(SelectorKind),
            value=st.text(alphabet="abcxyz019_.@", min_size=1, max_size=8),
        ),
        max_size=30,
    ).map(tuple),
    categories=st.lists(st.sampled_from(Category), unique=True).map(tuple),
    date_range=st.none() | st.builds(DateRange, start=optional_dates, end=optional_dates),
    nondisclosure=st.builds(
        Nondisclosure, present=st.booleans(), court_ordered=st.booleans(), expires_on=optional_dates
    ),
    emergency=st.booleans(),
    purpose=purposes,
    population=st.none() | st.just("all users who used #tag"),
)


def _expected_action(request: Request, raised: set[Code], reached: set[Category]) -> Action:
    instrument = request.instrument
    rejects = {
        Code.WRONG_ADDRESSEE,
        Code.EXPIRED,
        Code.NO_LEGAL_PROCESS,
        Code.EMERGENCY_UNSUPPORTED,
    }
    order_kinds = {
        Instrument.COURT_ORDER_2703D,
        Instrument.SEARCH_WARRANT,
        Instrument.PEN_REGISTER_ORDER,
        Instrument.WIRETAP_ORDER,
        Instrument.CLOUD_ACT_ORDER,
    }
    governing_is_order = instrument in order_kinds and not (
        instrument is Instrument.CLOUD_ACT_ORDER and request.country not in ("GB", "AU")
    )
    if (
        raised & rejects
        or (Code.NOT_SIGNED in raised and governing_is_order)
        or (Code.REQUESTER_UNVERIFIED in raised and instrument is Instrument.EMERGENCY_REQUEST)
    ):
        return Action.REJECT
    if (
        Code.NO_SELECTORS in raised
        or Code.NO_RECORDS_NAMED in raised
        or instrument is Instrument.UNKNOWN
        or Code.REQUESTER_UNVERIFIED in raised
    ):
        return Action.CLARIFY
    if raised & {Code.ANONYMOUS_SPEECH_RISK, Code.AUTHORITY_MISMATCH, Code.OVERBROAD_SELECTORS}:
        return Action.ESCALATE
    if instrument is Instrument.PRESERVATION_REQUEST:
        return Action.PRESERVE
    asked = set(request.categories)
    if reached == asked:
        return Action.PRODUCE
    return Action.PRODUCE_PARTIAL if reached else Action.REJECT


def _expected_notice(request: Request, action: Action, raised: set[Code]) -> NoticeAction:
    if action in (Action.REJECT, Action.PRESERVE):
        return NoticeAction.NONE
    if request.instrument is Instrument.NATIONAL_SECURITY_LETTER:
        return NoticeAction.PROHIBITED
    if request.instrument is Instrument.EMERGENCY_REQUEST:
        return NoticeAction.AFTER_EMERGENCY
    if Code.NDO_IN_FORCE in raised:
        return NoticeAction.DELAY
    if Code.CHILD_SAFETY_EXCEPTION in raised:
        return NoticeAction.DELAY
    return NoticeAction.NOTIFY_BEFORE_PRODUCTION


@pytest.mark.slow  # 600 examples
@settings(max_examples=600, deadline=None)
@given(request=requests, received=dates)
def test_the_engine_always_decides_by_the_contracts_orders(request, received):
    decision = review(request, config(received_on=received))
    raised = set(decision.codes)
    reached = set(decision.allowed_categories) | {w.category for w in decision.withheld}
    assert reached <= set(request.categories)

    expected = _expected_action(
        request,
        raised,
        set(decision.allowed_categories)
        if decision.action not in (Action.REJECT,)
        else {c for c in request.categories if c not in {w.category for w in decision.withheld}},
    )
    assert decision.action is expected
    assert decision.notice.action is _expected_notice(request, decision.action, raised)

    if decision.action is Action.REJECT:
        assert decision.allowed_categories == ()
    if decision.action is Action.PRESERVE:
        assert set(decision.allowed_categories) == set(request.categories)
    if request.instrument is Instrument.NATIONAL_SECURITY_LETTER:
        assert not raised & {Code.NDO_IN_FORCE, Code.NDO_UNBOUNDED, Code.NDO_NOT_BINDING}
    if decision.notice.action is NoticeAction.NOTIFY_BEFORE_PRODUCTION:
        assert decision.notice.challenge_window_days == 14
    assert list(decision.codes) == sorted(decision.codes, key=list(Code).index)
    for finding in decision.findings:
        assert finding.citation and finding.message


@pytest.mark.slow  # 300 examples
@settings(max_examples=300, deadline=None)
@given(request=requests)
def test_the_decision_round_trips_through_json(request):
    decision = review(request, config())
    data = decision.to_dict()
    assert data["action"] in {a.value for a in Action}
    assert data["notice"]["action"] in {n.value for n in NoticeAction}
    span = request.date_range
    assume(not (span and span.start and span.end and span.start > span.end))
    normalised = Request.from_dict(request.to_dict())
    assert Request.from_dict(normalised.to_dict()) == normalised
