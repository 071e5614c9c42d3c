"""A case typed in from a document custodes cannot read: a reviewer (or counsel) types the
demand into the portal's fields and attaches the document as it is; the engine reviews what
was typed. No one else may."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from custodes.audit.models import Event
from custodes.cases.models import Case
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

SCAN = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8  # a faxed page custodes cannot read


def _form(**overrides):
    form = {
        "requester_name": "SA Dana Reyes",
        "requester_email": "Agent@FBI.gov",
        "requester_phone": "+1 202 555 0100",
        "received_on": "2026-11-23",
        "instrument": "grand_jury_subpoena",
        "agency": "Federal Bureau of Investigation",
        "case_number": "GJ-2026-114",
        "issued_on": "2026-11-16",
        "return_by": "2027-01-12",
        "signed": "on",
        "selectors": "username: harbor.lights",
        "records": (
            "subscriber: names, e-mail addresses and telephone numbers\n"
            "content: the contents of direct messages sent or received"
        ),
        "date_start": "2026-01-01",
        "date_end": "2026-11-01",
        "purpose": "An investigation of wire fraud (18 U.S.C. § 1343).",
        "document": SimpleUploadedFile("fax.png", SCAN, content_type="image/png"),
    }
    form.update(overrides)
    return {k: v for k, v in form.items() if v is not None}


def test_a_reviewer_types_in_a_demand_and_the_engine_reviews_it(reviewer):
    client = sign_in(Client(), reviewer)
    assert "Type in a demand" in client.get("/typed/").content.decode()
    response = client.post("/typed/", _form())
    case = Case.objects.get()
    assert response.status_code == 302 and response.url == f"/cases/{case.reference}/"
    demand = case.demand
    assert demand.channel == "typed" and str(demand.received_on) == "2026-11-23"
    assert demand.case_number == "GJ-2026-114"
    assert demand.request["requester"]["email"] == "agent@fbi.gov"
    assert demand.request["categories"] == ["subscriber", "content"]
    # The engine reviewed what was typed: a grand jury subpoena does not reach content.
    engine = case.reviews.get().decision
    assert [w["category"] for w in engine["withheld"]] == ["content"]
    document = demand.documents.get()
    assert document.original_name == "fax.png" and document.text == ""
    assert document.sha256 == hashlib.sha256(SCAN).hexdigest()
    assert document.content_type == "application/octet-stream"  # kept, its type not judged
    event = Event.objects.get(action="custodes.case.received")
    assert event.actor == reviewer and event.data["channel"] == "typed"
    page = client.get(response.url).content.decode()
    assert "fax.png" in page and "a form staff typed in" in page


def test_counsel_may_type_one_in_too(counsel):
    response = sign_in(Client(), counsel).post("/typed/", _form())
    assert response.status_code == 302 and Case.objects.count() == 1


@pytest.mark.parametrize("persona", ["outsider", "admin"])
def test_no_one_else_may(persona, request):
    client = sign_in(Client(), request.getfixturevalue(persona))
    assert client.get("/typed/").status_code == 403
    assert client.post("/typed/", _form()).status_code == 403
    assert not Case.objects.exists()


def test_signed_out_it_asks_to_sign_in():
    response = Client().post("/typed/", _form())
    assert response.status_code == 302 and response.url.startswith("/login/")
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "says"),
    [
        ({"document": None}, "Attach the document"),
        ({"selectors": "passport: X123"}, "passport"),
        ({"instrument": ""}, "Choose the kind of process"),
        ({"requester_email": "agent at fbi"}, "not an e-mail address"),
        ({"received_on": "2999-01-01"}, "cannot be in the future"),
        ({"received_on": "2026-02-30"}, "&#x27;2026-02-30&#x27; is not a date"),
    ],
)
def test_a_form_that_needs_attention_keeps_what_was_typed(reviewer, overrides, says):
    response = sign_in(Client(), reviewer).post("/typed/", _form(**overrides))
    page = response.content.decode()
    assert response.status_code == 400 and says in page
    assert "GJ-2026-114" in page  # nothing typed is lost
    assert not Case.objects.exists()
