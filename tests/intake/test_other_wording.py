"""Demands in wording and forms the sample cases do not use: state courts, other agencies, a
UK production order, a pen register order, a forged emergency, an unsigned warrant.
Written by the team; each states what a careful reviewer expects of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from custodes.reviewing import review_file
from tests.helpers import config

DEMANDS = Path(__file__).parent / "demands"

EXPECTED = {
    "state-grand-jury-login-history.txt": {
        "instrument": "grand_jury_subpoena",
        "country": "US",
        "categories": {"subscriber", "transactional"},
        "selectors": {("username", "southside.kicks"), ("account_id", "88120045517")},
        "action": "clarify",  # a county prosecutor's .org address is not a known government one
        "findings": {"NONCONTENT_REQUIRES_ORDER", "REQUESTER_UNVERIFIED"},
    },
    "hsi-summons-rapid-response.txt": {
        "instrument": "administrative_subpoena",
        "categories": {"subscriber", "transactional"},
        "selectors": {("url", "https://parley.social/pdx_rapid_response")},
        "action": "escalate",
        "findings": {"AUTHORITY_MISMATCH", "ANONYMOUS_SPEECH_RISK", "NONCONTENT_REQUIRES_ORDER"},
    },
    "uk-overseas-production-order.txt": {
        "instrument": "cloud_act_order",
        "country": "GB",
        "categories": {"subscriber", "content"},
        "selectors": {("username", "camden.snowman")},
        "action": "produce",
        "notice": "delay",
        "not_before": "2027-05-01",
        "findings": {"NDO_IN_FORCE"},
    },
    "free-mail-emergency.eml": {
        "instrument": "emergency_request",
        "action": "reject",
        "findings": {"EMERGENCY_UNSUPPORTED", "REQUESTER_UNVERIFIED"},
    },
    "unsigned-warrant.txt": {
        "instrument": "search_warrant",
        "categories": {"content", "location"},
        "selectors": {("username", "vegas.nights.777"), ("account_id", "44120987651")},
        "action": "reject",
        "findings": {"NOT_SIGNED"},
    },
    "pen-register-order.txt": {
        "instrument": "pen_register_order",
        "categories": {"realtime_noncontent"},
        "selectors": {("account_id", "61234098711")},
        "action": "produce",
        "notice": "delay",
        "findings": {"NDO_IN_FORCE", "NDO_UNBOUNDED"},
    },
    "state-2703d-order.txt": {
        "instrument": "court_order_2703d",
        "categories": {"subscriber", "transactional"},
        "selectors": {("phone", "+15125550166"), ("email", "quiet.storm.5@example.org")},
        "action": "produce",
        "findings": set(),
    },
    "civil-subpoena-contract-dispute.txt": {
        "instrument": "civil_subpoena",
        "categories": {"subscriber", "content"},
        "selectors": {("username", "gearhub.outlet")},
        "action": "produce_partial",  # a business dispute, not speech; content never on civil
        "findings": {"PRIVATE_PARTY_CONTENT"},
    },
    "wiretap-order.txt": {
        "instrument": "wiretap_order",
        "categories": {"realtime_noncontent", "realtime_content"},
        "selectors": {("account_id", "90022118734")},
        "action": "produce",
        "notice": "delay",
        "findings": {"NDO_IN_FORCE", "NDO_UNBOUNDED"},
    },
    "informal-email-asks-secrecy.eml": {
        "instrument": "informal_request",
        "categories": {"subscriber"},
        "selectors": {("username", "desert.fox.resale")},
        "action": "reject",
        "findings": {"NO_LEGAL_PROCESS", "NDO_NOT_BINDING"},
    },
    "brazil-federal-police.txt": {
        "instrument": "foreign_request",
        "country": "BR",
        "categories": {"subscriber", "transactional"},
        "selectors": {("username", "invest.rapido.br")},
        "action": "produce",
        "findings": set(),
    },
    "geofence-warrant.txt": {
        "instrument": "search_warrant",
        "categories": {"subscriber", "location"},
        "selectors": set(),
        "action": "escalate",
        "findings": {"OVERBROAD_SELECTORS"},
    },
    "addressed-to-another-company.txt": {
        "instrument": "grand_jury_subpoena",
        "action": "reject",
        "findings": {"WRONG_ADDRESSEE"},
    },
    "exigent-suicide-threat.txt": {
        "instrument": "emergency_request",
        "selectors": {("username", "lost.in.rain.98")},
        "action": "produce",
        "notice": "after_emergency",
        "findings": set(),
    },
    "national-security-letter-other-wording.txt": {
        "instrument": "national_security_letter",
        "categories": {"subscriber", "transactional"},
        "selectors": {("account_id", "55123409871")},
        "action": "produce_partial",
        "notice": "prohibited",
        "findings": {"NSL_SCOPE"},
    },
    "dea-subpoena-reporter.txt": {
        "instrument": "administrative_subpoena",
        "selectors": {("username", "capitol.ledger")},
        "action": "escalate",  # journalism about the agency, outside § 876's field
        "findings": {"AUTHORITY_MISMATCH", "ANONYMOUS_SPEECH_RISK"},
    },
    "irs-summons.txt": {
        "instrument": "administrative_subpoena",
        "categories": {"subscriber"},
        "selectors": {("email", "j.pike.trades@example.com")},
        "action": "produce",  # tax liability is § 7602's field; two years is only a warning
        "findings": {"OVERBROAD_DATE_RANGE"},
    },
    "subpoena-by-ip-address.txt": {
        "instrument": "grand_jury_subpoena",
        "categories": {"subscriber"},
        "selectors": {("ip", "198.51.100.23"), ("ip", "2001:db8::7")},
        "action": "produce",
        "findings": set(),
    },
    "rcmp-request.txt": {
        "instrument": "foreign_request",
        "country": "CA",
        "categories": {"subscriber", "content"},
        "selectors": {("username", "maple.secrets.22")},
        "action": "produce_partial",
        "findings": {"FOREIGN_NEEDS_MLAT", "NDO_NOT_BINDING", "CHILD_SAFETY_EXCEPTION"},
    },
    "2703d-order-one-year-gag.txt": {
        "instrument": "court_order_2703d",
        "categories": {"subscriber", "transactional"},
        "selectors": {("username", "brooklyn.bytes")},
        "action": "produce",
        "notice": "delay",
        "not_before": "2027-11-10",
        "findings": {"NDO_IN_FORCE"},
    },
    "subpoena-thirty-accounts.txt": {
        "instrument": "grand_jury_subpoena",
        "action": "escalate",
        "findings": {"OVERBROAD_SELECTORS"},
    },
    "warrant-all-information.txt": {
        "instrument": "search_warrant",
        "categories": {"subscriber", "transactional", "content", "location"},
        "selectors": {("account_id", "90017772345")},
        "action": "produce",
        "findings": set(),
    },
    "australian-production-order.txt": {
        "instrument": "cloud_act_order",
        "country": "AU",
        "categories": {
            "subscriber",
            "transactional",
            "content",
        },  # "Interception" in a title asks nothing
        "action": "produce",
        "findings": set(),
    },
    "secret-service-subpoena-satirist.txt": {
        "instrument": "administrative_subpoena",
        "selectors": {("username", "satire.in.chief")},
        "action": "escalate",  # ridicule of the President is no threat to a protectee
        "findings": {"AUTHORITY_MISMATCH", "ANONYMOUS_SPEECH_RISK"},
    },
    "ftc-civil-investigative-demand.txt": {
        "instrument": "administrative_subpoena",
        "categories": {"subscriber"},
        "action": "produce",
        "findings": set(),
    },
    "state-attorney-general-subpoena.txt": {
        "instrument": "administrative_subpoena",
        "categories": {"subscriber"},
        "action": "produce",  # "between March 1 and August 31, 2026" is a range of six months
        "findings": set(),
    },
    "forwarded-state-warrant.eml": {
        "instrument": "search_warrant",
        "categories": {"subscriber", "content"},
        "selectors": {("username", "madtown.hustle")},
        "action": "clarify",  # forwarded from a .com address: confirm with the agency first
        "findings": {"REQUESTER_UNVERIFIED"},
    },
    "grand-jury-subpoena-in-capitals.txt": {
        "instrument": "grand_jury_subpoena",
        "categories": {"subscriber", "transactional"},
        "selectors": {("username", "desert.rider.505")},
        "action": "produce_partial",
        "findings": {"NONCONTENT_REQUIRES_ORDER"},
    },
    "preservation-extension.txt": {
        "instrument": "preservation_request",
        "categories": {"subscriber", "transactional", "content", "location"},  # "all records"
        "selectors": {("username", "fairmount.dealz"), ("account_id", "77330012871")},
        "action": "preserve",
        "findings": {"PRESERVATION_ONLY"},
    },
    "ice-subpoena-removal-order.txt": {
        "instrument": "administrative_subpoena",
        "action": "produce",  # a final order of removal is § 1225(d)'s field; no speech
        "findings": set(),
        "absent": {"AUTHORITY_MISMATCH", "ANONYMOUS_SPEECH_RISK"},
    },
    "inspector-general-subpoena-union.txt": {
        "instrument": "administrative_subpoena",
        "action": "escalate",  # organising a strike and criticising the Department
        "findings": {"ANONYMOUS_SPEECH_RISK"},
    },
    "grand-jury-doxxing-officers.txt": {
        "instrument": "grand_jury_subpoena",
        "action": "escalate",  # "doxxing" that is naming officers seen at a public protest
        "findings": {"ANONYMOUS_SPEECH_RISK"},
    },
    "grand-jury-threat-to-judge.txt": {
        "instrument": "grand_jury_subpoena",
        # A specific threat to shoot a judge is not protected speech. It asks for "the
        # subscriber information (name, …, IP address at account creation)": the brackets
        # say what it means by subscriber information, the registration record, and ask
        # for no logs.
        "action": "produce",
        "categories": {"subscriber"},
        "findings": set(),
        "absent": {"ANONYMOUS_SPEECH_RISK", "NONCONTENT_REQUIRES_ORDER"},
    },
    "grand-jury-leak-journalist.txt": {
        "instrument": "grand_jury_subpoena",
        "action": "escalate",  # a journalist's publication of agency records
        "findings": {"ANONYMOUS_SPEECH_RISK"},
    },
    "police-scotland-request.txt": {
        "instrument": "foreign_request",
        "country": "GB",
        "action": "produce",  # non-content, voluntarily, to a foreign police force
        "findings": set(),
    },
    "army-cid-subpoena.txt": {
        "instrument": "administrative_subpoena",
        "selectors": {("account_id", "66129034571")},
        "action": "produce",
        "findings": set(),
    },
    "county-grand-jury-by-phone.txt": {
        "instrument": "grand_jury_subpoena",
        "selectors": {("phone", "+15105550148")},  # "phone number" ends the line before
        "action": "clarify",  # acgov.org is not on the list: confirm with the county
        "findings": {"REQUESTER_UNVERIFIED"},
    },
    "preserve-and-produce-email.txt": {
        "instrument": "preservation_request",
        "action": "preserve",  # the informal "produce now" gets nothing
        "findings": {"PRESERVATION_ONLY"},
    },
    "hospital-emergency-email.txt": {
        "instrument": "emergency_request",
        "action": "reject",  # voluntary emergency disclosure goes to a governmental entity
        "findings": {"REQUESTER_UNVERIFIED"},
    },
    "2703d-order-with-location.txt": {
        "instrument": "court_order_2703d",
        "selectors": {("email", "border.runner.atx@example.com")},  # the target's, not a sender's
        "action": "produce_partial",
        "findings": {"LOCATION_REQUIRES_WARRANT"},
        "absent": {"REQUESTER_UNVERIFIED", "NO_SELECTORS"},
    },
    "warrant-stored-and-prospective.txt": {
        "instrument": "search_warrant",
        "categories": {"content", "realtime_noncontent"},
        "action": "produce_partial",  # stored messages yes; tracking going forward needs an order
        "findings": {"REALTIME_REQUIRES_ORDER"},
    },
    "civil-subpoena-reviewer-scam-claim.txt": {
        "instrument": "civil_subpoena",
        "action": "escalate",  # "scam" is in the handle and in what the review said
        "findings": {"ANONYMOUS_SPEECH_RISK", "NONCONTENT_REQUIRES_ORDER"},
    },
    "emergency-without-danger.txt": {
        "instrument": "emergency_request",
        "action": "reject",  # evidence may be deleted: no danger to anyone's life
        "findings": {"EMERGENCY_UNSUPPORTED"},
        "absent": {"REQUESTER_UNVERIFIED"},
    },
    "grand-jury-asks-secrecy.txt": {
        "instrument": "grand_jury_subpoena",
        "action": "produce",
        "notice": "notify_before_production",  # asked, not ordered
        "findings": {"NDO_NOT_BINDING"},
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_demand_is_read_and_decided_as_a_reviewer_would(name):
    expected = EXPECTED[name]
    result = review_file(DEMANDS / name, config())
    request, decision = result.request, result.decision
    assert request.instrument == expected["instrument"]
    if "country" in expected:
        assert request.country == expected["country"]
    if "categories" in expected:
        assert set(request.categories) == expected["categories"]
    if "selectors" in expected:
        assert {(s.kind, s.value) for s in request.selectors} == expected["selectors"]
    assert decision.action == expected["action"]
    assert expected["findings"] <= {str(c) for c in decision.codes}
    assert not expected.get("absent", set()) & {str(c) for c in decision.codes}
    if "notice" in expected:
        assert decision.notice.action == expected["notice"]
    if "not_before" in expected:
        assert str(decision.notice.not_before) == expected["not_before"]
