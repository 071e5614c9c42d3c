from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from custodes.audit.models import Event
from custodes.cases import gate, roles, services
from custodes.cases.models import Document
from custodes.cases.uploads import UploadRejected, read_uploaded
from custodes.cases.workflow import BEFORE_APPROVAL, moves_from
from custodes.law.vocab import Action, Category, Instrument, SelectorKind
from custodes.notices.panel import notice_panel
from custodes.web.access import case_worker
from custodes.web.corrections import changes_from_form, form_texts, request_diff
from custodes.web.views.helpers import act, case_or_404


@case_worker
def case_page(request, reference: str):
    case = case_or_404(reference)
    engine = case.reviews.first()
    demand = case.demand
    context = {
        "case": case,
        "request_data": demand.request,
        "diff": request_diff(demand.extracted, demand.request),
        "engine": engine.decision if engine else None,
        "decisions": case.decisions.select_related("author"),
        "notes": case.notes.select_related("author"),
        "documents": demand.documents.all(),
        "timeline": Event.objects.filter(subject=case.subject).order_by("sequence"),
        "moves": moves_from(case.state),
        "approval_refusal": gate.disclosure_refusal(case) if case.state in BEFORE_APPROVAL else "",
        "is_counsel": roles.is_counsel(request.user),
        "workers": roles.case_workers(),
        "actions": [a.value for a in Action],
        "categories": [c.value for c in Category],
        "instruments": [i.value for i in Instrument],
        "selector_kinds": [k.value for k in SelectorKind],
        **form_texts(demand.request),
    }
    context |= notice_panel(case, timezone.localdate())
    return render(request, "web/case.html", context)


@require_POST
@case_worker
def move(request, reference: str):
    case = case_or_404(reference)
    post = request.POST
    return act(
        request,
        case,
        lambda: services.move(
            case, request.user, post.get("to", ""), post.get("outcome", ""), post.get("reason", "")
        ),
    )


@require_POST
@case_worker
def join_duplicate(request, reference: str):
    case = case_or_404(reference)
    reason = request.POST.get("reason", "")
    return act(request, case, lambda: services.join_duplicate(case, request.user, reason))


@require_POST
@case_worker
def clear_duplicate(request, reference: str):
    case = case_or_404(reference)
    reason = request.POST.get("reason", "")
    return act(request, case, lambda: services.clear_duplicate(case, request.user, reason))


@require_POST
@case_worker
def assign(request, reference: str):
    case = case_or_404(reference)
    name = request.POST.get("assignee", "")
    assignee = get_object_or_404(roles.case_workers(), username=name) if name else None
    return act(request, case, lambda: services.assign(case, request.user, assignee))


@require_POST
@case_worker
def decide(request, reference: str):
    case = case_or_404(reference)
    post = request.POST
    return act(
        request,
        case,
        lambda: services.decide(
            case,
            request.user,
            post.get("action", ""),
            post.getlist("allowed"),
            post.get("reason", ""),
        ),
    )


@require_POST
@case_worker
def correct(request, reference: str):
    case = case_or_404(reference)
    return act(
        request,
        case,
        lambda: services.correct_request(case, request.user, changes_from_form(request.POST)),
    )


@require_POST
@case_worker
def callback(request, reference: str):
    case = case_or_404(reference)
    post = request.POST
    return act(
        request,
        case,
        lambda: services.record_callback(
            case, request.user, post.get("number", ""), post.get("source", ""), post.get("note", "")
        ),
    )


@require_POST
@case_worker
def note(request, reference: str):
    case = case_or_404(reference)
    return act(
        request, case, lambda: services.add_note(case, request.user, request.POST.get("text", ""))
    )


@case_worker
def document(request, reference: str, document_id: int):
    case = case_or_404(reference)
    stored = get_object_or_404(Document, pk=document_id, demand=case.demand)
    services.open_document(stored, request.user)
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError:
        raise Http404("The stored document is missing.") from None
    return FileResponse(handle, as_attachment=True, filename=stored.original_name)


@case_worker
def upload(request):
    if request.method != "POST":
        return render(request, "web/upload.html")
    uploaded = request.FILES.get("document")
    if uploaded is None:
        return render(request, "web/upload.html", {"error": "Choose a file to upload."}, status=400)
    try:
        case = services.receive_upload(read_uploaded(uploaded), uploaded.name, request.user)
    except UploadRejected as error:
        return render(request, "web/upload.html", {"error": str(error)}, status=400)
    return redirect("web:case", reference=case.reference)
