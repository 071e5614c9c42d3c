"""Text out of an e-mail: its headers, its body, and its readable attachments."""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage
from html import unescape

from custodes.intake import pdf
from custodes.intake.errors import UnreadableInput

HEADERS = ("From", "To", "Cc", "Date", "Subject")


def email_text(data: bytes, name: str) -> str:
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not message.keys():
        raise UnreadableInput(f"{name}: this is not an e-mail (no headers); send the .eml file")
    return _message_text(message, name)


def _message_text(message: EmailMessage, name: str) -> str:
    headers = [f"{h}: {message[h]}" for h in HEADERS if message[h]]
    parts = ["\n".join(headers), ""]
    for part in message.walk():
        if part.is_multipart():
            continue
        parts.append(_part_text(part, name))
    return "\n".join(p for p in parts if p is not None).replace("\x00", "")


def _part_text(part: EmailMessage, name: str) -> str | None:
    content_type = part.get_content_type()
    filename = part.get_filename() or ""
    if content_type == "message/rfc822":
        return _message_text(part.get_content(), name)
    if content_type == "application/pdf" or filename.lower().endswith(".pdf"):
        return pdf.pdf_text(part.get_payload(decode=True) or b"", f"{name}: {filename}")
    if content_type == "text/plain":
        return part.get_content()
    if content_type == "text/html":
        return _html_text(part.get_content())
    return _sniffed(part.get_payload(decode=True) or b"", f"{name}: {filename}")


def _sniffed(payload: bytes, name: str) -> str | None:
    """An attachment read by what it holds, whatever type it declares: a PDF, or text."""
    if payload.startswith(b"%PDF"):
        return pdf.pdf_text(payload, name)
    for encoding in ("utf-8", "cp1252"):
        try:
            text = payload.decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(c.isprintable() or c in "\n\r\t" for c in text[:4000])
        if text and printable >= 0.97 * min(len(text), 4000):
            return text
    return None


def _html_text(html: str) -> str:
    text = re.sub(r"(?is)<(script|style).*?</\1>", " ", html)
    text = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</tr>", "\n", text)
    return unescape(re.sub(r"<[^>]+>", " ", text))
