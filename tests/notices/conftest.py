"""Cases on their way to notice, and a clock the tests set."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
import time_machine

from custodes.cases import services
from custodes.cases.people import add_staff
from custodes.cases.workflow import State
from custodes.notices import services as notices
from tests.conftest import PASSWORD

HOLDER = "holder@example.org"
ICE_SUBPOENA = {
    "instrument": "administrative_subpoena",
    "authority": ["8 U.S.C. § 1225(d)"],
    "agency": "U.S. Immigration and Customs Enforcement",
    "selectors": [{"kind": "username", "value": "northside.alerts"}],
    "categories": ["subscriber"],
    "date_range": {"start": "2026-01-01", "end": "2026-11-15"},
    "purpose": "To identify the person responsible for the account, for officer safety.",
}


def on(day: str):
    """The clock at 10:00 UTC on `day` (it keeps ticking from there)."""
    return time_machine.travel(datetime.fromisoformat(day).replace(hour=10, tzinfo=UTC))


def approve(case, counsel, reason="counsel approves producing what the process reaches"):
    """Counsel decides to produce what the engine would allow (what the demand asks, where
    the engine allows nothing yet) and approves."""
    case = services.move(case, counsel, State.IN_REVIEW)
    if case.engine_action == "escalate":
        case = services.move(case, counsel, State.ESCALATED)
    engine = case.reviews.first().decision
    allowed = engine["allowed_categories"] or case.demand.request["categories"]
    services.decide(case, counsel, "produce", allowed, reason)
    return services.move(case, counsel, State.APPROVED)


def into_notice_period(case, counsel, address=HOLDER):
    approve(case, counsel)
    notices.add_recipient(case, counsel, address)
    return services.move(case, counsel, State.NOTICE_PERIOD)


def link_in(message) -> str:
    return re.search(r"https?://\S+/notice/\S+/", message.get_content()).group(0)


@pytest.fixture
def counsel_with_mail(counsel):
    counsel.email = "carl@parley.example"
    counsel.save()
    return counsel


@pytest.fixture
def rita(db):
    """A reviewer with an address for her reminders, to be assigned cases."""
    return add_staff(
        "rita",
        PASSWORD,
        ["reviewer"],
        full_name="Rita Reyes",
        title="Reviewer",
        email="rita@parley.example",
    )[0]
