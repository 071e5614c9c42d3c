"""Text out of an e-mail: its headers, its body, and its readable attachments.

A hostile e-mail is an answer, never a crash: parts nested deeper than MAX_DEPTH (or so deep
that the parser itself gives up) are refused with what to send instead; a charset Python
cannot decode is read as UTF-8 or Windows-1252 and the fallback noted; anything else that
fails while reading is a refusal that names the part.
"""

from __future__ import annotations

import email
import email.policy
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from html import unescape

from custodes.intake import pdf
from custodes.intake.errors import UnreadableInput

HEADERS = ("From", "To", "Cc", "Date", "Subject")
MAX_DEPTH = 20  # forwarded mail inside forwarded mail: real chains stay far below this
MAX_PARTS = 1000
# The attachments' PDFs together, each in its own child process: the reading answers well
# within a web worker's life, however many slow PDFs an e-mail carries.
PDF_BUDGET_SECONDS = 3 * pdf.TIME_LIMIT_SECONDS


@dataclass(frozen=True)
class MailText:
    text: str
    notes: tuple[str, ...]  # what was read with a caveat, for the person who sent it


def email_text(data: bytes, name: str) -> str:
    return read_email(data, name).text


def read_email(data: bytes, name: str) -> MailText:
    """The whole e-mail as one text: its headers, its body and its attachments' text."""
    message = _parse(data, name)
    reader = _Reader(name)
    text = _guarded(reader, lambda: reader.message_text(message, 0))
    return MailText(text, tuple(reader.notes))


@dataclass(frozen=True)
class Attachment:
    name: str  # as the sender named it (or `part-N` for a part with no name)
    declared_type: str  # what the sender said it is: a claim, not a fact
    data: bytes


@dataclass(frozen=True)
class MailParts:
    message: EmailMessage
    body: str  # the headers and the message's own text, without its attachments
    attachments: tuple[Attachment, ...]
    notes: tuple[str, ...]


def split_email(data: bytes, name: str) -> MailParts:
    """The e-mail's own text apart from each of its attachments, undecoded, so that each can
    be kept and read as a document of its own."""
    message = _parse(data, name)
    reader = _Reader(name)
    body, attachments = _guarded(reader, lambda: reader.split(message))
    return MailParts(message, body, attachments, tuple(reader.notes))


def _parse(data: bytes, name: str) -> EmailMessage:
    if _boundary_depth(data) > MAX_DEPTH:
        raise _too_deep(name)
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except RecursionError:
        raise _too_deep(name) from None
    if not message.keys():
        raise UnreadableInput(f"{name}: this is not an e-mail (no headers); send the .eml file")
    return message


def _guarded(reader: _Reader, read):
    try:
        return read()
    except UnreadableInput:
        raise
    except RecursionError:
        raise _too_deep(reader.name) from None
    except Exception as error:  # a crafted e-mail can make the parser raise anything at all
        raise UnreadableInput(
            f"{reader.name}: part {reader.parts} of the e-mail could not be read "
            f"({type(error).__name__}); save the message again as .eml from your mail program, "
            "or send the demand as PDF or text"
        ) from None


_BOUNDARY = re.compile(r'(?i)boundary\s*=\s*(?:"([^"\r\n]*)"|([^\s;]+))')


def _boundary_depth(data: bytes) -> int:
    """How deep multipart boundaries nest, in one pass over the lines. Checked before parsing
    because the parser tests every line against every open boundary: a large e-mail nested
    deep would take minutes."""
    raw = data.decode("latin-1")  # byte for byte, as the boundaries are compared
    declared = len(_BOUNDARY.findall(raw))
    if declared <= MAX_DEPTH:
        return declared  # nested at most that deep
    opened: list[str] = []
    counts: dict[str, int] = {}
    deepest = 0
    for line in raw.splitlines():
        closing = line.rstrip()
        if closing.startswith("--") and closing.endswith("--") and counts.get(closing[2:-2]):
            while opened:  # a closing boundary closes what opened inside it too
                inner = opened.pop()
                counts[inner] -= 1
                if inner == closing[2:-2]:
                    break
        for quoted, bare in _BOUNDARY.findall(line):
            boundary = quoted or bare
            opened.append(boundary)
            counts[boundary] = counts.get(boundary, 0) + 1
            deepest = max(deepest, len(opened))
    return deepest


