"""One test (at least) per finding code: raised when the contract says, silent otherwise."""

from __future__ import annotations

import pytest

from custodes.law import review
from custodes.law.vocab import Action, Code
from tests.helpers import codes, config, decide, request


def test_a_clean_subpoena_for_subscriber_records_raises_nothing():
    decision = decide()
    assert decision.findings == ()
    assert decision.action is Action.PRODUCE


def test_content_on_a_subpoena_requires_a_warrant():
    decision = decide(categories=["subscriber", "content"])
    assert Code.CONTENT_REQUIRES_WARRANT in decision.codes
    assert decision.action is Action.PRODUCE_PARTIAL
    assert [w.category for w in decision.withheld] == ["content"]


def test_location_on_an_order_requires_a_warrant():
    decision = decide(instrument="court_order_2703d", categories=["subscriber", "location"])
    assert Code.LOCATION_REQUIRES_WARRANT in decision.codes


def test_transactional_records_on_a_subpoena_require_an_order():
    decision = decide(categories=["transactional"])
    assert codes(decision) == {"NONCONTENT_REQUIRES_ORDER"}
    assert decision.action is Action.REJECT  # all that was asked is withheld
    assert decision.allowed_categories == ()


def test_realtime_monitoring_requires_a_pen_register_or_wiretap_order():
    decision = decide(instrument="search_warrant", categories=["content", "realtime_noncontent"])
    assert Code.REALTIME_REQUIRES_ORDER in decision.codes


def test_a_civil_subpoena_never_reaches_content():
    decision = decide(instrument="civil_subpoena", categories=["subscriber", "content"])
    assert Code.PRIVATE_PARTY_CONTENT in decision.codes
    assert Code.CONTENT_REQUIRES_WARRANT not in decision.codes


def test_a_national_security_letter_reaches_only_its_four_items():
    decision = decide(
        instrument="national_security_letter", categories=["subscriber", "transactional"]
    )
    assert codes(decision) == {"NSL_SCOPE"}
    assert decision.allowed_categories == ("subscriber",)


def test_a_foreign_authority_needs_mutual_legal_assistance_for_content():
    decision = decide(
        instrument="foreign_request",
        country="DE",
        categories=["transactional", "content"],
        requester={"email": "officer@bka.bund.de"},
    )
    assert codes(decision) == {"FOREIGN_NEEDS_MLAT"}
    assert decision.allowed_categories == ("transactional",)


def test_an_unsigned_warrant_is_rejected():
    decision = decide(instrument="search_warrant", signed=False, categories=["content"])
    assert Code.NOT_SIGNED in decision.codes
    assert decision.action is Action.REJECT


def test_an_unsigned_subpoena_is_a_warning_only():
    decision = decide(signed=False)
    [finding] = decision.findings
    assert finding.code is Code.NOT_SIGNED and finding.severity == "warn"
    assert decision.action is Action.PRODUCE


def test_a_signature_that_cannot_be_told_raises_nothing():
    assert Code.NOT_SIGNED not in decide(instrument="search_warrant", signed=None).codes


def test_a_warrant_served_after_fourteen_days_has_expired():
    decision = decide(instrument="search_warrant", issued_on="2026-11-01", return_by=None)
    assert Code.EXPIRED in decision.codes
    assert decision.action is Action.REJECT


def test_a_warrant_served_on_the_fourteenth_day_has_not_expired():
    decision = decide(instrument="search_warrant", issued_on="2026-11-09", return_by=None)
    assert Code.EXPIRED not in decision.codes


def test_a_return_date_already_past_has_expired():
    assert Code.EXPIRED in decide(return_by="2026-11-20").codes


def test_a_demand_to_another_company_goes_to_the_wrong_addressee():
    decision = decide(addressed_to="Chirp Networks LLC")
    assert Code.WRONG_ADDRESSEE in decision.codes
    assert decision.action is Action.REJECT


def test_the_addressee_matches_whatever_the_corporate_suffix():
    assert Code.WRONG_ADDRESSEE not in decide(addressed_to="PARLEY SOCIAL INC").codes


def test_without_provider_names_the_addressee_is_not_checked():
    decision = review(request(addressed_to="Chirp Networks LLC"), config(providers=()))
    assert Code.WRONG_ADDRESSEE not in decision.codes


def test_a_demand_that_names_no_account_needs_clarifying():
    decision = decide(selectors=[])
    assert Code.NO_SELECTORS in decision.codes
    assert decision.action is Action.CLARIFY


def test_too_many_accounts_is_overbroad():
    many = [{"kind": "username", "value": f"user{i}"} for i in range(26)]
    decision = decide(selectors=many)
    assert Code.OVERBROAD_SELECTORS in decision.codes
    assert decision.action is Action.ESCALATE


def test_a_class_of_users_is_overbroad():
    decision = decide(selectors=[], population="all users who used the hashtag #walkout")
    assert Code.OVERBROAD_SELECTORS in decision.codes
    assert Code.NO_SELECTORS not in decision.codes
    assert decision.action is Action.ESCALATE


