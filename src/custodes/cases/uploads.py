"""Checking an uploaded demand document: its size, and its type by content, not by name."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from custodes.intake import UnreadableInput
from custodes.intake.document import decode_text
from custodes.intake.mail import email_text
from custodes.intake.pdf import pdf_text

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
    kind: str  # pdf | email | text
    content_type: str
    text: str


class UploadRejected(ValueError):
    """The message says what is wrong with the file and what to send instead."""

    def __init__(self, message: str, code: str = "unreadable_document"):
        super().__init__(message)
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


def check_upload(data: bytes, name: str) -> Checked:
    limit = settings.MAX_UPLOAD_BYTES
    if not data:
        raise UploadRejected(f"{name} is empty. Send the demand as a PDF, text or e-mail file.")
    if len(data) > limit:
        raise _too_large(name, len(data))
    try:
        if data.lstrip()[:5] == b"%PDF-":
            return Checked("pdf", "application/pdf", pdf_text(data, name))
        if data.lstrip()[:40].lower().startswith(_EMAIL_HEADERS):
            return Checked("email", "message/rfc822", email_text(data, name))
        return Checked("text", "text/plain", decode_text(data, name))
    except UnreadableInput as error:
        raise UploadRejected(str(error)) from None
