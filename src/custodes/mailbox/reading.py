"""A message from the mailbox read into the documents of a case, the demand they hold and who
sent it, before any transaction opens (a PDF may take seconds to read).

The message itself is kept as it arrived (`message.eml`, its text its headers and body); each
attachment is a document of its own, read by what it holds (cases/uploads.py, as an upload
is) or, when it cannot be read, kept as it is with its hash. The demand is read from the
document that holds it: the one whose reading names a process, accounts and records, the
body only where no attachment does better. A message none of whose documents names a process,
an account or a record is no demand custodes can read, and is set aside for a person; so is
one whose headers custodes cannot read at all.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import PurePosixPath

from custodes.cases.uploads import Checked, UploadRejected, check_upload, kept_unread
from custodes.intake import UnreadableInput, extract_request
from custodes.intake.mail import split_email
from custodes.law import Request
from custodes.law.vocab import Instrument
from custodes.mailbox.sender import SenderCheck, check_sender
from custodes.mailbox.triage import not_a_demand

logger = logging.getLogger(__name__)

MESSAGE_NAME = "message.eml"


@dataclass(frozen=True)
class Reading:
    set_aside: str  # why it is no demand; "" for a demand
    sender: str = ""  # the From: line as written
    subject: str = ""
    request: Request | None = None
    documents: tuple[tuple[bytes, str, Checked], ...] = ()  # the demand's own first
    check: SenderCheck | None = None


def read_message(data: bytes, allowlist: tuple[str, ...], authserv_id: str | None) -> Reading:
    try:
        parts = split_email(data, "the e-mail")
    except UnreadableInput as error:
        return Reading(f"it could not be read as an e-mail: {error}")
    try:
        sender, subject = _header(parts.message, "From"), _header(parts.message, "Subject")
        reason = not_a_demand(parts.message)
        check = None if reason else check_sender(parts.message, allowlist, authserv_id)
    except Exception as error:  # a crafted header can make the parser raise anything at all
        logger.warning("a message's headers could not be read (%s)", type(error).__name__)
        return Reading(f"its headers could not be read ({type(error).__name__})")
    if reason:
        return Reading(reason, sender, subject)
    documents = [(data, MESSAGE_NAME, Checked("email", "message/rfc822", parts.body, parts.notes))]
    for attachment in parts.attachments:
        name = _file_name(attachment.name)
        documents.append((attachment.data, name, _checked(attachment.data, name)))
    readings = [(_reading(checked), index) for index, (_, _, checked) in enumerate(documents)]
    (score, request), best = max(readings, key=lambda r: (r[0][0], -r[1]))
    if not any(score):
        return Reading(
            "custodes could not read a demand in it: neither its text nor any attachment names "
            "a process, an account or a record asked for",
            sender,
            subject,
        )
    ordered = [documents[best], *(d for i, d in enumerate(documents) if i != best)]
    return Reading("", sender, subject, request, tuple(ordered), check)


def _header(message: EmailMessage, name: str) -> str:
    return " ".join(str(message.get(name, "") or "").split())


def _checked(data: bytes, name: str) -> Checked:
    try:
        return check_upload(data, name)
    except UploadRejected as refusal:
        return kept_unread(f"{name} was kept as it is, not read: {refusal}")


def _reading(checked: Checked) -> tuple[tuple[bool, bool, int], Request | None]:
    """How much of a demand this document holds, and the request read from it."""
    if not checked.text.strip():
        return (False, False, 0), None
    scanned = checked.kind in ("pdf", "image")  # a signature may be an image the text lacks
    request = extract_request(checked.text, source_kind="pdf" if scanned else "text")
    known = request.instrument is not Instrument.UNKNOWN
    return (known, bool(request.selectors), len(request.items) + len(request.categories)), request


def _file_name(name: str) -> str:
    """The attachment's own name without any folder in it or characters no file may hold."""
    cleaned = "".join(c for c in name if c.isprintable()).replace("\\", "/")
    return PurePosixPath(cleaned).name.strip(". ")[:200] or "attachment"
