"""The endpoints: requesters submit and follow their demands; staff read the queue and decide."""

from __future__ import annotations

import math

from django.db.models import F
from django.utils import timezone
from ninja import File, NinjaAPI, Query, UploadedFile
from ninja.responses import Status

from custodes import sql
from custodes.api import errors
from custodes.api.auth import TokenAuth
from custodes.api.errors import ApiError
from custodes.api.letter_schemas import LetterOut, ReplyIn, ReplyOut
from custodes.api.schemas import (
    AttachedOut,
    CaseDetailOut,
    CasePage,
    DecisionIn,
    DecisionOut,
    DemandIn,
    DemandOut,
    DemandPage,
    ErrorOut,
    StateName,
)
from custodes.cases import roles, services
from custodes.cases.models import Case, Decision
from custodes.cases.ownership import cases_of, own_case
from custodes.cases.refusals import refused_documents
from custodes.cases.uploads import UploadRejected, read_upload
from custodes.cases.workflow import State
from custodes.law import RequestError
from custodes.law.refusal import Refused
from custodes.law.vocab import Action, Category
from custodes.letters import replies
from custodes.requesters.accounts import approved_requester
from custodes.requesters.submission import Sender, requester_feedback, requester_request

api = NinjaAPI(
    title="custodes",
    version="1",
    description="Requesters submit legal process and follow it; staff read the queue and decide.",
    auth=TokenAuth(),
    urls_namespace="api",
)
errors.install(api)

PAGE_SIZE = 50
FAILURES = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    422: ErrorOut,
    429: ErrorOut,
}


def _requester(request):
    requester = approved_requester(request.auth)
    if requester is None:
        raise ApiError(403, "forbidden", "Only an approved requester may use this endpoint.")
    return requester


def _staff(request):
    if not roles.works_cases(request.auth):
        raise ApiError(403, "forbidden", "Only reviewers and counsel may use this endpoint.")
    return request.auth


