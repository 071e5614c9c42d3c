from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from custodes.audit.models import Event
from custodes.cases import gate, roles, services
from custodes.cases.models import Document
from custodes.cases.uploads import UploadRejected, read_upload
from custodes.cases.workflow import BEFORE_APPROVAL, State, moves_from
from custodes.challenges.panel import challenge_panel
from custodes.edge import refuse
from custodes.intake import UnreadableInput
from custodes.intake.pdf import render_page
from custodes.law import words
from custodes.law.vocab import Action, Category, Instrument, SelectorKind
from custodes.mailbox.models import Arrival
from custodes.notices.panel import notice_panel
from custodes.web import forms
from custodes.web.access import case_worker
from custodes.web.corrections import CorrectionForm, form_texts, request_diff
from custodes.web.sources import document_sources
from custodes.web.views.helpers import act, case_or_404, form_errors
from custodes.web.views.letters import panel as letters_panel


@case_worker
def case_page(request, reference: str):
    case = case_or_404(reference)
    latest = case.latest_review
    demand = case.demand
    is_counsel = roles.is_counsel(request.user)
    in_force = case.decision_in_force
    chosen_action, chosen_allowed = _form_start(in_force, latest)
    context = {
        "case": case,
        "closed": case.state == State.CLOSED,
        "request_data": demand.request,
        "diff": request_diff(demand.extracted, demand.request),
        "engine": latest.decision if latest else None,  # the stored dict, as the page shows it
        "decisions": case.decisions.select_related("author"),
        "in_force": in_force,
        # The decision form starts from the decision in force, or else from the engine's.
        "chosen_action": chosen_action,
        "chosen_allowed": chosen_allowed,
        "notes": case.notes.select_related("author"),
        "documents": demand.documents.order_by("pk"),
        "arrival": Arrival.objects.filter(case=case).first(),
        "doc_sources": document_sources(demand),
        "timeline": Event.objects.filter(subject=case.subject).order_by("sequence"),
        "moves": moves_from(case.state),
        "approval_refusal": _approval_note(case, is_counsel),
        "is_counsel": is_counsel,
        "workers": roles.case_workers(),
        "actions": [a.value for a in Action],
        "categories": [c.value for c in Category],
        "instruments": [i.value for i in Instrument],
        "selector_kinds": [k.value for k in SelectorKind],
        **form_texts(demand.request),
        "form_errors": form_errors(request),
    }
    context |= notice_panel(case, timezone.localdate())
    context |= letters_panel(case)
    context |= challenge_panel(case, timezone.localdate())
    return render(request, "web/case.html", context)


def _form_start(in_force, latest) -> tuple[str | None, list[str]]:
    """The action and categories the decision form starts from: the decision in force, or
    else the engine's."""
    if in_force is not None:
        return in_force.action, list(in_force.allowed_categories)
    if latest is not None:
        engine = latest.as_decision()
        return str(engine.action), [str(c) for c in engine.allowed_categories]
    return None, []


def _approval_note(case, is_counsel: bool) -> str:
    """What approval needs, before it; to counsel, in counsel's own terms."""
    if case.state not in BEFORE_APPROVAL:
        return ""
    refusal = gate.disclosure_refusal(case) or ""
    if is_counsel:
        refusal = refusal.replace("ask counsel to record theirs", "record counsel's decision")
    return refusal


@require_POST
@case_worker
def move(request, reference: str):
    case = case_or_404(reference)
    form = forms.MoveForm(request.POST)

    def moving():
        data = form.cleaned_data
        return services.move(case, request.user, data["to"], data["outcome"], data["reason"])

    return act(request, case, moving, done=_moved, form=form)


def _moved(case) -> str:
    outcome = f" ({words.label('outcome', case.outcome)})" if case.outcome else ""
    return f"Case moved to {words.label('state', case.state)}{outcome}."


