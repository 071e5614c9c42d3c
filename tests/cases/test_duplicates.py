"""One demand, one case: a repeat is flagged on arrival, joined or cleared by a person, and a
case closed as a duplicate or entered in error is counted nowhere."""

from __future__ import annotations

import pytest

from custodes.audit.models import Event
from custodes.cases import services
from custodes.cases.models import Case
from custodes.cases.workflow import State
from custodes.law.refusal import Refused
from custodes.transparency.aggregate import compute
from custodes.transparency.periods import Period
from tests.helpers import RECEIVED_ON, request

pytestmark = pytest.mark.django_db

SUBPOENA = b"""GRAND JURY SUBPOENA
To: Parley Social, Inc.
YOU ARE COMMANDED to produce the subscriber information (name, address, session times)
for the account with username someone, for January 1, 2026 through November 1, 2026.
Signed: AUSA Jane Park, United States Attorney's Office, jane.park@usdoj.gov
"""


def _counted() -> int:
    return compute(Period.parse("2026H2")).total().requests


def test_the_same_document_twice_is_flagged_and_joined(reviewer):
    first = services.receive_upload(SUBPOENA, "subpoena.txt", reviewer, RECEIVED_ON)
    again = services.receive_upload(SUBPOENA, "subpoena-copy.txt", reviewer, RECEIVED_ON)
    assert again.duplicate_of == first and first.duplicate_of is None
    received = Event.objects.filter(subject=again.subject, action="custodes.case.received").get()
    assert received.data["repeats"] == first.reference
    assert _counted() == 2

    services.join_duplicate(again, reviewer)
    again.refresh_from_db()
    assert (again.state, again.outcome) == (State.CLOSED, "duplicate")
    assert sorted(first.demand.documents.values_list("original_name", flat=True)) == [
        "subpoena-copy.txt",
        "subpoena.txt",
    ]
    joined = Event.objects.filter(subject=first.subject, action="custodes.case.joined").get()
    assert joined.data["duplicate"] == again.reference
    assert _counted() == 1


def test_the_same_requester_and_reference_number_is_flagged(reviewer):
    first = services.open_case(request(), "api", None, RECEIVED_ON, case_number="GJ-2026-114")
    other = services.open_case(request(), "api", None, RECEIVED_ON, case_number="GJ-2026-115")
    again = services.open_case(request(), "api", None, RECEIVED_ON, case_number="GJ-2026-114")
    assert other.duplicate_of is None and again.duplicate_of == first


def test_a_closed_case_is_not_repeated(reviewer):
    first = services.receive_upload(SUBPOENA, "subpoena.txt", reviewer, RECEIVED_ON)
    services.move(first, reviewer, State.CLOSED, "entered_in_error", "opened on the wrong desk")
    again = services.receive_upload(SUBPOENA, "subpoena.txt", reviewer, RECEIVED_ON)
    assert again.duplicate_of is None
    assert _counted() == 1  # the one entered in error counts nowhere


def test_clearing_the_flag_needs_a_reason(reviewer):
    services.receive_upload(SUBPOENA, "subpoena.txt", reviewer, RECEIVED_ON)
    again = services.receive_upload(SUBPOENA, "renewed.txt", reviewer, RECEIVED_ON)
    with pytest.raises(Refused, match="Say why"):
        services.clear_duplicate(again, reviewer, " ")
    services.clear_duplicate(again, reviewer, "a renewed subpoena for a later period")
    assert Case.objects.get(pk=again.pk).duplicate_of is None


def test_the_case_page_offers_the_join_and_an_outsider_cannot(reviewer, outsider, as_user):
    first = services.receive_upload(SUBPOENA, "subpoena.txt", reviewer, RECEIVED_ON)
    again = services.receive_upload(SUBPOENA, "subpoena.txt", reviewer, RECEIVED_ON)
    page = as_user(reviewer).get(f"/cases/{again.reference}/").content.decode()
    assert "This demand seems to repeat" in page and f"Join to {first.reference}" in page
    response = as_user(outsider).post(f"/cases/{again.reference}/duplicate/join/")
    assert response.status_code in (302, 403, 404)
    assert Case.objects.get(pk=again.pk).state != State.CLOSED
    as_user(reviewer).post(f"/cases/{again.reference}/duplicate/join/", {"reason": ""})
    assert Case.objects.get(pk=again.pk).outcome == "duplicate"
