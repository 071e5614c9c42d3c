"""The requester answers: in the portal or the API, the amended demand is reviewed again,
the case leaves `awaiting_requester`, staff see what changed, and the requester is e-mailed
when the demand's state changes (and nothing about the account holder)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from custodes.audit.models import Event
from custodes.cases import services
from custodes.cases.models import Case
from custodes.cases.workflow import State
from custodes.letters import services as letters
from custodes.letters.models import Reply
from custodes.notices import services as notices
from custodes.notices.models import Notice
from custodes.requesters import tokens
from custodes.worker import tick
from tests.conftest import sign_in
from tests.letters.conftest import CONTENT_ON_SUBPOENA
from tests.notices.conftest import HOLDER, into_notice_period, on

pytestmark = pytest.mark.django_db(transaction=True)

NO_RECORDS_NAMED = {"categories": [], "items": []}


@pytest.fixture
def api(client, officer):
    token = tokens.issue(officer)
    return lambda method, path, **kw: getattr(client, method)(
        f"/api/v1{path}",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
        **kw,
    )


@pytest.fixture
def asked(demand_of, reviewer):
    """A demand naming no records, the reviewer's clarify letter sent: it waits for the
    requester. The reviewer, who has it, gets e-mail."""
    reviewer.email = "rita@parley.example"
    reviewer.save()
    case = services.move(demand_of(**NO_RECORDS_NAMED), reviewer, State.IN_REVIEW)
    services.assign(case, reviewer, reviewer)
    letters.send(letters.draft(case, reviewer), reviewer)
    return Case.objects.get(pk=case.pk)


def test_an_api_answer_is_reviewed_again_and_the_case_returns_to_review(asked, api, smtp):
    assert asked.state == State.AWAITING_REQUESTER and asked.engine_action == "clarify"
    answer = api(
        "post",
        f"/demands/{asked.reference}/replies",
        data={"message": "Subscriber records only.", "amend": {"categories": ["subscriber"]}},
    )
    assert answer.status_code == 201, answer.content
    assert answer.json() | {"id": 0} == {
        "id": 0,
        "state": "in_review",
        "changed": ["categories"],
        "engine_action": "produce",
        "engine_action_before": "clarify",
    }
    case = Case.objects.get(pk=asked.pk)
    assert (case.state, case.engine_action) == (State.IN_REVIEW, "produce")
    assert case.reviews.first().decision["action"] == "produce"
    reply = Reply.objects.get()
    assert reply.changes == {"categories": {"from": [], "to": ["subscriber"]}}
    tick()
    [told] = smtp.to("rita@parley.example")
    assert told["Subject"] == f"{case.reference}: the requester answered"
    assert "What changed in the demand: categories." in told.get_content()
    states = [m for m in smtp.to("officer@fbi.gov") if "your demand is now" in m["Subject"]]
    # Taken into review, asked, and back in review on the answer.
    assert sorted(m["Subject"].split("now ")[1] for m in states) == [
        "under review",
        "under review",
        "we need your answer",
    ]


def test_a_portal_answer_narrows_the_demand_and_staff_see_what_changed(
    demand_of, reviewer, officer, client
):
    case = services.move(demand_of(**CONTENT_ON_SUBPOENA), reviewer, State.IN_REVIEW)
    letters.send(letters.draft(case, reviewer), reviewer)
    sign_in(client, officer)
    client.post(
        f"/portal/demands/{case.reference}/reply/",
        {
            "message": "We drop the request for content.",
            "categories_shown": "1",
            "categories": ["subscriber"],
            "date_start": "2026-06-01",
            "date_end": "2026-11-01",
        },
    )
    case.refresh_from_db()
    assert case.demand.request["categories"] == ["subscriber"]
    assert case.demand.request["date_range"] == {"start": "2026-06-01", "end": "2026-11-01"}
    assert case.engine_action == "produce" and case.state == State.IN_REVIEW
    sign_in(client, reviewer)
    page = client.get(f"/cases/{case.reference}/").content.decode()
    assert "We drop the request for content." in page
    assert "<strong>categories</strong>" in page and "<strong>date_range</strong>" in page
    assert Event.objects.filter(action="custodes.request.amended", actor=officer).exists()


def test_a_refused_document_loses_nothing_and_says_why(demand_of, officer, client):
    case = demand_of(**CONTENT_ON_SUBPOENA)
    sign_in(client, officer)
    empty = {"name": "amended.pdf", "content": b"", "content_type": "application/pdf"}
    page = client.post(
        f"/portal/demands/{case.reference}/reply/",
        {
            "message": "Here is the amended demand.",
            "document": SimpleUploadedFile(**empty),
            "categories_shown": "1",
            "categories": ["subscriber"],
        },
        follow=True,
    ).content.decode()
    assert "Your answer was not taken: amended.pdf is empty." in page
    case.refresh_from_db()
    assert case.demand.request["categories"] == ["subscriber", "content"]
    assert not Reply.objects.exists() and not case.demand.documents.exists()


def test_answers_that_cannot_be_taken_are_refused_with_the_reason(asked, api, reviewer):
    path = f"/demands/{asked.reference}/replies"
    assert api("post", path, data={"message": " "}).json()["error"]["message"] == (
        "Write a message, amend the demand or attach a document."
    )
    wrong = api("post", path, data={"amend": {"addressed_to": "Another, Inc."}})
    assert wrong.status_code == 422 and wrong.json()["error"]["field"]
    bad = api("post", path, data={"amend": {"date_range": {"start": "2026-13-01"}}})
    assert bad.status_code == 422
    services.move(asked, reviewer, State.CLOSED, "withdrawn", "the agency withdrew it")
    closed = api("post", path, data={"message": "One more thing."})
    assert "This demand is closed" in closed.json()["error"]["message"]
    assert not Reply.objects.exists()


def test_an_approved_demand_takes_a_message_but_no_amendment(demand_of, counsel, api):
    case = services.move(demand_of(**CONTENT_ON_SUBPOENA), counsel, State.IN_REVIEW)
    services.decide(case, counsel, "produce_partial", ["subscriber"], "")
    case = services.move(case, counsel, State.APPROVED)
    path = f"/demands/{case.reference}/replies"
    wider = api("post", path, data={"amend": {"date_range": {"start": "2020-01-01"}}})
    assert "it can no longer be amended" in wider.json()["error"]["message"]
    assert api("post", path, data={"message": "Thank you."}).status_code == 201
    case.refresh_from_db()
    assert case.state == State.APPROVED and case.decisions.in_force().exists()


def test_another_requester_cannot_answer_or_read_the_letters(asked, client, other_officer):
    token = tokens.issue(other_officer)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}", "content_type": "application/json"}
    path = f"/api/v1/demands/{asked.reference}"
    assert client.get(f"{path}/letters", **headers).status_code == 404
    assert client.post(f"{path}/replies", {"message": "x"}, **headers).status_code == 404
    sign_in(client, other_officer)
    assert (
        client.post(f"/portal/demands/{asked.reference}/reply/", {"message": "x"}).status_code
        == 404
    )
    assert not Reply.objects.exists()


def test_the_api_lists_the_letters_sent(asked, api):
    [letter] = api("get", f"/demands/{asked.reference}/letters").json()
    assert letter["kind"] == "clarify" and "What is missing, and why:" in letter["body"]
    assert len(letter["pdf_sha256"]) == 64


def test_state_mail_tells_the_requester_nothing_about_the_account_holder(demand_of, counsel, smtp):
    case = services.move(demand_of(), counsel, State.IN_REVIEW)
    services.decide(case, counsel, "produce", ["subscriber"], "")
    case = services.move(case, counsel, State.APPROVED)
    notices.add_recipient(case, counsel, "holder@example.org")
    services.move(case, counsel, State.NOTICE_PERIOD)
    tick()
    mails = [m for m in smtp.to("officer@fbi.gov") if case.reference in m["Subject"]]
    assert sorted(m["Subject"].split("now ")[1] for m in mails) == [
        "approved",
        "approved; the user's notice period is running",
        "under review",
    ]
    for mail in mails:
        assert "holder@example.org" not in mail.get_content()
        assert case.reference in mail.get_content()


AMENDED = b"""UNITED STATES DISTRICT COURT
GRAND JURY SUBPOENA

