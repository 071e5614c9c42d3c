"""A case typed in: when custodes cannot read a demand's document (a scan, a fax, a photo),
a reviewer types the demand into the portal's structured form and attaches the document as it
is (kept with its SHA-256, not read); the engine reviews the request as typed."""

from __future__ import annotations

from datetime import date

from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from custodes.cases import services
from custodes.cases.models import Demand
from custodes.cases.uploads import UploadRejected, kept_unread, read_uploaded
from custodes.law.addresses import parse_address
from custodes.law.refusal import Refused
from custodes.law.vocab import Category
from custodes.requesters.submission import INSTRUMENTS, Sender, read_submission
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
    errors: dict[str, str] = {}
    sender = _sender(post, errors)
    received_on = _received_on(post, errors)
    submission = read_submission(post, sender)
    errors.update(submission.errors)
    document = _document(request, errors)
    if errors:
        context.update(form=post, errors=errors, selected=post.getlist("categories"))
        return render(request, "web/typed.html", context, status=400)
    case = services.open_case(
        submission.request,
        Demand.Channel.TYPED,
        request.user,
        received_on,
        document=document,
        case_number=submission.case_number,
        emergency_details=submission.emergency_details,
    )
    return redirect("web:case", reference=case.reference)


def _sender(post, errors: dict[str, str]) -> Sender:
    email = post.get("requester_email", "").strip()
    if email:
        try:
            email = parse_address(email).email
        except Refused as error:
            errors["requester_email"] = str(error)
    return Sender(
        post.get("requester_name", "").strip() or None,
        email or None,
        post.get("requester_phone", "").strip() or None,
        None,
    )


def _received_on(post, errors: dict[str, str]) -> date:
    today = timezone.localdate()
    raw = post.get("received_on", "").strip()
    try:
        day = date.fromisoformat(raw) if raw else today
    except ValueError:
        errors["received_on"] = f"{raw!r} is not a date; give the day the demand arrived."
        return today
    if day > today:
        errors["received_on"] = "The day the demand arrived cannot be in the future."
    return day


def _document(request, errors: dict[str, str]):
    uploaded = request.FILES.get("document")
    if uploaded is None:
        errors["document"] = (
            "Attach the document the demand came as: it is kept as it is, with its SHA-256."
        )
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