def test_a_range_over_a_year_is_overbroad():
    decision = decide(date_range={"start": "2024-01-01", "end": "2026-11-01"})
    [finding] = decision.findings
    assert finding.code is Code.OVERBROAD_DATE_RANGE
    assert decision.action is Action.PRODUCE  # a warning, for counsel to narrow


def test_no_date_range_is_overbroad():
    assert Code.OVERBROAD_DATE_RANGE in decide(date_range=None).codes


def test_a_customs_summons_outside_customs_is_an_authority_mismatch():
    decision = decide(
        instrument="administrative_subpoena",
        authority=["19 U.S.C. § 1509"],
        purpose="To identify the person who runs an account that mocks the Commissioner.",
    )
    assert Code.AUTHORITY_MISMATCH in decision.codes
    assert decision.action is Action.ESCALATE


def test_anonymous_speech_is_a_risk_when_the_speech_is_the_reason():
    decision = decide(purpose="The account posts criticism of the mayor and calls for protests.")
    assert Code.ANONYMOUS_SPEECH_RISK in decision.codes
    assert decision.action is Action.ESCALATE


def test_a_court_ordered_nondisclosure_in_force_delays_notice_to_its_end():
    decision = decide(
        nondisclosure={"present": True, "court_ordered": True, "expires_on": "2027-05-12"}
    )
    assert codes(decision) == {"NDO_IN_FORCE"}
    assert decision.notice.action == "delay"
    assert str(decision.notice.not_before) == "2027-05-12"


def test_an_order_without_an_end_is_unbounded():
    decision = decide(nondisclosure={"present": True, "court_ordered": True, "expires_on": None})
    assert {"NDO_IN_FORCE", "NDO_UNBOUNDED"} <= codes(decision)
    assert decision.notice.not_before is None


def test_an_order_that_has_ended_no_longer_delays_notice():
    decision = decide(
        nondisclosure={"present": True, "court_ordered": True, "expires_on": "2026-10-01"}
    )
    assert not {"NDO_IN_FORCE", "NDO_UNBOUNDED"} & codes(decision)
    assert decision.notice.action == "notify_before_production"


def test_the_secrecy_of_an_order_no_judge_has_signed_binds_nobody_yet():
    decision = decide(
        instrument="court_order_2703d",
        signed=False,
        nondisclosure={"present": True, "court_ordered": True, "expires_on": "2027-06-01"},
    )
    assert Code.NDO_IN_FORCE not in decision.codes
    assert {Code.NOT_SIGNED, Code.NDO_NOT_BINDING} <= set(decision.codes)


def test_a_request_for_secrecy_that_no_court_ordered_does_not_bind():
    decision = decide(nondisclosure={"present": True, "court_ordered": False})
    assert codes(decision) == {"NDO_NOT_BINDING"}
    assert decision.notice.action == "notify_before_production"


def test_an_emergency_request_without_a_danger_is_unsupported():
    decision = decide(
        instrument="emergency_request",
        emergency=True,
        purpose="The suspect may delete evidence of the fraud before we can get a warrant.",
    )
    assert Code.EMERGENCY_UNSUPPORTED in decision.codes
    assert decision.action is Action.REJECT


def test_a_ticked_round_box_is_no_fact_of_danger():
    decision = decide(
        instrument="emergency_request",
        emergency=True,
        purpose="( X ) Imminent danger of death or serious bodily injury",
    )
    assert Code.EMERGENCY_UNSUPPORTED in decision.codes


def test_an_emergency_request_with_a_danger_to_life_is_supported():
    decision = decide(
        instrument="emergency_request",
        emergency=True,
        purpose="A 15-year-old girl was abducted this morning and is believed to be held by "
        "the account holder, who has threatened to kill her.",
    )
    assert Code.EMERGENCY_UNSUPPORTED not in decision.codes
    assert decision.action is Action.PRODUCE


@pytest.mark.parametrize(
    "purpose",
    [
        "He is parked outside her home with a loaded handgun and says he will end it tonight.",
        "The caller waved a pistol on a live stream and named the school he is driving to.",
    ],
)
def test_a_weapon_named_as_fact_is_a_danger(purpose):
    decision = decide(instrument="emergency_request", emergency=True, purpose=purpose)
    assert Code.EMERGENCY_UNSUPPORTED not in decision.codes


def test_an_emergency_request_from_an_unknown_domain_is_rejected():
    decision = decide(
        instrument="emergency_request",
        emergency=True,
        requester={"email": "officer@fbi-gov.us"},
        purpose="A man has threatened to shoot his family tonight.",
    )
    assert Code.REQUESTER_UNVERIFIED in decision.codes
    assert decision.action is Action.REJECT


def test_any_other_demand_from_an_unknown_domain_needs_clarifying():
    decision = decide(requester={"email": "agent@gmail.com"})
    assert Code.REQUESTER_UNVERIFIED in decision.codes
    assert decision.action is Action.CLARIFY


