"""The mailbox's tests: a real Dovecot on loopback, and demands mailed to it."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import make_msgid

import pytest

from custodes.mailbox.config import Mailbox
from tests import imapserver
from tests.intake.pdfs import write_pdf

SUBPOENA = """UNITED STATES DISTRICT COURT FOR THE DISTRICT OF COLUMBIA
GRAND JURY SUBPOENA
To: Parley Social, Inc., Custodian of Records
YOU ARE COMMANDED to produce the following records to the grand jury on January 12, 2027:
  1. Subscriber names, e-mail addresses and telephone numbers for the account @harbor.lights
for the period January 1, 2026 through November 1, 2026.
The grand jury is investigating wire fraud (18 U.S.C. § 1343).
Issued by: /s/ A. Prosecutor, Assistant United States Attorney     Date: November 16, 2026
Contact: agent@fbi.gov
"""


@pytest.fixture
def imap():
    if not imapserver.available():
        pytest.skip("Debian's dovecot-imapd is not installed (make test installs it)")
    server = imapserver.start()
    yield server
    server.stop()


def mailbox_at(port: int, ca_file: str | None = None) -> Mailbox:
    return Mailbox(
        host="127.0.0.1",
        port=port,
        user=imapserver.USER,
        password=imapserver.PASSWORD,
        folder="INBOX",
        processed_folder="custodes-processed",
        set_aside_folder="custodes-set-aside",
        tls=True,
        ca_file=ca_file,
        timeout=10,
        authserv_id="mx.parley.example",
    )


@pytest.fixture
def mailbox(imap, settings):
    settings.CUSTODES_MAILBOX = mailbox_at(imap.port, str(imap.ca_file))
    return settings.CUSTODES_MAILBOX


def mail(
    *,
    sender: str = "SA Dana Reyes <agent@fbi.gov>",
    subject: str = "Grand jury subpoena for @harbor.lights",
    body: str = "Please find the grand jury subpoena attached.\n\nSA Dana Reyes, FBI\n",
    results: str | None = "mx.parley.example; dmarc=pass header.from=fbi.gov",
    attachment: bytes | None = None,
    headers: dict[str, str] | None = None,
    tmp_path=None,
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "legal-process@parley.example"
    message["Subject"] = subject
    message["Date"] = "Mon, 23 Nov 2026 09:00:00 -0500"
    message["Message-ID"] = make_msgid("demand", domain="fbi.gov")
    if results:
        message["Authentication-Results"] = results
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    if attachment is not None:
        message.add_attachment(
            attachment, maintype="application", subtype="pdf", filename="subpoena.pdf"
        )
    return message.as_bytes()


@pytest.fixture
def subpoena_pdf(tmp_path) -> bytes:
    return write_pdf(SUBPOENA, tmp_path / "subpoena.pdf").read_bytes()
