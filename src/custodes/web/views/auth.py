from __future__ import annotations

from django.contrib.auth import authenticate
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import match_token

from custodes.audit import signins
from custodes.audit.chain import record
from custodes.requesters import signin_budget
from custodes.web import forms
from custodes.web.access import landing


@require_http_methods(["GET", "POST"])
def login(request):
    form = forms.LoginForm(request.POST)
    form.is_valid()  # texts, blank or not: a blank one simply does not match
    signing_in = form.cleaned_data
    next_url = signing_in["next"] or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = "/"
    if request.method == "GET":
        return render(request, "web/login.html", {"next": next_url})
    username = signing_in["username"]
    context, subject = {"next": next_url, "username": username}, f"user:{username[:60]}"
    refusal = signin_budget.check(request, "staff", username)
    if refusal:
        signins.refused(subject)
        return signin_budget.refuse(request, "web/login.html", context, refusal)
    user = authenticate(request, username=username, password=signing_in["password"])
    device = match_token(user, signing_in["token"]) if user else None
    if device is None:
        signins.failed(subject)
        error = (
            "That user name, password and code do not match. Check the six-digit code; "
            "each code works once: wait for the next."
        )
        return render(request, "web/login.html", {**context, "error": error}, status=400)
    with transaction.atomic():
        auth_login(request, user)
        otp_login(request, device)
        record("custodes.auth.login", user, f"user:{user.get_username()}", {})
    return redirect(landing(user) if next_url == "/" else next_url)


@require_POST
def logout(request):
    if request.user.is_authenticated:
        with transaction.atomic():
            record("custodes.auth.logout", request.user, f"user:{request.user.get_username()}", {})
            auth_logout(request)
    return redirect("/login/")
