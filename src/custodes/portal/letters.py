"""The requester's side of the letters in the portal: download a letter sent to them, and
answer it (a message, amendments, a corrected document)."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from custodes.cases.ownership import own_case
from custodes.cases.uploads import read_uploaded
from custodes.law.refusal import Refused
from custodes.letters import replies, services
from custodes.letters.models import Letter
from custodes.portal.access import requester_required


def _own_case(request, reference: str):
    case = own_case(request.user, reference)
    if case is None:
        raise Http404("No such demand of yours.")  # the same answer whether or not it exists
    return case


@requester_required
def portal_pdf(request, reference: str, letter_id: int):
    case = _own_case(request, reference)
    letter = get_object_or_404(Letter, pk=letter_id, case=case, sent_at__isnull=False)
    try:
        handle = services.open_pdf(letter, request.user, by_requester=True)
    except Refused as error:
        raise Http404(str(error)) from None
    return FileResponse(handle, as_attachment=True, filename=letter.file_name)


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
    except Refused as error:
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