To: Parley Social, Inc., Custodian of Records

YOU ARE COMMANDED to produce the following records for the account with the username
"someone" for the period June 1, 2026 through November 1, 2026:
  1. The subscriber's name, address and telephone number.

This subpoena is issued in an investigation of wire fraud (18 U.S.C. \xc2\xa7 1343).

/s/ A. Prosecutor, Assistant United States Attorney          Date: November 30, 2026
"""


def test_an_amended_document_that_replaces_the_demand_is_read_and_reviewed(
    demand_of, reviewer, officer, client
):
    case = services.move(demand_of(**CONTENT_ON_SUBPOENA), reviewer, State.IN_REVIEW)
    sign_in(client, officer)
    client.post(
        f"/portal/demands/{case.reference}/reply/",
        {
            "message": "The amended subpoena, for subscriber records only.",
            "document": SimpleUploadedFile("amended.txt", AMENDED, "text/plain"),
            "replaces": "on",
        },
    )
    case.refresh_from_db()
    reply = Reply.objects.get()
    assert reply.document.original_name == "amended.txt"
    assert case.demand.request["categories"] == ["subscriber"]
    assert "categories" in reply.changes and case.engine_action == "produce"


def test_the_requester_is_told_the_demand_is_challenged_but_not_by_whom(demand_of, counsel, smtp):
    with on("2026-11-23"):
        case = into_notice_period(demand_of(), counsel)
        tick()
    with on("2026-11-25"):
        notices.object_to(Notice.objects.get(), "ACLU of Pennsylvania", "I object.")
        tick()
    [told] = [m for m in smtp.to("officer@fbi.gov") if "challenged" in m["Subject"]]
    assert told["Subject"] == f"{case.reference}: your demand is now challenged by the user"
    assert "ACLU" not in told.get_content() and HOLDER not in told.get_content()


@pytest.mark.parametrize(
    ("bad", "says"),
    [
        ({"date_start": "2026-02-30"}, "Give the date as YYYY-MM-DD."),
        ({"categories": ["dna"]}, "dna is not a data category custodes knows."),
    ],
)
def test_a_bad_value_in_an_answer_is_refused_and_changes_nothing(
    bad, says, demand_of, officer, client
):
    case = demand_of(**CONTENT_ON_SUBPOENA)
    sign_in(client, officer)
    events = Event.objects.count()
    answer = {"message": "We narrow it.", "categories_shown": "1", "categories": ["subscriber"]}
    page = client.post(
        f"/portal/demands/{case.reference}/reply/", answer | bad, follow=True
    ).content.decode()
    assert f"Your answer was not taken: {says}" in page
    case.refresh_from_db()
    assert case.demand.request["categories"] == ["subscriber", "content"]
    assert not Reply.objects.exists() and Event.objects.count() == events
