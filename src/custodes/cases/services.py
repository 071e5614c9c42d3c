"""Everything that changes a case. Each function is one transaction with its audit event;
views call these and nothing else that writes."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from custodes.audit.chain import record
from custodes.cases import duplicates, emergency, gate, roles
from custodes.cases.models import (
    CallBack,
    Case,
    Decision,
    Demand,
    Document,
    EngineReview,
    Note,
    Preservation,
    Target,
)
from custodes.cases.models.preservation import EXTENSION as PRESERVATION_EXTENSION
from custodes.cases.refusals import DOCUMENT_REFUSED
from custodes.cases.reported import reported
from custodes.cases.signals import case_moved
from custodes.cases.uploads import Checked, UploadRejected, check_upload
from custodes.cases.workflow import Outcome, State
from custodes.intake import extract_request
from custodes.law import Request, RequestError, ReviewConfig, review
from custodes.law.accounts import distinct_accounts
from custodes.law.pack import load_pack
from custodes.law.refusal import Refused
from custodes.law.vocab import Action, Category, Severity


def receive_upload(
    data: bytes, name: str, user, received_on: date | None = None, checked: Checked | None = None
) -> Case:
    """A demand document uploaded by staff: read (unless `checked` holds what was read),
    extracted, reviewed, opened as a case."""
    checked = checked or check_upload(data, name)  # before the transaction: reading takes time
    scanned = checked.kind in ("pdf", "image")  # a signature may be an image the text lacks
    request = extract_request(checked.text, source_kind="pdf" if scanned else "text")
    return open_case(
        request,
        channel=Demand.Channel.UPLOAD,
        user=user,
        received_on=received_on or timezone.localdate(),
        document=(data, name, checked),
    )


@transaction.atomic
def open_case(
    request: Request,
    channel: str,
    user,
    received_on: date,
    document: tuple[bytes, str, Checked] | None = None,
    case_number: str = "",
    emergency_details: dict | None = None,
    refused: tuple[str, UploadRejected] | None = None,
    more_documents: Sequence[tuple[bytes, str, Checked]] = (),
) -> Case:
    """Open the case of a demand, with its document read beforehand (and any others it came
    with, after it), or the refusal of the document it came with (name, reason), kept on the
    demand for the requester to see."""
    demand = Demand.objects.create(
        channel=channel,
        received_on=received_on,
        extracted=request.to_dict(),
        request=request.to_dict(),
        submitted_by=user if channel in (Demand.Channel.PORTAL, Demand.Channel.API) else None,
        case_number=case_number[:100],
        emergency_details=emergency_details or {},
    )
    documents = [document, *more_documents] if document else list(more_documents)
    for stored in documents:
        _store_document(demand, *stored)
    case = Case.objects.create(demand=demand, instrument=str(request.instrument))
    _set_targets(case, request)
    _review(case, request)
    if emergency.is_emergency(request):
        emergency.mark_urgent(case)
    original = duplicates.flag(case)
    record(
        "custodes.case.received",
        user,
        case.subject,
        {
            "channel": channel,
            "instrument": str(request.instrument),
            "engine_action": case.engine_action,
            "repeats": original.reference if original else None,
            "document_notes": [note for _, _, checked in documents for note in checked.notes],
        },
    )
    if refused:
        _record_refusal(case, user, *refused)
    return case


@transaction.atomic
def join_duplicate(case: Case, user, reason: str = "") -> Case:
    """Close a case flagged as repeating an open one, as a duplicate; its documents go to
    that case."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    original = case.duplicate_of
    if original is None or original.state == State.CLOSED:
        raise Refused("This case repeats no open case.")
    why = reason.strip() or f"the same demand as {original.reference}"
    move(case, user, State.CLOSED, Outcome.DUPLICATE, why)
    documents = Document.objects.filter(demand=case.demand)
    names = list(documents.values_list("original_name", flat=True))
    documents.update(demand=original.demand)
    data = {"duplicate": case.reference, "documents": names, "reason": why}
    record("custodes.case.joined", user, original.subject, data)
    return original


