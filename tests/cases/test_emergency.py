"""An emergency is due in hours, heads the queue while open, and counsel hears of it at once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from custodes.cases import services
from custodes.cases.people import add_staff
from custodes.cases.workflow import State
from custodes.outbox.models import Mail
from tests.conftest import PASSWORD
from tests.helpers import RECEIVED_ON, request

pytestmark = pytest.mark.django_db

EMERGENCY = dict(
    instrument="emergency_request",
    emergency=True,
    categories=["subscriber", "location"],
    purpose="A 16-year-old posted that she will end her life tonight; she has a firearm.",
)


@pytest.fixture
def counsel_on_call(db):
    return add_staff(
        "mara",
        PASSWORD,
        ["counsel"],
        email="mara@parley.example",
        full_name="Mara Quist",
        title="Associate General Counsel",
    )[0]


def test_an_emergency_is_due_in_the_hours_the_desk_allows(settings, counsel_on_call):
    settings.CUSTODES_EMERGENCY_HOURS = 2
    before = timezone.now()
    case = services.open_case(request(**EMERGENCY), "api", None, RECEIVED_ON)
    assert abs(case.due_at - before - timedelta(hours=2)) < timedelta(seconds=5)
    assert str(case.due_on) == case.demand.request["return_by"]  # the day stays the return date


def test_counsel_is_emailed_the_moment_it_arrives(counsel_on_call):
    case = services.open_case(request(**EMERGENCY), "api", None, RECEIVED_ON)
    [mail] = Mail.objects.filter(purpose="emergency")
    assert mail.to == ["mara@parley.example"]
    assert case.reference in mail.subject and "due in 4 hours" in mail.subject
    assert "call-back" in mail.body and f"/cases/{case.reference}/" in mail.body


def test_an_ordinary_demand_has_no_due_hour_and_no_alert(counsel_on_call):
    case = services.open_case(request(), "api", None, RECEIVED_ON)
    assert case.due_at is None and not Mail.objects.filter(purpose="emergency").exists()


def test_it_heads_the_queue_while_open(open_case, counsel_on_call, as_user):
    overdue = open_case(return_by="2026-11-24")  # a subpoena due before the emergency
    emergency = services.open_case(request(**EMERGENCY), "api", None, RECEIVED_ON)
    queue = _the_queue(as_user(counsel_on_call).get("/"))
    assert queue.index(emergency.reference) < queue.index(overdue.reference)
    assert "emergency" in queue
    services.move(emergency, counsel_on_call, State.IN_REVIEW)
    services.move(emergency, counsel_on_call, State.CLOSED, "rejected")
    queue = _the_queue(as_user(counsel_on_call).get("/?state=all"))
    assert queue.index(overdue.reference) < queue.index(emergency.reference)


def _the_queue(response) -> str:
    """The queue's table, below the overdue list and the filters."""
    return response.content.decode().partition('aria-label="Filters"')[2]
