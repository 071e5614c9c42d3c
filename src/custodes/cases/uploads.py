"""Checking an uploaded demand document: its size, and its type by content, not by name.

Reading runs before any transaction opens (a PDF is read in a child process that may take
seconds): the database is never locked while a document is read.
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass, field

from django.conf import settings

from custodes.intake import UnreadableInput, images
from custodes.intake.document import decode_text
from custodes.intake.mail import read_email
from custodes.intake.pdf import read_image, read_pdf
from custodes.law.refusal import Refused

logger = logging.getLogger(__name__)

_EMAIL_HEADERS = (
    b"from:",
    b"received:",
    b"return-path:",
    b"mime-version:",
    b"message-id:",
    b"date:",
)


@dataclass(frozen=True)
class Checked:
    kind: str  # pdf | image | email | text
    content_type: str
    text: str
    notes: tuple[str, ...] = ()  # what was read with a caveat (an unknown charset, OCR)
    # where each line stands on the pages of a PDF or image, and what OCR was unsure of
    # (`intake.pdf.Reading.layout`); empty for the rest
    layout: dict = field(default_factory=dict)


UNREAD = "application/octet-stream"  # a document kept as it is: its type not judged


def kept_unread(note: str = "") -> Checked:
    """What is recorded of a document kept as it is, with its hash, and not read (a scan the
    reader cannot read, a document staff typed the demand in from)."""
    return Checked("unread", UNREAD, "", (note,) if note else ())


class UploadRejected(Refused):
    """A document refused; the message says what is wrong with the file and what to send
    instead, and `code` says which kind of wrong, for the API and the audit log."""

    def __init__(self, message: str, code: str = "unreadable_document"):
        super().__init__(message, field="document")
        self.code = code


def _too_large(name: str, size: int) -> UploadRejected:
    limit = settings.MAX_UPLOAD_BYTES
    return UploadRejected(
        f"{name} is {size / 1024 / 1024:.1f} MB, over the {limit // 1024 // 1024} MB limit. "
        "Send the demand itself without bulky attachments.",
        code="too_large",
    )


def read_uploaded(uploaded) -> bytes:
    """An uploaded file's bytes, refusing one over the limit before reading it into memory."""
    if uploaded.size > settings.MAX_UPLOAD_BYTES:
        raise _too_large(uploaded.name or "The file", uploaded.size)
    return uploaded.read()


def read_upload(uploaded) -> tuple[bytes, Checked]:
    """An uploaded file's bytes and what was read from them; raises UploadRejected."""
    data = read_uploaded(uploaded)
    return data, check_upload(data, uploaded.name or "The file")


def check_upload(data: bytes, name: str) -> Checked:
    limit = settings.MAX_UPLOAD_BYTES
    if not data:
        raise UploadRejected(f"{name} is empty. Send the demand as a PDF, text or e-mail file.")
    if len(data) > limit:
        raise _too_large(name, len(data))
    try:
        checked = _read(data, name)
    except UnreadableInput as error:
        raise UploadRejected(str(error)) from None
    except Exception as error:  # a reader's bug on hostile input is still a refusal, not a 500
        where = traceback.extract_tb(error.__traceback__)[-1]
        # The type and place only: a message could quote the document, which is confidential.
        logger.warning(
            "reading an upload failed: %s at %s:%s", type(error).__name__, where[0], where[1]
        )
        raise UploadRejected(
            f"{name} could not be read ({type(error).__name__}). Send it again as a PDF or "
            "text file, or as the original .eml message."
        ) from None
    _refuse_long_text(checked.text, name)
    return checked


def _refuse_long_text(text: str, name: str) -> None:
    limit = settings.CUSTODES_MAX_TEXT_MB
    megabytes = len(text.encode("utf-8", "surrogatepass")) / 1024 / 1024
    if megabytes > limit:
        raise UploadRejected(
            f"{name} holds {megabytes:.1f} MB of text, over the {limit} MB a demand may hold. "
            "Send the demand itself (its letter, order or schedule) without the records or "
            "messages attached to it.",
            code="too_large",
        )


def _read(data: bytes, name: str) -> Checked:
    if data.lstrip()[:5] == b"%PDF-":
        reading = read_pdf(data, name)
        return Checked("pdf", "application/pdf", reading.text, reading.notes, reading.layout)
    kind = images.kind_of(data)
    if kind is not None:  # a scan or a fax, read by OCR
        reading = read_image(data, name)
        content_type = images.CONTENT_TYPES[kind]
        return Checked("image", content_type, reading.text, reading.notes, reading.layout)
    if data.lstrip()[:40].lower().startswith(_EMAIL_HEADERS):
        mail = read_email(data, name)
        return Checked("email", "message/rfc822", mail.text, mail.notes)
    return Checked("text", "text/plain", decode_text(data, name))
