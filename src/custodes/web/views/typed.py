"""A case typed in: when custodes cannot read a demand's document (a scan, a fax, a photo),
a reviewer types the demand into the portal's structured form and attaches the document as it
is (kept with its SHA-256, not read); the engine reviews the request as typed."""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from custodes.cases import services
from custodes.cases.models import Demand
from custodes.cases.uploads import UploadRejected, kept_unread, read_uploaded
from custodes.edge import first_errors
from custodes.law.vocab import Category
from custodes.requesters.submission import INSTRUMENTS, Sender, SubmissionForm
from custodes.web import forms
from custodes.web.access import case_worker


@case_worker
@require_http_methods(["GET", "POST"])
def typed(request):
    context = {
        "instruments": INSTRUMENTS,
        "categories": [c.value for c in Category],
        "form": {"received_on": timezone.localdate().isoformat()},
    }
    if request.method == "GET":
        return render(request, "web/typed.html", context)
    post = request.POST
    form = forms.TypedForm(post, request.FILES)
    form.is_valid()
    errors = first_errors(form)
    data = form.cleaned_data
    sender = Sender(
        data.get("requester_name") or None,
        data.get("requester_email") or None,
        data.get("requester_phone") or None,
        None,
    )
    submission = SubmissionForm(post, sender)
    submission.is_valid()
    errors.update(first_errors(submission))
    document = _document(data.get("document"), errors)
    if errors:
        context.update(form=post, errors=errors, selected=post.getlist("categories"))
        return render(request, "web/typed.html", context, status=400)
    case = services.open_case(
        submission.request,
        Demand.Channel.TYPED,
        request.user,
        data["received_on"],
        document=document,
        case_number=submission.cleaned_data["case_number"],
        emergency_details=submission.emergency_details,
    )
    return redirect("web:case", reference=case.reference)


def _document(uploaded, errors: dict[str, str]):
    """The document as it came, kept unread; None where it was refused (saying why)."""
    if uploaded is None:
        return None
    try:
        data = read_uploaded(uploaded)
    except UploadRejected as error:
        errors["document"] = str(error)
        return None
    if not data:
        errors["document"] = f"{uploaded.name} is empty; attach the demand's document."
        return None
    return data, uploaded.name or "document", kept_unread()
