"""Each row of the contract's table "What each instrument reaches (US rule pack)"."""

from __future__ import annotations

import pytest

from custodes.law.vocab import Category, Code
from tests.helpers import decide

ALL = [c.value for c in Category]
STORED = ["subscriber", "transactional", "content", "location"]

# What a subpoena does not reach, and the code that withholds each (the contract's defaults).
BEYOND_A_SUBPOENA = {
    "transactional": "NONCONTENT_REQUIRES_ORDER",
    "content": "CONTENT_REQUIRES_WARRANT",
    "location": "LOCATION_REQUIRES_WARRANT",
    "realtime_noncontent": "REALTIME_REQUIRES_ORDER",
    "realtime_content": "REALTIME_REQUIRES_ORDER",
}
REALTIME = {k: v for k, v in BEYOND_A_SUBPOENA.items() if k.startswith("realtime")}
STORED_BEYOND = {k: v for k, v in BEYOND_A_SUBPOENA.items() if not k.startswith("realtime")}

# instrument, what it may reach, and the code that withholds each other category.
ROWS = [
    ("administrative_subpoena", {"subscriber"}, BEYOND_A_SUBPOENA),
    ("grand_jury_subpoena", {"subscriber"}, BEYOND_A_SUBPOENA),
    ("trial_subpoena", {"subscriber"}, BEYOND_A_SUBPOENA),
    ("civil_subpoena", {"subscriber"}, {**BEYOND_A_SUBPOENA, "content": "PRIVATE_PARTY_CONTENT"}),
    (
        "court_order_2703d",
        {"subscriber", "transactional"},
        {k: v for k, v in BEYOND_A_SUBPOENA.items() if k != "transactional"},
    ),
    ("search_warrant", set(STORED), REALTIME),
    (
        "pen_register_order",
        {"subscriber", "realtime_noncontent"},
        {**STORED_BEYOND, "realtime_content": "REALTIME_REQUIRES_ORDER"},
    ),
    ("wiretap_order", {"subscriber", "realtime_noncontent", "realtime_content"}, STORED_BEYOND),
    ("emergency_request", set(STORED), REALTIME),
    ("national_security_letter", {"subscriber"}, {c: "NSL_SCOPE" for c in ALL[1:]}),
    (
        "foreign_request",
        {"subscriber", "transactional"},
        {c: "FOREIGN_NEEDS_MLAT" for c in ALL[2:]},
    ),
    ("informal_request", set(), {c: "NO_LEGAL_PROCESS" for c in ALL}),
]

EMERGENCY = "A hostage is being held at gunpoint and the caller threatened to kill him."


def _decide(instrument: str, category: str, **extra):
    return decide(
        instrument=instrument,
        categories=[category],
        emergency=instrument == "emergency_request",
        purpose=EMERGENCY if instrument == "emergency_request" else "An armed robbery.",
        **extra,
    )


@pytest.mark.parametrize(("instrument", "reaches", "withheld"), ROWS, ids=[r[0] for r in ROWS])
@pytest.mark.parametrize("category", ALL)
def test_the_instrument_reaches_what_the_table_says(instrument, reaches, withheld, category):
    extra = (
        {"country": "DE", "requester": {"email": "x@bka.bund.de"}}
        if "foreign" in instrument
        else {}
    )
    decision = _decide(instrument, category, **extra)
    if category in reaches:
        assert decision.allowed_categories == (category,)
        assert not decision.withheld
    else:
        assert decision.allowed_categories == ()
        assert Code(withheld[category]) in decision.codes
        [item] = decision.withheld
        assert item.category == category and item.citation


@pytest.mark.parametrize("country", ["GB", "AU"])
@pytest.mark.parametrize("category", STORED)
def test_a_cloud_act_order_from_an_agreement_country_reaches_stored_data(country, category):
    decision = decide(
        instrument="cloud_act_order",
        country=country,
        categories=[category],
        requester={"email": "officer@met.police.uk"},
    )
    assert decision.allowed_categories == (category,)


def test_a_cloud_act_order_cannot_intercept():
    decision = decide(
        instrument="cloud_act_order",
        country="GB",
        categories=["realtime_content"],
        requester={"email": "officer@met.police.uk"},
    )
    assert Code.REALTIME_REQUIRES_ORDER in decision.codes


def test_a_cloud_act_order_from_elsewhere_is_a_foreign_request():
    decision = decide(
        instrument="cloud_act_order",
        country="FR",
        categories=["subscriber", "content"],
        requester={"email": "officier@interieur.gouv.fr"},
    )
    assert Code.FOREIGN_NEEDS_MLAT in decision.codes
    assert decision.allowed_categories == ("subscriber",)


@pytest.mark.parametrize("category", ALL)
def test_a_preservation_request_reaches_what_it_names_to_preserve_only(category):
    decision = decide(instrument="preservation_request", categories=[category])
    assert decision.action == "preserve"
    assert decision.allowed_categories == (category,)
    assert decision.withheld == ()
