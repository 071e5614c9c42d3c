"""Everything staff do with a letter to the requester: draft it from the decision, edit it,
send it. Each is one transaction with its audit event; a sent letter goes out through the
outbox, is kept as a PDF on the case and is shown in the portal."""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from custodes.audit.chain import record
from custodes.cases import roles
from custodes.cases import services as case_services
from custodes.cases.models import Case
from custodes.cases.services import require_worker
from custodes.cases.workflow import State
from custodes.law.refusal import Refused
from custodes.letters import compose
from custodes.letters.models import Letter
from custodes.outbox.delivery import queue_mail
from custodes.production.documents import letter as letter_pdf

LONGEST = 20_000  # characters of an edited letter


def requester_address(case: Case) -> str:
    """The signed-in requester's address, or else the one the demand gives."""
    if case.demand.submitted_by and case.demand.submitted_by.email:
        return case.demand.submitted_by.email
    return (case.demand.structured.requester.email or "").lower()


def _require_writer(case: Case, user) -> None:
    require_worker(user)
    if case.state == State.ESCALATED and not roles.is_counsel(user):
        raise Refused("An escalated case's letter is counsel's: ask counsel to write it.")


@transaction.atomic
def draft(case: Case, user, kind: str = "") -> Letter:
    """The letter the decision in force calls for (or, on a national security letter, counsel's
    request for judicial review), for staff to read and edit before it goes."""
    _require_writer(case, user)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if kind == Letter.Kind.JUDICIAL_REVIEW:
        _require_review_letter(case, user)
    elif case.state == State.CLOSED:
        raise Refused("The case is closed; a letter is written while it is open.")
    else:
        kind = compose.kind_for(case)
    if kind is None:
        raise Refused(
            "The decision is to produce everything asked for: the production's cover letter "
            "answers the requester."
        )
    if case.letters.filter(sent_at__isnull=True).exists():
        raise Refused("A draft letter is open on this case: edit and send it, or discard it.")
    subject, body = compose.write(case, kind)
    letter = Letter.objects.create(
        case=case,
        kind=kind,
        action=compose.decided(case)[0],
        to=requester_address(case),
        subject=subject,
        body=body,
        drafted_by=user,
    )
    record("custodes.letter.drafted", user, case.subject, {"letter": letter.pk, "kind": kind})
    return letter


def _require_review_letter(case: Case, user) -> None:
    if not roles.is_counsel(user):
        raise Refused("Only counsel asks the FBI to seek judicial review.")
    if not compose.asks_judicial_review(case):
        raise Refused("Judicial review under § 3511(b) is asked on a national security letter.")


def _open_draft(letter: Letter) -> Letter:
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    if letter.sent_at:
        raise Refused("This letter was sent; it stays as the requester received it.")
    return letter


@transaction.atomic
def edit(letter: Letter, user, to: str, subject: str, body: str) -> Letter:
    _require_writer(letter.case, user)
    letter = _open_draft(letter)
    to, subject, body = to.strip().lower(), " ".join(subject.split()), body.strip()
    try:
        validate_email(to)
    except ValidationError:
        raise Refused(
            f"{to or 'The address'} is not an e-mail address; give the requester's.", field="to"
        ) from None
    if not subject or not body:
        raise Refused("A letter needs a subject and a text.")
    if len(body) > LONGEST or len(subject) > 300:
        raise Refused(f"Shorten the letter: at most {LONGEST} characters, the subject 300.")
    changed = sorted(
        field
        for field, value in (("to", to), ("subject", subject), ("body", body + "\n"))
        if getattr(letter, field) != value
    )
    if changed:
        letter.to, letter.subject, letter.body = to, subject, body + "\n"
        letter.save(update_fields=["to", "subject", "body"])
        record(
            "custodes.letter.edited",
            user,
            letter.case.subject,
            {"letter": letter.pk, "changed": changed},
        )
    return letter


@transaction.atomic
def discard(letter: Letter, user) -> None:
    _require_writer(letter.case, user)
    letter = _open_draft(letter)
    record("custodes.letter.discarded", user, letter.case.subject, {"letter": letter.pk})
    letter.delete()


@transaction.atomic
def send(letter: Letter, user) -> Letter:
    """The draft as staff left it: to the outbox, as a PDF on the case, into the portal. A
    letter asking for the requester's answer moves a case in review to wait for it."""
    _require_writer(letter.case, user)
    letter = _open_draft(letter)
    if not letter.to:
        raise Refused("The demand gives no address to write to; enter the requester's.")
    case = letter.case
    pdf = letter_pdf(letter.subject, letter.body)
    letter.sha256 = hashlib.sha256(pdf).hexdigest()
    letter.pdf.save(letter.file_name, ContentFile(pdf), save=False)
    letter.mail = queue_mail(
        f"letter:{letter.pk}", [letter.to], letter.subject, letter.body, "letter", case.subject
    )
    letter.sent_by, letter.sent_at = user, timezone.now()
    letter.save(update_fields=["sha256", "pdf", "mail", "sent_by", "sent_at"])
    data = {
        "letter": letter.pk,
        "kind": letter.kind,
        "pdf_sha256": letter.sha256,
        "message_id": letter.mail.message_id,
    }
    record("custodes.letter.sent", user, case.subject, data)
    if letter.kind == Letter.Kind.CLARIFY and case.state == State.IN_REVIEW:
        case_services.move(
            case, user, State.AWAITING_REQUESTER, reason="a letter asked the requester to answer"
        )
    return letter


@transaction.atomic
def open_pdf(letter: Letter, user, by_requester: bool = False):
    """The letter's PDF, to staff or to the requester it was sent to; every opening is audited."""
    if not by_requester:
        require_worker(user)
    if not letter.sent_at:
        raise Refused("A draft has no PDF yet; it is made when the letter is sent.")
    record("custodes.letter.downloaded", user, letter.case.subject, {"letter": letter.pk})
    return letter.pdf.open("rb")
