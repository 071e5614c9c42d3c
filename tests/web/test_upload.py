"""Uploading a demand: read, extracted and reviewed at once; bad files refused with a reason."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from custodes.cases.models import Case
from tests.conftest import sign_in
from tests.intake.pdfs import write_pdf

pytestmark = pytest.mark.django_db

SUBPOENA = """U.S. Department of Homeland Security
SUBPOENA (8 U.S.C. § 1225(d))
To: Parley Social, Inc., Custodian of Records
Records requested for the period January 1, 2026 through November 1, 2026:
  1. Subscriber names, e-mail addresses and telephone numbers for the account @eastside.watch
Background: the account posts where immigration agents are and urges neighbours to film them.
Issued by: /s/ A. Official                 Date: November 20, 2026
Contact: officer@ice.dhs.gov
"""


def _upload(client, name, data):
    return client.post("/upload/", {"document": SimpleUploadedFile(name, data)})


def test_a_text_demand_becomes_a_reviewed_case(reviewer):
    client = sign_in(Client(), reviewer)
    response = _upload(client, "subpoena.txt", SUBPOENA.encode())
    case = Case.objects.get()
    assert response.url == f"/cases/{case.reference}/"
    page = client.get(response.url).content.decode()
    assert "ANONYMOUS_SPEECH_RISK" in page and "McIntyre" in page
    assert case.engine_action == "escalate"
    assert case.demand.documents.get().sha256


def test_a_pdf_is_recognised_by_content_not_name(reviewer, tmp_path):
    data = write_pdf(SUBPOENA, tmp_path / "s.pdf").read_bytes()
    client = sign_in(Client(), reviewer)
    _upload(client, "subpoena.txt", data)  # a PDF under a .txt name
    assert Case.objects.get().demand.documents.get().content_type == "application/pdf"


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"\x00\x01\x02\x03", "binary"),
        ("broken.pdf", b"%PDF-1.7\n1 0 obj <<", "PDF"),
    ],
)
def test_a_bad_file_is_refused_with_what_to_send(reviewer, name, data, says):
    client = sign_in(Client(), reviewer)
    response = _upload(client, name, data)
    assert response.status_code == 400
    assert says in response.content.decode()
    assert not Case.objects.exists()
