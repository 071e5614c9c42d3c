"""A slow document holds no lock: while one requester's PDF is still being read, other
requesters submit through the portal and the API, and every demand is stored with its
document."""

from __future__ import annotations

import threading
from email.message import EmailMessage

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client

from custodes.cases.models import Case
from custodes.intake import pdf
from custodes.requesters import tokens
from tests.conftest import approved_requester_user, sign_in
from tests.intake.pdfs import write_pdf
from tests.portal.test_demands import SUBPOENA

pytestmark = pytest.mark.django_db(transaction=True)

BOUND = 60  # seconds; the reading is held by the test, not by a clock

SIGNED = "SUBPOENA TO TESTIFY BEFORE A GRAND JURY\nTo: Parley Social, Inc.\nusername: harbor.lights"


@pytest.fixture
def held_reading(monkeypatch):
    """PDFs are read by the real child process, but only once the test lets them go on."""
    reading, go_on = threading.Event(), threading.Event()
    real = pdf._run_child

    def slow(*args):
        reading.set()
        go_on.wait(BOUND)
        return real(*args)

    monkeypatch.setattr(pdf, "_run_child", slow)
    return reading, go_on


def _email_with_pdf(tmp_path) -> bytes:
    message = EmailMessage()
    message["From"], message["To"] = "dana.reyes@fbi.gov", "legal@parley.example"
    message["Subject"] = "Grand jury subpoena GJ-26-117"
    message.set_content("The signed subpoena is attached.")
    data = write_pdf(SIGNED, tmp_path / "subpoena.pdf").read_bytes()
    message.add_attachment(data, maintype="application", subtype="pdf", filename="subpoena.pdf")
    return message.as_bytes()


@pytest.mark.slow  # real threads, one held inside a document's reading
def test_others_submit_while_a_slow_document_is_read_and_every_demand_is_kept(
    held_reading, officer, other_officer, tmp_path
):
    reading, go_on = held_reading
    third = approved_requester_user("agent@dea.gov", "SA Lee Park")
    slow_one = sign_in(Client(), officer)
    answers = {}

    def submit_slowly():
        document = SimpleUploadedFile("subpoena.eml", _email_with_pdf(tmp_path))
        try:
            answers["slow"] = slow_one.post("/portal/submit/", {**SUBPOENA, "document": document})
        finally:
            connection.close()  # the thread's own; PostgreSQL cannot drop a database in use

    slow = threading.Thread(target=submit_slowly)
    slow.start()
    assert reading.wait(BOUND)  # Dana's PDF is being read now

    portal = sign_in(Client(), other_officer).post(
        "/portal/submit/", {**SUBPOENA, "case_number": "NYPD-88"}
    )
    api = Client(HTTP_AUTHORIZATION=f"Bearer {tokens.issue(third)}").post(
        "/api/v1/demands",
        {
            "instrument": "grand_jury_subpoena",
            "selectors": [{"kind": "username", "value": "harbor.lights"}],
            "categories": ["subscriber"],
            "signed": True,
        },
        content_type="application/json",
    )
    assert portal.status_code == 302 and api.status_code == 201, api.content
    assert Case.objects.count() == 2  # stored while Dana's document is still being read

    go_on.set()
    slow.join(BOUND)
    assert answers["slow"].status_code == 302
    assert Case.objects.count() == 3
    dana = Case.objects.get(demand__submitted_by=officer)
    document = dana.demand.documents.get()
    assert document.content_type == "message/rfc822" and "harbor.lights" in document.text
