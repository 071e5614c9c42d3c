from __future__ import annotations

import segno
from django.contrib import messages
from django.contrib.auth import authenticate
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.core import signing
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import match_token

from custodes.audit import signins
from custodes.audit.chain import record
from custodes.cases import services
from custodes.cases.models import Case
from custodes.cases.ownership import cases_of
from custodes.cases.people import secret_of
from custodes.cases.refusals import refused_documents
from custodes.cases.uploads import UploadRejected, read_upload
from custodes.edge import first_errors, refuse
from custodes.law.refusal import Refused
from custodes.law.vocab import Category
from custodes.portal import forms
from custodes.portal.access import own_case_or_404, requester_required
from custodes.production import services as production_services
from custodes.production.models import Production
from custodes.requesters import accounts, signin_budget, tokens
from custodes.requesters.models import Requester
from custodes.requesters.submission import (
    INSTRUMENTS,
    Sender,
    SubmissionForm,
    requester_feedback,
)


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.method == "GET":
        return render(request, "portal/signup.html", {"form": forms.SignupForm()})
    form = forms.SignupForm(request.POST)
    try:
        requester = form.is_valid() and accounts.sign_up(**form.cleaned_data)
    except Refused as error:
        refuse(form, error)
    if form.errors:
        return render(request, "portal/signup.html", {"form": form}, status=400)
    return render(request, "portal/check_email.html", {"email": requester.user.email})


@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    try:
        requester = accounts.requester_for_link(token)
    except Refused as error:
        return render(
            request,
            "portal/message.html",
            {"title": "Link not valid", "text": str(error)},
            status=400,
        )
    device = accounts.confirm_email(requester)
    form = forms.AuthenticatorForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            accounts.confirm_authenticator(requester, form.cleaned_data["token"])
        except Refused as refused:
            refuse(form, refused)
        else:
            return render(
                request,
                "portal/message.html",
                {
                    "title": "Waiting for approval",
                    "text": "Your address and authenticator are confirmed. Staff will check your "
                    "account with your agency; you will get an e-mail when you may sign in.",
                },
            )
    if device.confirmed:
        return redirect("/portal/login/")
    qr = segno.make(device.config_url).svg_inline(scale=4)
    context = {"requester": requester, "secret": secret_of(device), "qr": qr, "form": form}
    return render(request, "portal/authenticator.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def login(request):
    if request.method == "GET":
        return render(request, "portal/login.html", {"next": request.GET.get("next", "/portal/")})
    form = forms.LoginForm(request.POST)
    form.is_valid()  # texts, blank or not: a blank one simply does not match
    signing_in = form.cleaned_data
    email = signing_in["email"]
    subject = f"requester:{email[:80]}"
    refusal = signin_budget.check(request, "portal", email)
    if refusal:
        signins.refused(subject)
        return signin_budget.refuse(request, "portal/login.html", {"email": email}, refusal)
    user = authenticate(request, username=email, password=signing_in["password"])
    device = match_token(user, signing_in["token"]) if user else None
    requester = getattr(user, "requester", None) if device else None
    if requester is not None and requester.status == Requester.Status.APPROVED:
        with transaction.atomic():
            auth_login(request, user)
            otp_login(request, device)
            record("custodes.auth.login", user, f"requester:{email}", {})
        return redirect("/portal/")
    signins.failed(subject)
    error = "That address, password and code do not match."
    if requester is not None and requester.status == Requester.Status.PENDING:
        error = "Your account is waiting for staff approval; you will get an e-mail."
    elif requester is not None and requester.status == Requester.Status.REFUSED:
        error = f"Your account was not approved: {requester.decision_reason}"
    return render(request, "portal/login.html", {"error": error, "email": email}, status=400)


@require_POST
def logout(request):
    auth_logout(request)
    return redirect("/portal/login/")


@requester_required
def home(request):
    cases = cases_of(request.user)
    return render(request, "portal/home.html", {"cases": cases})


@requester_required
@require_http_methods(["GET", "POST"])
def submit(request):
    context = {"instruments": INSTRUMENTS, "categories": [c.value for c in Category], "form": {}}
    if request.method == "GET":
        return render(request, "portal/submit.html", context)
    submission = SubmissionForm(request.POST, Sender.of(request.requester))
    if not submission.is_valid():
        context.update(
            form=request.POST,
            errors=first_errors(submission),
            selected=request.POST.getlist("categories"),
        )
        return render(request, "portal/submit.html", context, status=400)
    document, refused = _read_document(request)  # before the transaction that stores it
    case = services.open_case(
        submission.request,
        "portal",
        request.user,
        timezone.localdate(),
        document=document,
        case_number=submission.cleaned_data["case_number"],
        emergency_details=submission.emergency_details,
        refused=refused,
    )
    if refused:
        messages.error(request, f"Your demand is kept, but its document was refused: {refused[1]}")
    if document:
        _say_notes(request, document[2])
    return redirect(f"/portal/demands/{case.reference}/")


def _read_document(request):
    """The uploaded document read, or (its name, why it was refused); (None, None) without one."""
    form = forms.DocumentForm(request.POST, request.FILES)
    uploaded = form.is_valid() and form.cleaned_data["document"]
    if not uploaded:
        return None, None
    name = uploaded.name or "document"
    try:
        data, checked = read_upload(uploaded)
    except UploadRejected as error:
        return None, (name, error)
    return (data, name, checked), None


def _say_notes(request, checked) -> None:
    for note in checked.notes:
        messages.warning(request, f"Your document was read with a caveat: {note}.")


def _attach(request, case: Case) -> None:
    document, refused = _read_document(request)
    if refused:
        services.refuse_document(case, request.user, *refused)
        messages.error(request, f"Your document was refused: {refused[1]}")
    elif document:
        services.attach_document(case, request.user, *document)
        _say_notes(request, document[2])


@requester_required
def demand(request, reference: str):
    case = own_case_or_404(request, reference)
    latest = case.latest_review
    context = {
        "case": case,
        "request_data": case.demand.request,
        "feedback": requester_feedback(latest.as_decision()) if latest else None,
        "documents": case.demand.documents.all(),
        "refused": refused_documents(case),
        "packages": [
            {
                "production": p,
                "token": signing.dumps(p.pk, salt=PACKAGE_SALT),
                "expires": production_services.download_expires(p),
            }
            for p in case.productions.filter(status=Production.Status.SEALED)
        ],
        "now": timezone.now(),
    }
    return render(request, "portal/demand.html", context)


PACKAGE_SALT = "custodes.production.download"


@requester_required
def download_package(request, reference: str, token: str):
    """A sealed package of one's own demand, until its link expires; every download is
    audited."""
    case = own_case_or_404(request, reference)
    try:
        production_id = signing.loads(token, salt=PACKAGE_SALT)
    except signing.BadSignature:
        raise Http404("No such package.") from None
    production = get_object_or_404(Production, pk=production_id, case=case)
    try:
        handle = production_services.open_archive(production, request.user, by_requester=True)
    except Refused as error:
        messages.error(request, str(error))
        return redirect(f"/portal/demands/{case.reference}/")
    return FileResponse(handle, as_attachment=True, filename=production.file_name)


@requester_required
@require_POST
def add_document(request, reference: str):
    case = own_case_or_404(request, reference)
    _attach(request, case)
    return redirect(f"/portal/demands/{case.reference}/")


@requester_required
@require_http_methods(["GET", "POST"])
def api_token(request):
    token = tokens.issue(request.user) if request.method == "POST" else None
    return render(request, "portal/token.html", {"token": token})
