"""The account holder who was told of a demand is told how it ended, through a real SMTP
server on loopback; and an objection reaches counsel as well as the case's assignee."""

from __future__ import annotations

import pytest

from custodes.audit.models import Event
from custodes.cases import services
from custodes.cases.models import Case
from custodes.cases.workflow import State
from custodes.notices import services as notices
from custodes.notices.models import Notice
from custodes.notices.outcomes import tell_holders
from custodes.worker import tick
from tests.notices.conftest import HOLDER, ICE_SUBPOENA, into_notice_period, on

pytestmark = pytest.mark.django_db(transaction=True)
ORDER = (b"ORDER. The motion to quash is DENIED. So ordered, 2026-12-10.", "order-denying.txt")


@pytest.fixture
def notified(open_case, counsel, smtp):
    """The ICE subpoena, its notice sent to the holder on 2026-11-23."""
    with on("2026-11-23"):
        case = into_notice_period(open_case(**ICE_SUBPOENA), counsel)
        tick()
    smtp.messages.clear()
    return case


@pytest.fixture
def objected(notified):
    with on("2026-11-25"):
        notices.object_to(Notice.objects.get(), "ACLU of Pennsylvania", "I object.")
    return Case.objects.get(pk=notified.pk)


def _outcome(smtp) -> str:
    tick()
    [message] = smtp.to(HOLDER)
    assert (
        message["Subject"]
        == "Parley Social, Inc.: how the demand for data about your account ended"
    )
    return message.get_content()


def test_the_holder_is_told_the_demand_was_withdrawn(notified, counsel, smtp):
    with on("2026-11-30"):
        services.move(notified, counsel, State.CLOSED, "withdrawn", "ICE withdrew it")
    body = _outcome(smtp)
    assert "On 2026-11-23 we told you of a legal demand from U.S. Immigration" in body
    assert (
        "U.S. Immigration and Customs Enforcement withdrew the demand. We produced nothing." in body
    )
    assert "https://www.eff.org/pages/legal-assistance" in body
    event = Event.objects.get(action="custodes.notice.outcome_queued")
    assert event.data["outcome"] == "withdrawn"


def test_the_holder_is_told_the_court_quashed_it(objected, counsel, smtp):
    with on("2026-12-10"):
        notices.settle_challenge(objected, counsel, "quashed", "Quashed, No. 2:26-mc-00412")
    assert "The court quashed the demand. We produced nothing." in _outcome(smtp)


def test_the_holder_is_told_the_court_denied_the_objection_and_what_follows(
    objected, counsel, smtp
):
    with on("2026-12-10"):
        notices.settle_challenge(objected, counsel, "denied", "Denied from the bench", ORDER)
    body = _outcome(smtp)
    assert "The court denied the objection to the demand. What happens next: we will now " in body
    assert "ask a higher court to review the ruling" in body
    assert Case.objects.get(pk=objected.pk).state == State.PRODUCING


def test_the_holder_is_told_what_was_produced_and_when(notified, counsel, smtp):
    with on("2026-12-08"):
        case = services.move(notified, counsel, State.PRODUCING)
        case = services.move(case, counsel, State.CLOSED, "produced")
    body = _outcome(smtp)
    assert f"On {case.disclosed_on.isoformat()} we produced:" in body
    assert "  - basic subscriber information" in body


def test_the_holder_is_told_when_no_records_were_found(notified, counsel, smtp):
    with on("2026-12-08"):
        case = services.move(notified, counsel, State.PRODUCING)
        services.move(case, counsel, State.CLOSED, "no_records")
    assert "We found no records of the kind asked for. We produced nothing." in _outcome(smtp)


def test_a_holder_never_notified_is_not_written_to_at_the_end(open_case, counsel, smtp):
    with on("2026-11-23"):
        case = services.move(open_case(**ICE_SUBPOENA), counsel, State.IN_REVIEW)
        notices.add_recipient(case, counsel, HOLDER)  # notice waits for the notice period
        services.move(case, counsel, State.CLOSED, "withdrawn", "withdrawn before notice")
        tick()
    assert smtp.to(HOLDER) == []


def test_an_end_is_told_once_and_a_duplicate_is_no_end(notified, counsel, smtp):
    with on("2026-11-30"):
        services.move(notified, counsel, State.CLOSED, "withdrawn", "withdrawn")
    tick()
    assert len(smtp.to(HOLDER)) == 1  # the same outcome asked again sends nothing more
    case = Case.objects.get(pk=notified.pk)
    assert tell_holders(case, "withdrawn") == 0 and tell_holders(case, "duplicate") == 0
    assert Event.objects.filter(action="custodes.notice.outcome_queued").count() == 1
    tick()
    assert len(smtp.to(HOLDER)) == 1


def test_the_objection_reaches_counsel_and_the_assignee_at_once(notified, counsel, rita, smtp):
    counsel.email = "carl@parley.example"
    counsel.save()
    services.assign(notified, counsel, rita)
    with on("2026-11-25"):
        notices.object_to(Notice.objects.get(), "ACLU of Pennsylvania", "I object.")
        tick()
    [message] = [m for m in smtp.messages if "challenged" in m["Subject"]]
    assert sorted(a.strip() for a in message["To"].split(",")) == [
        "carl@parley.example",
        "rita@parley.example",
    ]


def test_the_courts_order_is_read_before_the_transaction_that_stores_it(
    objected, counsel, monkeypatch
):
    from django.db import connection

    from custodes.cases.uploads import check_upload

    read_inside: list[bool] = []

    def reading(data, name):
        read_inside.append(connection.in_atomic_block)
        return check_upload(data, name)

    monkeypatch.setattr(notices, "check_upload", reading)
    with on("2026-12-10"):
        notices.settle_challenge(objected, counsel, "denied", "Denied from the bench", ORDER)
    assert read_inside == [False]
    assert Case.objects.get(pk=objected.pk).state == State.PRODUCING