def _too_deep(name: str) -> UnreadableInput:
    return UnreadableInput(
        f"{name}: the e-mail's parts are nested over {MAX_DEPTH} deep (forwards inside "
        "forwards, or a crafted message); send the demand itself as PDF or text, or forward "
        "the original message alone"
    )


class _Reader:
    def __init__(self, name: str) -> None:
        self.name = name
        self.notes: list[str] = []
        self.parts = 0
        self.pdf_deadline = time.monotonic() + PDF_BUDGET_SECONDS

    def message_text(self, message: EmailMessage, depth: int) -> str:
        parts = [_headers(message), ""]
        for part, part_depth in self._leaves(message, depth):
            parts.append(self._part_text(part, part_depth))
        return _joined(parts)

    def split(self, message: EmailMessage) -> tuple[str, tuple[Attachment, ...]]:
        texts, attachments = [_headers(message), ""], []
        for part, depth in self._leaves(message, 0):
            if _is_attachment(part):
                name = part.get_filename() or f"part-{self.parts}"
                payload = part.get_payload(decode=True) or b""
                attachments.append(Attachment(name, part.get_content_type(), payload))
            else:
                texts.append(self._part_text(part, depth))
        return _joined(texts), tuple(attachments)

    def _leaves(self, message: EmailMessage, depth: int) -> Iterator[tuple[EmailMessage, int]]:
        """The parts that hold content, in the order `Message.walk` gives them, without
        recursion and refusing nesting beyond MAX_DEPTH or more than MAX_PARTS parts."""
        stack = [(message, depth)]
        while stack:
            part, level = stack.pop()
            self.parts += 1
            if level > MAX_DEPTH:
                raise _too_deep(self.name)
            if self.parts > MAX_PARTS:
                raise UnreadableInput(
                    f"{self.name}: the e-mail has over {MAX_PARTS} parts; send the demand "
                    "with its own attachments only"
                )
            if part.is_multipart():
                stack.extend((sub, level + 1) for sub in reversed(part.get_payload()))
            else:
                yield part, level

    def _part_text(self, part: EmailMessage, depth: int) -> str | None:
        content_type = part.get_content_type()
        filename = part.get_filename() or ""
        if content_type == "message/rfc822":
            return self.message_text(part.get_content(), depth + 1)
        payload = part.get_payload(decode=True) or b""
        if content_type == "application/pdf" or filename.lower().endswith(".pdf"):
            return self._pdf(payload, filename)
        if content_type == "text/plain":
            return self._text(part)
        if content_type == "text/html":
            return _html_text(self._text(part))
        if payload.startswith(b"%PDF"):  # an attachment read by what it holds
            return self._pdf(payload, filename)
        return _sniffed(payload)

    def _pdf(self, payload: bytes, filename: str) -> str:
        left = self.pdf_deadline - time.monotonic()
        if left < 1:
            raise UnreadableInput(
                f"{self.name}: reading its PDF attachments took over {PDF_BUDGET_SECONDS} s "
                "together and was stopped; send the demand with its own PDFs only, or each "
                "PDF on its own"
            )
        name = f"{self.name}: {filename}"
        return pdf.pdf_text(payload, name, min(pdf.TIME_LIMIT_SECONDS, left))

    def _text(self, part: EmailMessage) -> str:
        try:
            return part.get_content()
        except (LookupError, ValueError):  # a charset Python does not know, or cannot use
            pass
        charset = part.get_content_charset() or "?"
        payload = part.get_payload(decode=True) or b""
        for encoding in ("utf-8", "cp1252"):
            try:
                text = payload.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            encoding, text = "latin-1", payload.decode("latin-1")  # any byte is latin-1
        self.notes.append(
            f"part {self.parts} declares the charset {charset[:40]!r}, which custodes cannot "
            f"decode; it was read as {encoding}: check its accents and symbols"
        )
        return text


def _headers(message: EmailMessage) -> str:
    return "\n".join(f"{h}: {message[h]}" for h in HEADERS if message[h])


def _joined(texts: list[str | None]) -> str:
    return "\n".join(t for t in texts if t is not None).replace("\x00", "")


def _is_attachment(part: EmailMessage) -> bool:
    """A part sent as a file: named, marked as an attachment, or anything but text."""
    return (
        part.get_content_disposition() == "attachment"
        or bool(part.get_filename())
        or part.get_content_type() not in ("text/plain", "text/html")
    )


def _sniffed(payload: bytes) -> str | None:
    """An attachment of another type read as text if it holds text."""
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
