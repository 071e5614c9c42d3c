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


@pytest.fixture
def closed_case(counsel):
    """The ICE subpoena for who runs an account that reports where agents are: rejected."""
    case = services.receive_upload(SUBPOENA, "ice-subpoena.txt", counsel)
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
