"""The letters panel on the staff case page (draft, edit, send, read the PDF); the
requester's side is the portal's (custodes.portal.letters)."""

from __future__ import annotations

from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from custodes.law.refusal import Refused
from custodes.letters import compose, services
from custodes.letters.models import Letter
from custodes.web import forms
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
    form = forms.DraftLetterForm(request.POST)
    return act(
        request,
        case,
        lambda: services.draft(case, request.user, **form.cleaned_data),
        done="The draft is below: read it, edit it, then send it.",
        form=form,
    )


@require_POST
@case_worker
def change(request, reference: str, letter_id: int):
    """Save the edits; with `send`, send the letter as saved; with `discard`, drop the draft."""
    case = case_or_404(reference)
    letter = get_object_or_404(Letter, pk=letter_id, case=case)
    form = forms.LetterForm(request.POST)
    send, discard = form.pressed("send"), form.pressed("discard")

    def carry_out():
        if discard:
            return services.discard(letter, request.user)
        with transaction.atomic():
            edited = services.edit(letter, request.user, **form.cleaned_data)
            return services.send(edited, request.user) if send else edited

    done = "Letter sent." if send else "Draft discarded." if discard else "Saved."
    return act(request, case, carry_out, done=done, form=form)


@case_worker
def staff_pdf(request, reference: str, letter_id: int):
    case = case_or_404(reference)
    letter = get_object_or_404(Letter, pk=letter_id, case=case)
    try:
        handle = services.open_pdf(letter, request.user, by_requester=False)
    except Refused as error:
        raise Http404(str(error)) from None
    return FileResponse(handle, as_attachment=True, filename=letter.file_name)
