"""Closed cases for the publishing tests, opened and closed through the services."""

from __future__ import annotations

import pytest

from custodes.cases import services
from custodes.cases.workflow import State
from custodes.publishing import services as publishing
from tests.helpers import RECEIVED_ON, request
from tests.transparency.test_whole_path import SUBPOENA

TARGET = "eastside.ice.watch"
OFFICER_EMAIL = "l.burke@ice.dhs.gov"
OFFICER_PHONE = "(202) 555-0144"


def close_rejected(case, counsel):
    case = services.move(case, counsel, State.IN_REVIEW)
    if case.engine_action == "escalate":
        case = services.move(case, counsel, State.ESCALATED)
    return services.move(case, counsel, State.CLOSED, "rejected", "Outside what the law reaches.")


# The ICE subpoena's request as its text says it (so that publishing's tests do not turn on
# how intake reads the text; test_whole_path reads it).
AS_WRITTEN = {
    "instrument": "administrative_subpoena",
    "authority": ["8 U.S.C. § 1225(d)"],
    "agency": "U.S. Department of Homeland Security",
    "requester": {"name": "SA L. Burke", "email": OFFICER_EMAIL, "phone": "+12025550144"},
    "issued_on": "2026-02-26",
    "return_by": None,
    "selectors": [{"kind": "username", "value": TARGET}],
    "categories": ["subscriber", "transactional"],
    "date_range": {"start": "2026-01-01", "end": "2026-02-28"},
    "purpose": "The account posts where immigration agents are working and when, and asks "
    "followers to come and watch. This subpoena is issued to identify the person who runs "
    "the account.",
}


@pytest.fixture
def closed_case(open_case, counsel):
    """The ICE subpoena for who runs an account that reports where agents are, its text kept
    as the document: rejected."""
    case = open_case(document=SUBPOENA, name="ice-subpoena.txt", **AS_WRITTEN)
    return close_rejected(case, counsel)


@pytest.fixture
def closed_under(counsel):
    """A closed case of the structured request with these fields."""

    def make(**overrides):
        case = services.open_case(request(**overrides), "api", None, RECEIVED_ON)
        return close_rejected(case, counsel)

    return make


@pytest.fixture
def published(closed_case, counsel):
    return publishing.approve(publishing.propose(closed_case, counsel), counsel)