@require_POST
@case_worker
def join_duplicate(request, reference: str):
    case = case_or_404(reference)
    form = forms.ReasonForm(request.POST)
    return act(
        request,
        case,
        lambda: services.join_duplicate(case, request.user, **form.cleaned_data),
        done=lambda original: f"Joined to {original.reference}; its documents moved there.",
        form=form,
    )


@require_POST
@case_worker
def clear_duplicate(request, reference: str):
    case = case_or_404(reference)
    form = forms.ReasonForm(request.POST)
    return act(
        request,
        case,
        lambda: services.clear_duplicate(case, request.user, **form.cleaned_data),
        done="Kept as a demand of its own.",
        form=form,
    )


@require_POST
@case_worker
def assign(request, reference: str):
    case = case_or_404(reference)
    form = forms.AssignForm(request.POST)

    def said(case) -> str:
        return (
            f"Assigned to {case.assignee.get_username()}."
            if case.assignee
            else "Assigned to no one."
        )

    return act(
        request,
        case,
        lambda: services.assign(case, request.user, **form.cleaned_data),
        done=said,
        form=form,
    )


@require_POST
@case_worker
def decide(request, reference: str):
    case = case_or_404(reference)
    form = forms.DecideForm(request.POST)
    return act(
        request,
        case,
        lambda: services.decide(case, request.user, **form.cleaned_data),
        done="Decision recorded.",
        form=form,
    )


@require_POST
@case_worker
def correct(request, reference: str):
    case = case_or_404(reference)
    in_force = case.decisions.in_force().count()

    def said(_engine) -> str:
        if case.decisions.in_force().count() < in_force:
            return (
                "Request corrected; the engine reviewed it again. Its review changed: the "
                "decisions before it are set aside."
            )
        return "Request corrected; the engine reviewed it again."

    form = CorrectionForm(request.POST)
    return act(
        request,
        case,
        lambda: services.correct_request(case, request.user, form.changes()),
        done=said,
        form=form,
    )


@require_POST
@case_worker
def callback(request, reference: str):
    case = case_or_404(reference)
    form = forms.CallbackForm(request.POST)
    return act(
        request,
        case,
        lambda: services.record_callback(case, request.user, **form.cleaned_data),
        done="Call-back recorded.",
        form=form,
    )


@require_POST
@case_worker
def note(request, reference: str):
    case = case_or_404(reference)
    form = forms.NoteForm(request.POST)
    return act(
        request,
        case,
        lambda: services.add_note(case, request.user, **form.cleaned_data),
        done="Note added.",
        form=form,
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
def document_page(request, reference: str, document_id: int, page: int):
    """Page `page` (from 1) of a stored PDF or image as a PNG, drawn on the server in the
    limited child that reads documents (about half a second a page). Kept by the browser
    for an hour, not in the server's cache: a page is some hundred kilobytes, and the cache
    is each process's memory."""
    case = case_or_404(reference)
    stored = get_object_or_404(Document, pk=document_id, demand=case.demand)
    pages = (stored.layout or {}).get("pages", [])
    if not 1 <= page <= len(pages):
        raise Http404("No such page.")
    try:
        with stored.file.open("rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise Http404("The stored document is missing.") from None
    try:
        png = render_page(data, stored.original_name, page - 1)
    except UnreadableInput as error:
        raise Http404(str(error)) from None
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "private, max-age=3600"
    return response


@case_worker
def upload(request):
    if request.method != "POST":
        return render(request, "web/upload.html")
    form = forms.UploadForm(request.POST, request.FILES)
    uploaded = form.is_valid() and form.cleaned_data["document"]
    if not uploaded:
        form.add_error("document", "Choose a file to upload.")
        return render(request, "web/upload.html", {"form": form}, status=400)
    try:
        data, checked = read_upload(uploaded)
    except UploadRejected as error:
        refuse(form, error)
        return render(request, "web/upload.html", {"form": form}, status=400)
    case = services.receive_upload(data, uploaded.name, request.user, checked=checked)
    for note in checked.notes:
        messages.warning(request, f"The document was read with a caveat: {note}.")
    return redirect("web:case", reference=case.reference)
