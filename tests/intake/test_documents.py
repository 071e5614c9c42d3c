"""Reading demands: text, PDF (in a limited child process) and e-mail, and clear refusals."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from custodes.intake import UnreadableInput, pdf, read_document
from custodes.law import ReviewConfig
from custodes.reviewing import review_file
from tests.helpers import CASES, RECEIVED_ON
from tests.intake.pdfs import write_pdf

DEMAND = """UNITED STATES DISTRICT COURT
SUBPOENA TO TESTIFY BEFORE A GRAND JURY

To:  Parley Social, Inc.
     Attn: Custodian of Records

The grand jury is investigating bank fraud (18 U.S.C. § 1344).

ACCOUNTS
     Username: @harbor.lights
     Registered e-mail: Harbor.Lights@example.com

RECORDS TO BE PRODUCED
For the period March 1, 2026 through September 30, 2026: the subscriber's name, address,
telephone numbers, length of service and means and source of payment.

Date: November 16, 2026                         /s/ Deputy Clerk
AUSA Jane Roe, jane.roe@usdoj.gov, (212) 555-0199
"""


def _config():
    return ReviewConfig(received_on=RECEIVED_ON, providers=("Parley Social, Inc.",))


def test_the_same_demand_as_text_and_as_pdf_gives_the_same_review(tmp_path):
    text_file = tmp_path / "demand.txt"
    text_file.write_text(DEMAND)
    pdf_file = write_pdf(DEMAND, tmp_path / "demand.pdf")
    assert review_file(text_file, _config()).to_dict() == review_file(pdf_file, _config()).to_dict()


@pytest.mark.skipif(not CASES.is_dir(), reason=f"{CASES} is absent")
@pytest.mark.parametrize("name", ["03-2703d-order-ip-logs-ndo", "12-ice-1225d-officer-safety"])
def test_a_sample_case_as_pdf_gives_the_same_review(tmp_path, name):
    source = CASES / f"{name}.txt"
    pdf_file = write_pdf(source.read_text(), tmp_path / f"{name}.pdf")
    assert review_file(source, _config()).to_dict() == review_file(pdf_file, _config()).to_dict()


def test_an_email_with_the_demand_attached_as_pdf_is_read_whole(tmp_path):
    message = EmailMessage()
    message["From"] = "AUSA Jane Roe <jane.roe@usdoj.gov>"
    message["To"] = "lers@parley.social"
    message["Date"] = "Mon, 16 Nov 2026 09:00:00 -0500"
    message["Subject"] = "Grand jury subpoena"
    message.set_content("Please see the attached subpoena.")
    attachment = write_pdf(DEMAND, tmp_path / "subpoena.pdf").read_bytes()
    message.add_attachment(attachment, maintype="application", subtype="pdf", filename="s.pdf")
    eml = tmp_path / "demand.eml"
    eml.write_bytes(bytes(message))

    result = review_file(eml, _config())
    assert result.request.instrument == "grand_jury_subpoena"
    assert result.request.requester.email == "jane.roe@usdoj.gov"
    assert {(s.kind, s.value) for s in result.request.selectors} == {
        ("username", "harbor.lights"),
        ("email", "harbor.lights@example.com"),
    }
    assert result.decision.action == "produce"


def _refusal(path) -> str:
    with pytest.raises(UnreadableInput) as error:
        read_document(path)
    return str(error.value)


def test_an_empty_file_is_refused(tmp_path):
    (tmp_path / "d.txt").write_bytes(b"")
    assert "empty" in _refusal(tmp_path / "d.txt")


def test_a_binary_file_is_refused(tmp_path):
    (tmp_path / "d.txt").write_bytes(b"\x00\x01\x02binary\x00")
    assert "binary" in _refusal(tmp_path / "d.txt")


def test_a_file_that_is_not_a_pdf_is_refused(tmp_path):
    (tmp_path / "d.pdf").write_bytes(b"hello, this is text")
    assert "not a PDF" in _refusal(tmp_path / "d.pdf")


def test_a_broken_pdf_is_refused(tmp_path):
    good = write_pdf(DEMAND, tmp_path / "good.pdf").read_bytes()
    (tmp_path / "d.pdf").write_bytes(good[: len(good) // 3])
    message = _refusal(tmp_path / "d.pdf")
    assert "PDF" in message and "send" in message


def test_an_encrypted_pdf_is_refused(tmp_path):
    write_pdf(DEMAND, tmp_path / "d.pdf", password="secret")
    assert "encrypted" in _refusal(tmp_path / "d.pdf")


def test_a_pdf_without_text_is_refused(tmp_path):
    write_pdf("", tmp_path / "d.pdf")
    assert "no text" in _refusal(tmp_path / "d.pdf")


def test_a_file_over_50_mb_is_refused(tmp_path):
    big = tmp_path / "d.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024 + 1)
    assert "50 MB" in _refusal(big)


def test_an_unknown_format_is_refused(tmp_path):
    (tmp_path / "d.docx").write_bytes(b"PK\x03\x04")
    assert ".txt, .pdf or .eml" in _refusal(tmp_path / "d.docx")


def test_a_pdf_that_takes_too_long_is_stopped(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "TIME_LIMIT_SECONDS", 0.01)
    write_pdf(DEMAND, tmp_path / "d.pdf")
    assert "was stopped" in _refusal(tmp_path / "d.pdf")


def test_a_pdf_that_needs_too_much_memory_is_stopped(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "MEMORY_LIMIT_BYTES", 16 * 1024 * 1024)
    write_pdf(DEMAND, tmp_path / "d.pdf")
    assert "could not be read" in _refusal(tmp_path / "d.pdf")
