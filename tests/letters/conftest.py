"""Demands that call for a letter, from an officer who signed in to the portal."""

from __future__ import annotations

import pytest

from custodes.cases import services
from tests.helpers import RECEIVED_ON, request

# A grand jury subpoena that also asks for messages: the process reaches subscriber records.
CONTENT_ON_SUBPOENA = {"categories": ["subscriber", "content"]}
# The DHS pattern: an administrative subpoena to identify the accounts that watch ICE.
ANONYMOUS_SPEECH = {
    "instrument": "administrative_subpoena",
    "authority": ["8 U.S.C. § 1225(d)"],
    "agency": "U.S. Immigration and Customs Enforcement",
    "selectors": [{"kind": "username", "value": "northside.alerts"}],
    "categories": ["subscriber"],
    "purpose": "To identify the person responsible for the account, which posts the locations "
    "of ICE agents, for officer safety.",
}
UNSIGNED_WARRANT = {"instrument": "search_warrant", "categories": ["content"], "signed": False}
UNVERIFIED_SENDER = {
    "requester": {"name": "SA Test", "email": "fbi.agent.reyes@gmail.com", "phone": None}
}


@pytest.fixture
def demand_of(officer):
    """A demand the officer submitted through the portal."""

    def make(**overrides):
        return services.open_case(request(**overrides), "portal", officer, RECEIVED_ON)

    return make