def test_a_civil_subpoena_from_a_law_firm_is_not_unverified():
    decision = decide(instrument="civil_subpoena", requester={"email": "lawyer@firm.com"})
    assert Code.REQUESTER_UNVERIFIED not in decision.codes


def test_a_deployment_may_add_its_own_government_domains():
    decision = review(
        request(requester={"email": "det@millbrookpd.org"}),
        config(government_domains=("millbrookpd.org",)),
    )
    assert Code.REQUESTER_UNVERIFIED not in decision.codes


def test_child_exploitation_delays_notice_until_counsel_confirms():
    decision = decide(purpose="Investigation of the distribution of child sexual abuse material.")
    assert Code.CHILD_SAFETY_EXCEPTION in decision.codes
    assert decision.notice.action == "delay"
    assert decision.notice.not_before is None


@pytest.mark.parametrize(
    ("purpose", "excepted"),
    [
        ("Sextortion of a 14-year-old by a man who demanded more images.", True),
        ("The account groomed a middle-school student over three months.", True),
        ("Sextortion of an adult victim threatened with release of intimate images.", False),
        ("Sextortion of a victim aged 14 by a man who demanded more images.", True),
        ("Online enticement reported in an NCMEC CyberTipline report.", True),
    ],
)
def test_an_offence_that_may_be_against_anyone_excepts_notice_only_against_a_child(
    purpose, excepted
):
    assert (Code.CHILD_SAFETY_EXCEPTION in decide(purpose=purpose).codes) is excepted


def test_a_preservation_request_preserves_only():
    decision = decide(instrument="preservation_request", categories=["subscriber", "content"])
    assert codes(decision) == {"PRESERVATION_ONLY"}
    assert decision.action is Action.PRESERVE
    assert decision.allowed_categories == ("subscriber", "content")
    assert decision.notice.action == "none"
    assert "2027-02-21" in decision.findings[0].message  # 90 days from receipt


def test_an_informal_request_cannot_reach_anything():
    decision = decide(instrument="informal_request", categories=["subscriber"])
    assert codes(decision) == {"NO_LEGAL_PROCESS"}
    assert decision.action is Action.REJECT


def test_an_informal_request_that_names_no_category_still_has_no_process():
    decision = decide(instrument="informal_request", categories=[])
    assert Code.NO_LEGAL_PROCESS in decision.codes
    assert decision.action is Action.REJECT


def test_findings_come_in_the_contracts_order():
    decision = decide(
        categories=["subscriber", "content", "transactional"],
        signed=False,
        date_range=None,
        nondisclosure={"present": True},
    )
    order = list(Code)
    assert [order.index(c) for c in decision.codes] == sorted(
        order.index(c) for c in decision.codes
    )


def test_every_finding_carries_a_citation_and_a_message():
    decision = decide(
        categories=["subscriber", "content", "location", "transactional", "realtime_content"],
        signed=False,
        date_range=None,
        nondisclosure={"present": True},
        return_by="2026-01-01",
    )
    assert len(decision.findings) >= 6
    for finding in decision.findings:
        assert finding.citation.strip() and finding.message.strip()
        assert "{" not in finding.message and "{" not in finding.citation


def test_a_demand_whose_records_cannot_be_read_is_sent_back():
    decision = decide(categories=[])
    assert codes(decision) == {"NO_RECORDS_NAMED"}
    assert decision.action is Action.CLARIFY and decision.allowed_categories == ()


def test_a_preservation_request_naming_no_records_preserves_the_account():
    decision = decide(instrument="preservation_request", categories=[])
    assert Code.NO_RECORDS_NAMED not in decision.codes
    assert decision.action is Action.PRESERVE


def test_a_demand_of_unknown_kind_withholds_nothing_by_a_code_of_its_own():
    decision = decide(instrument="unknown", categories=["subscriber", "content"])
    assert decision.action is Action.CLARIFY
    assert Code.CONTENT_REQUIRES_WARRANT not in decision.codes


def test_a_selectors_time_must_be_an_iso_timestamp():
    import pytest

    from custodes.law import RequestError

    with pytest.raises(RequestError, match=r"selectors\[0\]\.at: .* is not an ISO timestamp"):
        request(selectors=[{"kind": "ip", "value": "198.51.100.7", "at": "last Tuesday"}])
    ok = request(selectors=[{"kind": "ip", "value": "198.51.100.7", "at": "2026-10-30T16:22:05Z"}])
    assert ok.selectors[0].at == "2026-10-30T16:22:05Z"


def test_a_demand_limited_to_stated_instants_has_their_span_as_its_range():
    instants = [
        {"kind": "ip", "value": "198.51.100.7", "at": "2026-09-14T02:11:36Z"},
        {"kind": "ip", "value": "203.0.113.18", "at": "2026-10-08T05:33:51-04:00"},
    ]
    assert "OVERBROAD_DATE_RANGE" not in codes(decide(selectors=instants, date_range=None))
    assert "OVERBROAD_DATE_RANGE" in codes(decide(date_range=None))
