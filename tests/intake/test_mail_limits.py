"""The e-mail reader's limits: its PDF attachments share one time budget, so an e-mail of many
slow PDFs is refused with what to send rather than outliving the web worker."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from custodes.intake import UnreadableInput, mail
from tests.intake.pdfs import write_pdf

SIGNED = "SUBPOENA TO TESTIFY BEFORE A GRAND JURY\nTo: Parley Social, Inc.\nusername: @someone"


class Clock:
    """A monotonic clock on which each reading of it is `step` seconds after the last."""

    def __init__(self, step: float) -> None:
        self.now, self.step = 0.0, step

    def monotonic(self) -> float:
        self.now += self.step
        return self.now


def _with_pdfs(tmp_path, count: int) -> bytes:
    message = EmailMessage()
    message["From"], message["Subject"] = "dana.reyes@fbi.gov", "Subpoena and exhibits"
    message.set_content("The subpoena and its exhibits are attached.")
    data = write_pdf(SIGNED, tmp_path / "exhibit.pdf").read_bytes()
    for number in range(count):
        message.add_attachment(
            data, maintype="application", subtype="pdf", filename=f"exhibit-{number}.pdf"
        )
    return message.as_bytes()


def test_the_pdfs_are_read_while_the_budget_lasts(tmp_path):
    text = mail.email_text(_with_pdfs(tmp_path, 2), "demand.eml")
    assert text.count("SUBPOENA TO TESTIFY") == 2


def test_pdfs_past_the_shared_budget_are_refused_with_what_to_send(tmp_path, monkeypatch):
    step = mail.PDF_BUDGET_SECONDS * 0.75  # the first PDF is read; the second is past budget
    monkeypatch.setattr(mail, "time", Clock(step))
    with pytest.raises(UnreadableInput, match=r"PDF attachments took over .* send the demand"):
        mail.email_text(_with_pdfs(tmp_path, 2), "demand.eml")
