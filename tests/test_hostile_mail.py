"""Hostile e-mail demands through every door: the staff upload, the portal, the API and
`custodes review`. Never a 500 and never a traceback: the demand is read (an unknown charset
noted) or refused with what to send instead, and a demand that exists keeps its refusal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import HealthCheck, given, settings

from custodes.cases.models import Case
from custodes.cases.refusals import refused_documents
from custodes.cli import app
from custodes.requesters import tokens
from tests.conftest import sign_in
from tests.hostile_mail import hostile_emails, nested
from tests.portal.test_demands import SUBPOENA

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
WHAT_TO_SEND = ("send", "Send")
UNKNOWN_CHARSET = (
    b"From: dana.reyes@fbi.gov\r\nSubject: Subpoena\r\n"
    b'Content-Type: text/plain; charset="x-unknown-zz"\r\n\r\n'
    b"SUBPOENA TO TESTIFY BEFORE A GRAND JURY\r\nusername: @someone caf\xe9\r\n"
)
DEEP = {
    "message/rfc822 2,000 deep": b"From: dana.reyes@fbi.gov\r\n" + nested(2000, "rfc822"),
    "multipart 1,000 deep": b"From: dana.reyes@fbi.gov\r\n" + nested(1000, "multipart"),
}


def _eml(data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("demand.eml", data)


@pytest.mark.slow  # hypothesis's hostile e-mails through the whole stack
@FUZZ
@given(data=hostile_emails())
def test_the_staff_upload_reads_or_refuses_any_email(reviewer, data):
    before = Case.objects.count()
    response = sign_in(Client(), reviewer).post("/upload/", {"document": _eml(data)})
    if response.status_code == 302:
        case = Case.objects.get(reference=response.url.split("/")[2])
        assert case.demand.documents.get().content_type == "message/rfc822"
    else:
        assert response.status_code == 400
        assert any(word in response.content.decode() for word in WHAT_TO_SEND)
        assert Case.objects.count() == before  # nothing half-opened


@pytest.mark.slow  # hypothesis's hostile e-mails through the whole stack
@FUZZ
@given(data=hostile_emails())
def test_the_portal_keeps_each_demand_with_its_document_or_its_refusal(officer, data):
    client = sign_in(Client(), officer)
    response = client.post("/portal/submit/", {**SUBPOENA, "document": _eml(data)})
    assert response.status_code == 302
    case = Case.objects.get(reference=response.url.split("/")[3])
    refused = refused_documents(case)
    assert case.demand.documents.count() + len(refused) == 1
    page = client.get(response.url).content.decode()
    if refused:
        assert "Not read: demand.eml" in page and "Send it again below" in page
        assert any(word in refused[0]["reason"] for word in WHAT_TO_SEND)


@pytest.fixture
def api(officer):
    client = Client(HTTP_AUTHORIZATION=f"Bearer {tokens.issue(officer)}")
    demand = {
        "instrument": "grand_jury_subpoena",
        "selectors": [{"kind": "username", "value": "harbor.lights"}],
        "categories": ["subscriber"],
        "signed": True,
    }
    reference = client.post("/api/v1/demands", demand, content_type="application/json").json()[
        "reference"
    ]
    return client, reference


@pytest.mark.slow  # hypothesis's hostile e-mails through the whole stack
@FUZZ
@given(data=hostile_emails())
def test_the_api_attaches_or_refuses_in_its_error_shape_and_the_demand_says_so(api, data):
    client, reference = api
    before = client.get(f"/api/v1/demands/{reference}").json()
    response = client.post(f"/api/v1/demands/{reference}/documents", {"document": _eml(data)})
    after = client.get(f"/api/v1/demands/{reference}").json()
    if response.status_code == 201:
        assert len(after["documents"]) == len(before["documents"]) + 1
    else:
        assert response.status_code == 400
        error = response.json()["error"]
        assert error["field"] == "document"
        assert any(word in error["message"] for word in WHAT_TO_SEND)
        assert after["refused_documents"][-1]["reason"] == error["message"]
        assert len(after["refused_documents"]) == len(before["refused_documents"]) + 1


runner = CliRunner()


def _review(path):
    return runner.invoke(app, ["review", str(path), "--received-on", "2026-11-23"])


@pytest.mark.slow  # hypothesis's hostile e-mails through the whole stack
@FUZZ
@given(data=hostile_emails())
def test_custodes_review_answers_any_email_in_one_line_or_a_review(tmp_path, data):
    path = tmp_path / "demand.eml"
    path.write_bytes(data)
    result = _review(path)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    if result.exit_code != 0:
        assert result.exit_code == 2
        assert result.stderr.startswith("custodes: ") and result.stderr.count("\n") == 1


@pytest.mark.parametrize("what", DEEP)
def test_deep_nesting_is_refused_with_what_to_send_everywhere(reviewer, officer, tmp_path, what):
    data = DEEP[what]
    staff = sign_in(Client(), reviewer).post("/upload/", {"document": _eml(data)})
    assert staff.status_code == 400 and "nested over 20 deep" in staff.content.decode()

    portal = sign_in(Client(), officer)
    kept = portal.post("/portal/submit/", {**SUBPOENA, "document": _eml(data)}, follow=True)
    assert "nested over 20 deep" in kept.content.decode()
    case = Case.objects.get(demand__submitted_by=officer)
    assert "send the demand itself" in refused_documents(case)[0]["reason"]

    path = tmp_path / "deep.eml"
    path.write_bytes(data)
    result = _review(path)
    assert result.exit_code == 2 and "nested over 20 deep" in result.stderr


def test_an_unknown_charset_is_read_and_the_fallback_noted(reviewer, officer, tmp_path):
    staff = sign_in(Client(), reviewer).post(
        "/upload/", {"document": _eml(UNKNOWN_CHARSET)}, follow=True
    )
    assert "x-unknown-zz" in staff.content.decode()
    case = Case.objects.get()
    assert "café" in case.demand.documents.get().text  # read as Windows-1252

    api, reference = Client(HTTP_AUTHORIZATION=f"Bearer {tokens.issue(officer)}"), case.reference
    reference = api.post(
        "/api/v1/demands",
        {
            "instrument": "grand_jury_subpoena",
            "selectors": [{"kind": "username", "value": "someone"}],
            "categories": ["subscriber"],
        },
        content_type="application/json",
    ).json()["reference"]
    attached = api.post(
        f"/api/v1/demands/{reference}/documents", {"document": _eml(UNKNOWN_CHARSET)}
    )
    assert attached.status_code == 201 and "x-unknown-zz" in attached.json()["notes"][0]

    path = tmp_path / "charset.eml"
    path.write_bytes(UNKNOWN_CHARSET)
    reviewed = _review(path)
    assert reviewed.exit_code == 0 and "custodes: note: part 1 declares" in reviewed.stderr


@pytest.mark.slow  # a child process
@pytest.mark.parametrize("what", DEEP)
def test_the_real_command_ends_a_deep_email_in_one_line_and_exit_code_2(tmp_path, what):
    path = tmp_path / "deep.eml"
    path.write_bytes(DEEP[what])
    command = Path(sys.executable).with_name("custodes")
    done = subprocess.run([str(command), "review", str(path)], capture_output=True, check=False)
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    assert done.stderr.decode().startswith("custodes: ") and done.stderr.count(b"\n") == 1