@transaction.atomic
def clear_duplicate(case: Case, user, reason: str) -> Case:
    """A person's word that a flagged case is a demand of its own."""
    require_worker(user)
    if not reason.strip():
        raise Refused("Say why this is not the same demand as the other case.", field="reason")
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.duplicate_of is None:
        raise Refused("This case is not flagged as repeating another.")
    data = {"other": case.duplicate_of.reference, "reason": reason.strip()}
    case.duplicate_of = None
    case.save(update_fields=["duplicate_of", "updated_at"])
    record("custodes.case.duplicate_cleared", user, case.subject, data)
    return case


def _store_document(demand: Demand, data: bytes, name: str, checked: Checked):
    stored = Document(
        demand=demand,
        original_name=name[:255],
        content_type=checked.content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        text=checked.text,
        layout=checked.layout,
    )
    stored.file.save(name, ContentFile(data), save=False)
    stored.save()
    return stored


def attach_document(
    case: Case, user, data: bytes, name: str, checked: Checked | None = None
) -> Document:
    """A document added to a demand after it arrived (the requester's signed copy), read
    (unless `checked` already holds what was read) before the transaction that stores it
    opens. A file that fails the checks raises UploadRejected and leaves the demand as it
    was."""
    checked = checked or check_upload(data, name)
    return _attach_checked(case, user, data, name, checked)


@transaction.atomic
def _attach_checked(case: Case, user, data: bytes, name: str, checked: Checked) -> Document:
    stored = _store_document(case.demand, data, name, checked)
    if case.duplicate_of is None:
        duplicates.flag(case)
    record(
        "custodes.document.attached",
        user,
        case.subject,
        {"document": stored.original_name, "sha256": stored.sha256, "notes": list(checked.notes)},
    )
    return stored


@transaction.atomic
def refuse_document(case: Case, user, name: str, refusal: UploadRejected) -> None:
    """Keep on the demand that a document sent for it was refused, and why: its requester
    sees it beside the form to send another."""
    _record_refusal(case, user, name, refusal)


def _record_refusal(case: Case, user, name: str, refusal: UploadRejected) -> None:
    data = {"document": name[:255], "code": refusal.code, "reason": str(refusal)[:1000]}
    record(DOCUMENT_REFUSED, user, case.subject, data)


def _set_targets(case: Case, request: Request) -> None:
    case.targets.all().delete()
    Target.objects.bulk_create(
        Target(case=case, kind=str(s.kind), value=s.value, at=s.at or "", port=s.port)
        for s in request.selectors
    )


def _review(case: Case, request: Request) -> EngineReview:
    config = ReviewConfig(
        received_on=case.demand.received_on,
        providers=settings.CUSTODES_PROVIDER,
        challenge_window_days=settings.CUSTODES_CHALLENGE_WINDOW_DAYS,
        max_selectors=settings.CUSTODES_MAX_SELECTORS,
        max_date_range_days=settings.CUSTODES_MAX_DATE_RANGE_DAYS,
        government_domains=settings.CUSTODES_GOVERNMENT_DOMAINS,
    )
    decision = review(request, config)
    latest = EngineReview.objects.create(
        case=case,
        pack_version=load_pack().version,
        request=request.to_dict(),
        decision=decision.to_dict(),
    )
    case.engine_action = str(decision.action)
    case.instrument = str(request.instrument)
    case.agency = (request.agency or "")[:200]
    case.due_on = request.return_by
    case.secrecy, case.secrecy_ends_on = _secrecy(request)
    case.secrecy_since = (
        (request.issued_on or case.demand.received_on) if case.secrecy == "court_ordered" else None
    )
    case.received_on = case.demand.received_on
    case.country = (request.country or "")[:2].upper()
    case.accounts_named = distinct_accounts(request.selectors)
    case.blocking_codes = ",".join(
        sorted({str(f.code) for f in decision.findings if f.severity == Severity.BLOCK})
    )[:300]
    keys = reported(request, decision.codes)
    case.statute, case.asks_content = keys.statute, keys.asks_content
    case.real_time, case.anonymous_speech = keys.real_time, keys.anonymous_speech
    case.save(
        update_fields=[
            "engine_action",
            "instrument",
            "agency",
            "due_on",
            "secrecy",
            "secrecy_ends_on",
            "secrecy_since",
            "received_on",
            "country",
            "accounts_named",
            "blocking_codes",
            "statute",
            "asks_content",
            "real_time",
            "anonymous_speech",
            "updated_at",
        ]
    )
    return latest


