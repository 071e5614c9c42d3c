"""Submitting and following demands: the engine's answer at once, one's own demands only,
a refused document that keeps the demand, and no emergency disclosure before a call-back."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from custodes.audit.models import Event
from custodes.cases import services
from custodes.cases.models import Case
from custodes.cases.workflow import State
from custodes.law.refusal import Refused
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

SUBPOENA = {
    "instrument": "grand_jury_subpoena",
    "authority": "18 U.S.C. § 2703(c)(2)",
    "case_number": "GJ-26-117",
    "selectors": "username: harbor.lights\nemail: Harbor.Lights@example.com",
    "categories": ["subscriber", "content"],
    "date_start": "2026-03-01",
    "date_end": "2026-09-30",
    "signed": "on",
    "purpose": "A grand jury investigation of bank fraud.",
}


def _submit(client, data, **files):
    return client.post("/portal/submit/", {**data, **files})


def test_a_submission_is_reviewed_at_once_and_says_what_is_beyond_the_process(officer):
    client = sign_in(Client(), officer)
    response = _submit(client, SUBPOENA)
    case = Case.objects.get()
    assert response.url == f"/portal/demands/{case.reference}/"
    page = client.get(response.url).content.decode()
    assert "only a search warrant compels it" in page
    assert case.demand.submitted_by == officer and case.demand.case_number == "GJ-26-117"
    assert {(t.kind, t.value) for t in case.targets.all()} == {
        ("username", "harbor.lights"),
        ("email", "Harbor.Lights@example.com"),
    }
    assert "GJ-26-117" in client.get("/portal/").content.decode()


def test_a_form_with_errors_keeps_what_was_typed(officer):
    client = sign_in(Client(), officer)
    response = _submit(client, {**SUBPOENA, "selectors": "harbor.lights"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "kind: value" in page and "A grand jury investigation of bank fraud." in page
    assert not Case.objects.exists()


def test_a_refused_document_keeps_the_demand_and_says_why(officer):
    client = sign_in(Client(), officer)
    broken = SimpleUploadedFile("subpoena.pdf", b"%PDF-1.7\n1 0 obj <<")
    response = client.post("/portal/submit/", {**SUBPOENA, "document": broken}, follow=True)
    assert Case.objects.count() == 1
    page = response.content.decode()
    assert "Your demand is kept, but its document was refused" in page
    good = SimpleUploadedFile("subpoena.txt", b"SUBPOENA TO TESTIFY BEFORE A GRAND JURY ...")
    client.post(f"/portal/demands/{Case.objects.get().reference}/documents/", {"document": good})
    assert Case.objects.get().demand.documents.count() == 1


def test_a_requester_cannot_read_or_guess_anothers_demand(officer, other_officer):
    _submit(sign_in(Client(), officer), SUBPOENA)
    theirs = Case.objects.get().reference
    snoop = sign_in(Client(), other_officer)
    assert snoop.get(f"/portal/demands/{theirs}/").status_code == 404
    assert snoop.get("/portal/demands/C-AAAAAAAAAA/").status_code == 404  # the same answer
    assert theirs not in snoop.get("/portal/").content.decode()
    bad = SimpleUploadedFile("x.txt", b"text")
    assert snoop.post(f"/portal/demands/{theirs}/documents/", {"document": bad}).status_code == 404


def test_staff_pages_are_closed_to_requesters(officer):
    client = sign_in(Client(), officer)
    assert client.get("/").status_code == 403


def test_the_portal_is_closed_without_sign_in(officer):
    assert Client().get("/portal/").status_code == 302


EMERGENCY = {
    "instrument": "emergency_request",
    "selectors": "username: lost.in.rain.98",
    "categories": ["subscriber", "location"],
    "nature": "A 16-year-old posted that she will end her life tonight.",
    "danger": "She has a firearm and cannot be located; she is in danger of death.",
    "callback_number": "(206) 555-0141",
}


def test_an_emergency_needs_its_nature_danger_and_call_back_number(officer):
    client = sign_in(Client(), officer)
    response = _submit(client, {**EMERGENCY, "danger": "", "callback_number": ""})
    page = response.content.decode()
    assert response.status_code == 400
    assert "danger of death or serious physical injury" in page and "call you back" in page


def test_no_emergency_disclosure_before_a_call_back(officer, counsel):
    _submit(sign_in(Client(), officer), EMERGENCY)
    case = Case.objects.get()
    assert case.engine_action == "produce"
    services.move(case, counsel, State.IN_REVIEW)
    services.decide(case, counsel, "produce", ["subscriber"], "the subscriber record only")
    with pytest.raises(Refused, match="No emergency disclosure before a call-back"):
        services.move(case, counsel, State.APPROVED)
    with pytest.raises(Refused, match="the number the request gave"):
        services.record_callback(case, counsel, "206-555-0141", "the request")
    services.record_callback(
        case,
        counsel,
        "(206) 296-4155",
        "King County Sheriff's published switchboard",
        "Sgt. on duty confirmed the request and the officer",
    )
    assert services.move(case, counsel, State.APPROVED).state == State.APPROVED


def test_the_call_back_is_recorded_from_the_case_page(officer, reviewer):
    _submit(sign_in(Client(), officer), EMERGENCY)
    case = Case.objects.get()
    staff = sign_in(Client(), reviewer)
    assert "No call-back yet" in staff.get(f"/cases/{case.reference}/").content.decode()
    staff.post(
        f"/cases/{case.reference}/callback/",
        {"number": "(206) 296-4155", "source": "agency website"},
    )
    assert case.callbacks.count() == 1


WARRANT = {
    "instrument": "search_warrant",
    "authority": "18 U.S.C. § 2703(a)",
    "selectors": "username: harbor.lights",
    "date_start": "2026-03-01",
    "date_end": "2026-09-30",
    "signed": "on",
    "records": "Content: the contents of direct messages sent or received\n\n"
    "basic subscriber information: the name and address of the account holder",
}


def test_the_records_listed_are_the_demands_items_and_their_kinds_what_it_asks(officer):
    client = sign_in(Client(), officer)
    response = _submit(client, WARRANT)  # no data chosen: the records say what is asked
    request = Case.objects.get().demand.request
    assert response.status_code == 302
    assert request["items"] == [
        {"text": "the contents of direct messages sent or received", "category": "content"},
        {"text": "the name and address of the account holder", "category": "subscriber"},
    ]
    assert request["categories"] == ["subscriber", "content"]


def test_the_form_names_each_kind_of_data_in_plain_words(officer):
    page = sign_in(Client(), officer).get("/portal/submit/").content.decode()
    assert (
        "The kinds of data: basic subscriber information, account records, content, location "
        "history, real-time monitoring, interception." in page
    )


def test_a_record_of_a_kind_we_do_not_know_is_refused_naming_it(officer):
    client = sign_in(Client(), officer)
    records = "content: direct messages\nmessages: the chats of the account"
    response = _submit(client, {**WARRANT, "records": records})
    page = response.content.decode()
    assert response.status_code == 400 and not Case.objects.exists()
    assert "Line 2: &#x27;messages&#x27; is not a kind of data we know" in page
    assert "basic subscriber information" in page and "the chats of the account" in page


def test_a_line_without_its_kind_is_refused(officer):
    response = _submit(sign_in(Client(), officer), {**WARRANT, "records": "direct messages"})
    assert response.status_code == 400
    assert "Line 1 should read" in response.content.decode()


def test_data_chosen_and_records_listed_must_agree(officer):
    client = sign_in(Client(), officer)
    outside = _submit(client, {**WARRANT, "categories": ["content", "location"]})
    page = outside.content.decode()
    assert outside.status_code == 400
    assert "Line 3 asks for basic subscriber information, which is not among the data" in page
    unlisted = _submit(
        client,
        {**WARRANT, "records": "content: direct messages", "categories": ["content", "location"]},
    )
    assert "You chose location history, but no record you list asks for it" in (
        unlisted.content.decode()
    )
    assert not Case.objects.exists()
    agreed = _submit(client, {**WARRANT, "categories": ["content", "subscriber"]})
    assert agreed.status_code == 302
    assert Case.objects.get().demand.request["categories"] == ["subscriber", "content"]


def test_without_records_the_data_chosen_is_what_is_asked(officer):
    _submit(sign_in(Client(), officer), SUBPOENA)
    request = Case.objects.get().demand.request
    assert request["categories"] == ["subscriber", "content"] and request["items"] == []


@pytest.mark.parametrize(
    ("bad", "field", "says"),
    [
        ({"issued_on": "2026-02-30"}, "issued_on", "issued_on: "),
        ({"date_start": "last spring"}, "date_start", "date_range.start: "),
        ({"instrument": "royal_warrant"}, "instrument", "Choose the kind of process"),
    ],
)
def test_a_bad_value_is_shown_beside_its_field_and_opens_no_case(officer, bad, field, says):
    client = sign_in(Client(), officer)
    events = Event.objects.count()
    response = _submit(client, {**SUBPOENA, **bad})
    page = response.content.decode()
    assert response.status_code == 400
    after = page.split(f'name="{field}"', 1)[1].split("<label", 1)[0]
    assert f'<p class="error">{says}' in after
    assert not Case.objects.exists() and Event.objects.count() == events
