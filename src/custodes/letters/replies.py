"""The requester answers a letter, in the portal or the API: a message, the demand amended,
a new document. The engine reviews the amended demand; a case that waited for the answer goes
back to review; whoever works the case is told what changed. One transaction."""

from __future__ import annotations

from django.db import transaction
from django.template.loader import render_to_string

from custodes.audit.chain import record
from custodes.cases import services as case_services
from custodes.cases.links import case_link
from custodes.cases.models import Case, Document
from custodes.cases.people import staff_addresses
from custodes.cases.signals import case_moved
from custodes.cases.workflow import BEFORE_APPROVAL, State, check_move_table
from custodes.intake import extract_request
from custodes.law.refusal import Refused
from custodes.law.request import Request
from custodes.letters.models import Reply
from custodes.outbox.delivery import queue_mail

# What a requester may amend: the process and what it asks for, never who it is addressed to
# or from whom it comes (the portal sets those).
AMENDABLE = (
    "instrument",
    "authority",
    "issued_on",
    "return_by",
    "signed",
    "selectors",
    "categories",
    "items",
    "date_range",
    "purpose",
)
LONGEST = 10_000  # characters of a message


@transaction.atomic
def reply(
    case: Case, user, message: str, changes: dict, document=None, replaces: bool = False
) -> Reply:
    """`document` is (bytes, name); with `replaces`, the demand is read again from it (what
    the reader could read of the fields above; `changes` given beside it win)."""
    message = message.strip()
    unknown = sorted(set(changes) - set(AMENDABLE))
    if unknown:
        raise Refused(
            f"{', '.join(unknown)} cannot be amended in a reply; amend {', '.join(AMENDABLE)}."
        )
    if not (message or changes or document):
        raise Refused("Write a message, amend the demand or attach a document.")
    if len(message) > LONGEST:
        raise Refused(f"Shorten the message to {LONGEST} characters at most.")
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.state == State.CLOSED:
        raise Refused("This demand is closed; send a new demand instead.")
    stored = case_services.attach_document(case, user, *document) if document else None
    if stored and replaces:
        changes = {**_read(stored), **changes}
    before = case.engine_action
    changed = {}
    if changes and case.state not in BEFORE_APPROVAL:
        raise Refused(
            f"The demand was approved as it stands ({case.state}); it can no longer be "
            "amended. Send a message, or a new demand."
        )
    if changes:
        narrowed = _narrowed(case.demand.structured, changes)
        changed = case_services.amend_request(case, user, narrowed, "custodes.request.amended")[1]
        case.refresh_from_db()
    answer = Reply.objects.create(
        case=case,
        author=user,
        message=message,
        document=stored,
        changes=changed,
        action_before=before,
        action_after=case.engine_action,
    )
    data = {
        "reply": answer.pk,
        "changed": sorted(changed),
        "document": stored.original_name if stored else None,
        "engine_action": case.engine_action,
    }
    record("custodes.requester.replied", user, case.subject, data)
    if case.state == State.AWAITING_REQUESTER:
        _back_to_review(case, user)
    _tell_staff(case, answer)
    return answer


def _read(document: Document) -> dict:
    """The fields the reader found in a new document of the demand."""
    kind = "pdf" if document.content_type == "application/pdf" else "text"
    request = extract_request(document.text, kind)
    read = request.to_dict()
    return {
        field: read[field]
        for field in AMENDABLE
        if read.get(field) not in (None, [], "", "unknown")
    }


def _narrowed(request: Request, changes: dict) -> dict:
    """Categories narrowed without the items: the items of the categories left go with them."""
    if "categories" in changes and "items" not in changes and request.items:
        kept = set(changes["categories"])
        items = [i.to_dict() for i in request.items if i.category in kept]
        changes = {**changes, "items": items}
    return changes


def _back_to_review(case: Case, user) -> None:
    check_move_table(case.state, State.IN_REVIEW, "", is_counsel=False)
    source, case.state = case.state, State.IN_REVIEW
    case.save(update_fields=["state", "updated_at"])
    data = {
        "from": source,
        "to": State.IN_REVIEW,
        "outcome": "",
        "reason": "the requester answered",
    }
    record("custodes.case.moved", user, case.subject, data)
    case_moved.send(Case, case=case, source=source)


def _tell_staff(case: Case, answer: Reply) -> None:
    to = staff_addresses(case)
    if not to:
        return
    body = render_to_string(
        "letters/replied.txt",
        {"case": case, "reply": answer, "link": case_link(case)},
    )
    subject = f"{case.reference}: the requester answered"
    queue_mail(f"reply:{answer.pk}", to, subject, body, "reply", case.subject)
