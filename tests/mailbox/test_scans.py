"""A demand faxed to the legal-process mailbox as a TIFF: read by OCR, the case opened from it."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from custodes.mailbox.services import take
from tests.intake import scans
from tests.mailbox.conftest import SUBPOENA, mailbox_at

pytestmark = [pytest.mark.django_db, pytest.mark.slow, scans.needs_ocr]


def test_a_faxed_demand_attached_as_a_tiff_opens_its_case_from_the_scan():
    pages = [scans.faxed(p) for p in scans.pages_of(SUBPOENA)]  # a fine-mode fax
    message = EmailMessage()
    message["From"] = "SA Dana Reyes <agent@fbi.gov>"
    message["Subject"] = "Fax from the FBI"
    message["Message-ID"] = "<fax@fbi.gov>"
    message.set_content("The attached fax was sent to your legal-process line.")
    fax = scans.tiff(pages)
    message.add_attachment(fax, maintype="image", subtype="tiff", filename="fax-0001.tif")
    case = take(message.as_bytes(), mailbox_at(1)).case
    assert case.instrument == "grand_jury_subpoena"
    assert [t.value for t in case.targets.all()] == ["harbor.lights"]
    first = case.demand.documents.order_by("pk").first()
    assert first.original_name == "fax-0001.tif" and first.content_type == "image/tiff"
    assert first.layout["ocr"]["mean"] > 80