def _page(queryset, page: int, convert) -> dict:
    """One page of fifty, each item converted, with where it stands among the pages."""
    total = queryset.count()
    pages = max(1, math.ceil(total / PAGE_SIZE))
    if page > pages:
        raise ApiError(404, "not_found", f"There are {pages} pages.", field="page")
    items = queryset[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    return {"items": [convert(c) for c in items], "page": page, "pages": pages, "total": total}


def _demand_out(case: Case) -> dict:
    feedback = requester_feedback(case.latest_review.as_decision())
    asked = case.demand.extracted  # as the requester sent it, whatever the desk corrects
    return {
        "reference": case.reference,
        "state": case.state,
        "outcome": case.outcome,
        "instrument": case.instrument,
        "case_number": case.demand.case_number,
        "categories": asked.get("categories") or [],
        "items": asked.get("items") or [],
        "submitted_at": case.created_at,
        "awaiting_you": case.state == State.AWAITING_REQUESTER,
        "withheld": feedback["withheld"],
        "problems": feedback["problems"],
        "documents": [
            {"name": name, "size": size, "sha256": sha256}
            for name, size, sha256 in sql.documents(case.demand_id)
        ],
        "refused_documents": refused_documents(case),
    }


def _document_out(document) -> dict:
    return {"name": document.original_name, "size": document.size, "sha256": document.sha256}


def _own_case(request, reference: str) -> Case:
    case = own_case(request.auth, reference)
    if case is None:
        raise ApiError(404, "not_found", "No such demand of yours.")
    return case


@api.post("/demands", response={201: DemandOut, **FAILURES}, tags=["requesters"])
def submit_demand(request, payload: DemandIn):
    """Submit a demand as a structured request; the engine reviews it at once."""
    requester = _requester(request)
    fields = payload.model_dump(mode="json", exclude={"emergency", "case_number"})
    emergency = payload.emergency.model_dump() if payload.emergency else None
    if payload.instrument == "emergency_request" and not emergency:
        raise ApiError(
            400,
            "invalid",
            "An emergency request needs its nature, the danger and a call-back number.",
            "emergency",
        )
    try:
        structured = requester_request(fields, Sender.of(requester), emergency)
    except RequestError as error:
        raise ApiError(400, "invalid", str(error), field=error.field) from None
    case = services.open_case(
        structured,
        "api",
        request.auth,
        timezone.localdate(),
        case_number=payload.case_number or "",
        emergency_details=emergency or {},
    )
    return Status(201, _demand_out(case))


@api.get("/demands", response={200: DemandPage, **FAILURES}, tags=["requesters"])
def list_demands(request, page: int = Query(1, ge=1)):
    """Your demands, newest first, fifty a page."""
    _requester(request)
    return Status(200, _page(cases_of(request.auth), page, _demand_out))


@api.get("/demands/{reference}", response={200: DemandOut, **FAILURES}, tags=["requesters"])
def get_demand(request, reference: str):
    """One of your demands: its state, what the process does not reach, what is missing."""
    _requester(request)
    return Status(200, _demand_out(_own_case(request, reference)))


@api.post(
    "/demands/{reference}/documents", response={201: AttachedOut, **FAILURES}, tags=["requesters"]
)
def add_document(request, reference: str, document: UploadedFile = File(...)):  # noqa: B008
    """Attach the signed document (PDF, text or e-mail, up to 25 MB). A refused file is
    answered 400 with the reason, which the demand keeps (`refused_documents`); send another
    to the same endpoint."""
    _requester(request)
    case = _own_case(request, reference)
    name = document.name or "document"
    try:
        data, checked = read_upload(document)  # before the transaction that stores it
    except UploadRejected as error:
        services.refuse_document(case, request.auth, name, error)
        raise ApiError(400, error.code, str(error), "document") from None
    stored = services.attach_document(case, request.auth, data, name, checked)
    return Status(201, {**_document_out(stored), "notes": list(checked.notes)})


def _case_out(case: Case) -> dict:
    return {
        "reference": case.reference,
        "state": case.state,
        "outcome": case.outcome,
        "instrument": case.instrument,
        "agency": case.agency,
        "due_on": case.due_on,
        "engine_action": case.engine_action,
    }


@api.get("/queue", response={200: CasePage, **FAILURES}, tags=["staff"])
def queue(request, page: int = Query(1, ge=1), state: StateName | None = None):
    """Open cases (or those in `state`), the soonest due first."""
    _staff(request)
    cases = Case.objects.all()
    cases = cases.filter(state=state) if state else cases.exclude(state=State.CLOSED)
    cases = cases.order_by(F("due_on").asc(nulls_last=True), "created_at", "id")
    return Status(200, _page(cases, page, _case_out))


def _staff_case(reference: str) -> Case:
    case = Case.objects.select_related("demand").filter(reference=reference).first()
    if case is None:
        raise ApiError(404, "not_found", "No such case.")
    return case


def _decision_out(decision: Decision) -> dict:
    return {
        "action": decision.action,
        "allowed_categories": decision.allowed_categories,
        "overrides_engine": decision.overrides_engine,
        "reason": decision.reason,
        "author": decision.author.get_username(),
        "created_at": decision.created_at,
    }


@api.get("/cases/{reference}", response={200: CaseDetailOut, **FAILURES}, tags=["staff"])
def get_case(request, reference: str):
    """A case: the request, the engine's decision with its findings, people's decisions."""
    _staff(request)
    case = _staff_case(reference)
    return Status(
        200,
        {
            **_case_out(case),
            "request": case.demand.request,
            "decision": case.latest_review.decision,
            "decisions": [_decision_out(d) for d in case.decisions.select_related("author")],
        },
    )


@api.post("/cases/{reference}/decision", response={201: DecisionOut, **FAILURES}, tags=["staff"])
def decide(request, reference: str, payload: DecisionIn):
    """Record a decision; one that differs from the engine's is counsel's, with a reason."""
    user = _staff(request)
    case = _staff_case(reference)
    try:
        allowed = [Category(c) for c in payload.allowed_categories]
        decision = services.decide(case, user, Action(payload.action), allowed, payload.reason)
    except Refused as error:
        raise ApiError(403, "refused", str(error)) from None
    return Status(201, _decision_out(decision))


@api.get(
    "/demands/{reference}/letters",
    response={200: list[LetterOut], **FAILURES},
    tags=["requesters"],
)
def list_letters(request, reference: str):
    """Our letters on one of your demands, newest first: what is missing, what the process
    reaches and what it does not, why we cannot answer, and what the account holder is told."""
    _requester(request)
    case = _own_case(request, reference)
    return Status(
        200, [_letter_out(letter) for letter in case.letters.filter(sent_at__isnull=False)]
    )


def _letter_out(letter) -> dict:
    return {
        "id": letter.pk,
        "kind": letter.kind,
        "subject": letter.subject,
        "body": letter.body,
        "sent_at": letter.sent_at,
        "pdf_sha256": letter.sha256,
    }


@api.post("/demands/{reference}/replies", response={201: ReplyOut, **FAILURES}, tags=["requesters"])
def reply(request, reference: str, payload: ReplyIn):
    """Answer our letter: a message, the demand amended, or both. The demand is reviewed
    again at once; a new signed document goes to /documents beside it."""
    _requester(request)
    case = _own_case(request, reference)
    changes = payload.amend.model_dump(mode="json", exclude_unset=True) if payload.amend else {}
    try:
        answer = replies.reply(case, request.auth, payload.message, changes)
    except Refused as error:
        raise ApiError(400, "invalid", str(error)) from None
    return Status(201, _reply_out(answer))


def _reply_out(answer) -> dict:
    return {
        "id": answer.pk,
        "state": answer.case.state,
        "changed": sorted(answer.changes),
        "engine_action": answer.action_after,
        "engine_action_before": answer.action_before,
    }
