"""A scan uploaded: read by OCR, its pages shown on the case page as pictures drawn on the
server with the fields' lines boxed and OCR's unsure words marked, each picture served only
to those who may see the case; a bad image refused as other bad files are."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from custodes.cases import services
from custodes.cases.models import Case
from tests.conftest import sign_in
from tests.intake import scans
from tests.intake.test_documents import DEMAND
from tests.portal.test_demands import SUBPOENA

pytestmark = [pytest.mark.django_db, pytest.mark.slow, scans.needs_ocr]


def _fax(points: float = 11, dpi=scans.FAX_FINE) -> bytes:
    return scans.tiff([scans.faxed(p, dpi) for p in scans.pages_of(DEMAND, points)], dpi)


def _upload(client, name: str, data: bytes):
    return client.post("/upload/", {"document": SimpleUploadedFile(name, data)}, follow=True)


@pytest.fixture
def scanned_case(reviewer):
    """A fax uploaded by a reviewer and assigned to her."""
    _upload(sign_in(Client(), reviewer), "fax.tif", _fax())
    case = Case.objects.get()
    services.assign(case, reviewer, reviewer)
    return case


def test_an_uploaded_fax_is_read_by_ocr_and_its_pages_shown_with_the_fields_boxed(reviewer):
    client = sign_in(Client(), reviewer)
    response = _upload(client, "fax.tif", _fax())
    case = Case.objects.get()
    document = case.demand.documents.get()
    assert document.content_type == "image/tiff" and document.layout["ocr"]["mean"] > 80
    assert {(t.kind, t.value) for t in case.targets.all()} == {
        ("username", "harbor.lights"),
        ("email", "harbor.lights@example.com"),
    }
    page = response.content.decode()
    assert "The document was read with a caveat: read by OCR (tesseract" in page
    assert 'id="ocr-note"' in page and "mean confidence of" in page
    assert f"/cases/{case.reference}/documents/{document.pk}/pages/1.png" in page
    assert 'class="hl f-selectors-0"' in page and 'class="hl f-instrument"' in page
    assert "read by OCR, " in page  # the page's own confidence under its picture


def test_a_text_pdfs_pages_are_shown_with_the_fields_boxed_from_its_text_layer(reviewer, tmp_path):
    from tests.intake.pdfs import write_pdf

    client = sign_in(Client(), reviewer)
    page = _upload(client, "s.pdf", write_pdf(DEMAND, tmp_path / "s.pdf").read_bytes())
    page = page.content.decode()
    assert 'class="hl f-selectors-0"' in page and 'id="ocr-note"' not in page
    assert "read by OCR" not in page


@pytest.mark.parametrize(
    ("persona", "status"),
    [("assignee", 200), ("colleague", 200), ("outsider", 403), ("requester", 403)],
)
def test_a_page_picture_is_served_only_to_those_who_work_cases(
    persona, status, scanned_case, reviewer, counsel, outsider, officer
):
    person = {"assignee": reviewer, "colleague": counsel, "outsider": outsider}.get(persona)
    client = sign_in(Client(), person or officer)
    document = scanned_case.demand.documents.get()
    response = client.get(f"/cases/{scanned_case.reference}/documents/{document.pk}/pages/1.png")
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "image/png"
        drawn = Image.open(io.BytesIO(response.content))
        assert drawn.width == 1100 and abs(drawn.height / drawn.width - 11 / 8.5) < 0.02
    else:
        assert response.content[:8] != b"\x89PNG\r\n\x1a\n"


def test_anonymous_is_sent_to_sign_in_for_a_page_picture(scanned_case):
    document = scanned_case.demand.documents.get()
    url = f"/cases/{scanned_case.reference}/documents/{document.pk}/pages/1.png"
    response = Client().get(url)
    assert response.status_code == 302 and response.url.startswith("/login/")


def test_no_page_beyond_the_documents_and_none_of_another_case(scanned_case, reviewer, case):
    client = sign_in(Client(), reviewer)
    document = scanned_case.demand.documents.get()
    assert (
        client.get(
            f"/cases/{scanned_case.reference}/documents/{document.pk}/pages/2.png"
        ).status_code
        == 404
    )
    assert (
        client.get(f"/cases/{case.reference}/documents/{document.pk}/pages/1.png").status_code
        == 404
    )


def test_low_confidence_words_are_marked_on_the_case_page(reviewer):
    client = sign_in(Client(), reviewer)
    page = _upload(client, "fax.tif", _fax(points=7, dpi=scans.FAX_STANDARD)).content.decode()
    document = Case.objects.get().demand.documents.get()
    assert document.layout["low"], "a small font on a standard fax leaves unsure words"
    assert '<mark class="low-ocr" title="read by OCR with' in page
    assert 'class="low-box"' in page
    # and a field read from a line holding such a word says so beside its link
    assert "read by OCR with little confidence: check it on the page" in page


def test_a_bad_image_is_refused_with_a_reason_and_no_case_opened(reviewer):
    client = sign_in(Client(), reviewer)
    out = io.BytesIO()
    Image.new("1", (120, 80), 1).save(out, "PNG")
    response = client.post("/upload/", {"document": SimpleUploadedFile("scan.png", out.getvalue())})
    assert response.status_code == 400
    assert "too small to hold a readable page" in response.content.decode()
    assert not Case.objects.exists()


def test_a_bad_image_sent_with_a_portal_demand_keeps_the_demand_and_says_why(officer):
    client = sign_in(Client(), officer)
    broken = SimpleUploadedFile("fax.tif", _fax()[:400])
    response = client.post("/portal/submit/", {**SUBPOENA, "document": broken}, follow=True)
    assert Case.objects.count() == 1 and not Case.objects.get().demand.documents.exists()
    page = response.content.decode()
    assert "Your demand is kept, but its document was refused" in page
    assert "the image is broken" in page
