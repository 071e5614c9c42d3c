"""The requester's side of the letters in the portal: download a letter sent to them, and
answer it (a message, amendments, a corrected document)."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from custodes.edge import every_error, refuse, uploaded
from custodes.law.refusal import Refused
from custodes.letters import replies, services
from custodes.letters.models import Letter
from custodes.portal import forms
from custodes.portal.access import own_case_or_404, requester_required


@requester_required
def portal_pdf(request, reference: str, letter_id: int):
    case = own_case_or_404(request, reference)
    letter = get_object_or_404(Letter, pk=letter_id, case=case, sent_at__isnull=False)
    try:
        handle = services.open_pdf(letter, request.user, by_requester=True)
    except Refused as error:
        raise Http404(str(error)) from None
    return FileResponse(handle, as_attachment=True, filename=letter.file_name)


@requester_required
@require_POST
def portal_reply(request, reference: str):
    case = own_case_or_404(request, reference)
    form = forms.ReplyForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            data = uploaded(form.cleaned_data)
            replies.reply(
                case,
                request.user,
                data["message"],
                form.changes(case.demand.request),
                data["document"],
                replaces=data["replaces"],
            )
        except Refused as error:
            refuse(form, error)
    if form.errors:
        for error in every_error(form):
            messages.error(request, f"Your answer was not taken: {error}")
    else:
        messages.success(request, "Your answer was received; we review the demand again.")
    return redirect(f"/portal/demands/{case.reference}/")