def _secrecy(request: Request) -> tuple[str, date | None]:
    secrecy = request.nondisclosure
    if secrecy.court_ordered:
        return "court_ordered", secrecy.expires_on
    return ("requested" if secrecy.present else ""), None


def require_worker(user) -> None:
    """Refuse anyone who does not work cases (reviewers and counsel do)."""
    if not roles.works_cases(user):
        raise Refused("Only reviewers and counsel may work cases.")


# The fields of a request that say whose data, which data and on what process: a decision
# was made on them, and a correction of any of them voids it (names on letters do not).
WHAT_IS_PRODUCED = {"instrument", "country", "selectors", "categories", "items", "date_range"}


@transaction.atomic
def correct_request(case: Case, user, changes: dict) -> EngineReview:
    """A reviewer's correction of what intake read; the engine reviews the corrected request."""
    require_worker(user)
    return amend_request(case, user, changes, "custodes.request.corrected")[0]


@transaction.atomic
def amend_request(case: Case, user, changes: dict, action: str) -> tuple[EngineReview, dict]:
    """The request changed (a reviewer's correction, the requester's own answer): the engine
    reviews it again. Returns the new review and what changed, field by field."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.state == State.CLOSED:
        raise Refused("A closed case cannot be corrected.")
    before = case.demand.request
    merged = {**before, **changes}
    try:
        request = Request.from_dict(merged)
    except RequestError as error:
        raise Refused(f"The correction is not valid: {error}", field=error.field) from None
    after = request.to_dict()
    changed = {
        k: {"from": before.get(k), "to": after[k]} for k in after if before.get(k) != after[k]
    }
    case.demand.request = after
    case.demand.save(update_fields=["request"])
    if "selectors" in changed:  # the targets, and what they were looked up to, stay otherwise
        _set_targets(case, request)
    previous = case.latest_review
    latest = _review(case, request)
    record(action, user, case.subject, {"changed": changed})
    if latest.as_decision() != previous.as_decision():
        _void_decisions(case, user, "the corrected request changed the engine's review")
    elif set(changed) & WHAT_IS_PRODUCED:
        fields = ", ".join(sorted(set(changed) & WHAT_IS_PRODUCED))
        _void_decisions(case, user, f"the correction changed what would be produced ({fields})")
    return latest, changed


def _void_decisions(case: Case, user, reason: str) -> None:
    """The decisions made on the request as it was no longer hold after this correction."""
    voided = list(case.decisions.in_force().values_list("pk", flat=True))
    if not voided:
        return
    case.decisions.filter(pk__in=voided).update(voided_at=timezone.now())
    record("custodes.decision.voided", user, case.subject, {"decisions": voided, "reason": reason})
    if case.state in gate.NEEDS_APPROVAL:
        _recheck_approval(case, user, f"{reason}.")


@transaction.atomic
def move(case: Case, user, target: State, outcome: Outcome | str = "", reason: str = "") -> Case:
    require_worker(user)
    case = Case.objects.select_for_update().get(pk=case.pk)
    today = timezone.localdate()
    gate.check_move(case, user, target, outcome, today)
    source = case.state
    case.state, case.outcome = target, outcome
    case.disclosed_on = _disclosed_on(case, target, outcome, today)
    if target == State.CLOSED:
        case.closed_on = today
        case.days_to_answer = max(0, (today - case.demand.received_on).days)
        case.due_at = None  # a closed emergency no longer heads the queue
    case.save(
        update_fields=[
            "state",
            "outcome",
            "disclosed_on",
            "closed_on",
            "days_to_answer",
            "due_at",
            "updated_at",
        ]
    )
    if outcome == Outcome.PRESERVED:
        Preservation.starting(case, today, user).save()
    data = {"from": source, "to": target, "outcome": outcome, "reason": reason.strip()}
    record("custodes.case.moved", user, case.subject, data)
    gate.after_move(case, today)
    case_moved.send(Case, case=case, source=source)
    return case


def _disclosed_on(case: Case, target: str, outcome: str, today: date) -> date | None:
    """The day data left the provider: an emergency's on entering production (its answer
    may go by phone), any other case's with its first sealed package (production sets it)
    or, failing that, when it closes as produced. Closed with no records, nothing left."""
    if case.disclosed_on is None and (
        (target == State.PRODUCING and case.instrument == "emergency_request")
        or outcome in (Outcome.PRODUCED, Outcome.PARTIALLY_PRODUCED)
    ):
        return today
    if outcome == Outcome.NO_RECORDS:
        return None
    return case.disclosed_on


@transaction.atomic
def extend_preservation(case: Case, user, reason: str) -> Preservation:
    """The one 90-day extension 18 U.S.C. § 2703(f)(2) allows, on the requester's renewed
    request."""
    require_worker(user)
    preservation = _preservation(case)
    if not reason.strip():
        raise Refused("Say why: the requester's renewed request, with its date.", field="reason")
    if preservation.extended_on:
        raise Refused(
            f"This preservation was already extended on {preservation.extended_on}; the law "
            f"allows one extension of {PRESERVATION_EXTENSION.days} days."
        )
    preservation.extended_on = timezone.localdate()
    preservation.ends_on += PRESERVATION_EXTENSION
    preservation.extension_reason = reason.strip()
    preservation.save()
    data = {"ends_on": preservation.ends_on.isoformat(), "reason": reason.strip()}
    record("custodes.preservation.extended", user, case.subject, data)
    return preservation


@transaction.atomic
def release_preservation(case: Case, user, reason: str) -> Preservation:
    require_worker(user)
    preservation = _preservation(case)
    if not reason.strip():
        raise Refused("Say why the preserved records may be released.", field="reason")
    preservation.released_on = timezone.localdate()
    preservation.save(update_fields=["released_on"])
    record("custodes.preservation.released", user, case.subject, {"reason": reason.strip()})
    return preservation


def _preservation(case: Case) -> Preservation:
    preservation = Preservation.objects.select_for_update().filter(case=case).first()
    if preservation is None:
        raise Refused("Nothing is preserved on this case.")
    if preservation.released_on:
        raise Refused(f"This preservation was released on {preservation.released_on}.")
    return preservation


@transaction.atomic
def assign(case: Case, user, assignee) -> Case:
    """Give the case to a reviewer or counsel (None: to no one); reminders go to them."""
    require_worker(user)
    if assignee is not None and not roles.works_cases(assignee):
        raise Refused(f"{assignee.get_username()} does not work cases.", field="assignee")
    case.assignee = assignee
    case.save(update_fields=["assignee", "updated_at"])
    name = assignee.get_username() if assignee else None
    record("custodes.case.assigned", user, case.subject, {"assignee": name})
    return case


@transaction.atomic
def decide(case: Case, user, action: Action, allowed: Sequence[Category], reason: str) -> Decision:
    """A person's decision. One that differs from the engine's is an override: counsel only,
    and only with a written reason. Recorded on a case already approved, a decision that no
    longer lets data leave sends the case back to review; once production has begun, it is
    refused."""
    require_worker(user)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if action not in {a.value for a in Action}:
        raise Refused(f"{action!r} is not a decision custodes knows.", field="action")
    unknown = set(allowed) - {c.value for c in Category}
    if unknown:
        raise Refused(f"Unknown data categories: {', '.join(sorted(unknown))}.", field="allowed")
    if case.state == State.CLOSED:
        raise Refused("A closed case takes no new decision.")
    latest = case.latest_review
    engine_decision = latest.as_decision()
    overrides = action != engine_decision.action or set(allowed) != set(
        engine_decision.allowed_categories
    )
    if overrides and not roles.is_counsel(user):
        raise Refused(
            "Only counsel may decide otherwise than the engine; to send it to counsel, move "
            "the case to escalated."
        )
    if overrides and not reason.strip():
        raise Refused(
            "A decision that overrides the engine needs a written reason.", field="reason"
        )
    if case.state == State.ESCALATED and not roles.is_counsel(user):
        raise Refused("An escalated case is decided by counsel.")
    in_force = case.decision_in_force
    if (
        in_force is not None
        and in_force.by_counsel
        and not roles.is_counsel(user)
        and (action, sorted(allowed)) != (in_force.action, sorted(in_force.allowed_categories))
    ):
        raise Refused("Counsel's decision is in force: only counsel may decide otherwise.")
    decision = Decision.objects.create(
        case=case,
        review=latest,
        author=user,
        action=action,
        allowed_categories=[c for c in Category if c in allowed],
        overrides_engine=overrides,
        by_counsel=roles.is_counsel(user),
        reason=reason.strip(),
    )
    data = {
        "action": action,
        "allowed_categories": decision.allowed_categories,
        "overrides_engine": overrides,
        "engine_action": str(engine_decision.action),
        "reason": decision.reason,
    }
    record("custodes.decision.recorded", user, case.subject, data)
    if case.state in gate.NEEDS_APPROVAL:
        _recheck_approval(case, user, gate.disclosure_refusal(case, decision))
    return decision


def _recheck_approval(case: Case, user, refusal: str | None) -> None:
    """A case past approval whose decision no longer allows it goes back to review, before
    anything has left; once production has begun the change is refused."""
    if refusal is None:
        return
    if case.state not in (State.APPROVED, State.NOTICE_PERIOD):
        raise Refused(
            f"The case is {case.state} under the decision on record, and this change would "
            f"take its approval away ({refusal}) Record how the production or the "
            "challenge ends instead."
        )
    source = case.state
    case.state = State.IN_REVIEW
    case.save(update_fields=["state", "updated_at"])
    data = {"from": source, "to": State.IN_REVIEW, "reason": refusal}
    record("custodes.case.returned_to_review", user, case.subject, data)


@transaction.atomic
def record_callback(case: Case, user, number: str, source: str, note: str = "") -> CallBack:
    """Staff called the agency back on a number found independently of the request."""
    require_worker(user)
    number, source = number.strip(), source.strip()
    if not number or not source:
        raise Refused(
            "Record the number called and where it came from (e.g. the agency's website).",
            field="source" if number else "number",
        )
    given = {
        case.demand.emergency_details.get("callback_number"),
        case.demand.structured.requester.phone,
    }
    if _digits(number) in {_digits(g) for g in given if g}:
        raise Refused(
            "That is the number the request gave. Call a number from an independent source, "
            "such as the agency's published switchboard.",
            field="number",
        )
    callback = CallBack.objects.create(
        case=case, number=number, source=source, note=note.strip(), recorded_by=user
    )
    record(
        "custodes.emergency.callback_recorded",
        user,
        case.subject,
        {"number": number, "source": source},
    )
    return callback


def _digits(text: str) -> str:
    digits = "".join(c for c in text if c.isdigit())
    return digits[-10:]


@transaction.atomic
def add_note(case: Case, user, text: str) -> Note:
    require_worker(user)
    if not text.strip():
        raise Refused("A note needs some text.", field="text")
    note = Note.objects.create(case=case, author=user, text=text.strip())
    record("custodes.note.added", user, case.subject, {"note": note.pk})
    return note


@transaction.atomic
def open_document(document: Document, user) -> Document:
    require_worker(user)
    record(
        "custodes.document.downloaded",
        user,
        document.demand.case.subject,
        {"document": document.original_name, "sha256": document.sha256},
    )
    return document
