"""The letters panel on the staff case page (draft, edit, send, read the PDF), and the
requester's side in the portal (read the letters, download the PDF, answer)."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from custodes.cases.ownership import own_case
from custodes.cases.services import Refused
from custodes.cases.uploads import UploadRejected, read_uploaded
from custodes.letters import compose, replies, services
from custodes.letters.models import Letter
from custodes.portal.access import requester_required
from custodes.web.access import case_worker
from custodes.web.views.helpers import act, case_or_404


def panel(case) -> dict:
    """What the staff case page shows of the letters and answers."""
    return {
        "letters": case.letters.select_related("drafted_by", "sent_by", "mail"),
        "letter_kind": compose.kind_for(case) if case.state != "closed" else None,
        "review_letter": compose.asks_judicial_review(case)
        and not case.letters.filter(kind=Letter.Kind.JUDICIAL_REVIEW).exists(),
        "replies": case.replies.select_related("author", "document"),
    }


@require_POST
@case_worker
def draft(request, reference: str):
    case = case_or_404(reference)
    return act(
        request,
        case,
        lambda: services.draft(case, request.user, request.POST.get("kind", "")),
        done="The draft is below: read it, edit it, then send it.",
    )


@require_POST
@case_worker
def change(request, reference: str, letter_id: int):
    """Save the edits; with `send`, send the letter as saved; with `discard`, drop the draft."""
    case = case_or_404(reference)
    letter = get_object_or_404(Letter, pk=letter_id, case=case)
    post = request.POST

    def carry_out():
        if "discard" in post:
            return services.discard(letter, request.user)
        with transaction.atomic():
            edited = services.edit(
                letter,
                request.user,
                post.get("to", ""),
                post.get("subject", ""),
                post.get("body", ""),
            )
            return services.send(edited, request.user) if "send" in post else edited

    done = (
        "Letter sent." if "send" in post else "Draft discarded." if "discard" in post else "Saved."
    )
    return act(request, case, carry_out, done=done)


@case_worker
def staff_pdf(request, reference: str, letter_id: int):
    case = case_or_404(reference)
    letter = get_object_or_404(Letter, pk=letter_id, case=case)
    return _pdf(request, letter, by_requester=False)


def _pdf(request, letter: Letter, by_requester: bool):
    try:
        handle = services.open_pdf(letter, request.user, by_requester=by_requester)
    except Refused as error:
        raise Http404(str(error)) from None
    return FileResponse(handle, as_attachment=True, filename=letter.file_name)


def _own_case(request, reference: str):
    case = own_case(request.user, reference)
    if case is None:
        raise Http404("No such demand of yours.")  # the same answer whether or not it exists
    return case


@requester_required
def portal_pdf(request, reference: str, letter_id: int):
    case = _own_case(request, reference)
    letter = get_object_or_404(Letter, pk=letter_id, case=case, sent_at__isnull=False)
    return _pdf(request, letter, by_requester=True)


@requester_required
@require_POST
def portal_reply(request, reference: str):
    case = _own_case(request, reference)
    post = request.POST
    try:
        document = _document(request)
        replies.reply(
            case,
            request.user,
            post.get("message", ""),
            _changes(case, post),
            document,
            replaces=post.get("replaces") == "on",
        )
    except (Refused, UploadRejected) as error:
        messages.error(request, f"Your answer was not taken: {error}")
    else:
        messages.success(request, "Your answer was received; we review the demand again.")
    return redirect(f"/portal/demands/{case.reference}/")


def _document(request):
    uploaded = request.FILES.get("document")
    return (read_uploaded(uploaded), uploaded.name) if uploaded else None


def _changes(case, post) -> dict:
    """The form's amendments that differ from the demand as it stands."""
    request = case.demand.request
    changes = {}
    if "categories_shown" in post:
        chosen = post.getlist("categories")
        if sorted(chosen) != sorted(request.get("categories") or []):
            changes["categories"] = chosen
    start, end = post.get("date_start", "").strip(), post.get("date_end", "").strip()
    if start or end:
        dates = {"start": start or None, "end": end or None}
        if dates != (request.get("date_range") or {}):
            changes["date_range"] = dates
    return changes
