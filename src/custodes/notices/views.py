"""The account holder's page, reached from their notice by its signed link, without login."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from custodes.cases.workflow import State
from custodes.edge import refuse
from custodes.law import words
from custodes.law.refusal import Refused
from custodes.notices import letters, services
from custodes.notices.forms import ObjectionForm
from custodes.notices.models import Notice, Objection
from custodes.notices.tokens import BadLink, notice_for
from custodes.provider import provider_name


@never_cache
@require_http_methods(["GET", "POST"])
def object_page(request, token: str):
    try:
        notice = notice_for(token)
    except BadLink:
        response = render(request, "notices/bad_link.html", status=404)
        return _private(response)
    form = ObjectionForm(request.POST if request.method == "POST" else None)
    status = 200
    if form.is_valid():
        try:
            services.object_to(notice, **form.cleaned_data)
        except Refused as refused:
            refuse(form, refused)
            status = 409
    response = render(request, "notices/object.html", _context(notice, form), status=status)
    return _private(response)


def _private(response):
    # The link is the account holder's key: never send it to a site linked from the page
    # ("no-referrer" would also blank the Origin of the page's own form, which CSRF checks).
    response["Referrer-Policy"] = "same-origin"
    return response


def _context(notice: Notice, form: ObjectionForm) -> dict:
    notice.refresh_from_db()
    request = notice.case.demand.structured
    objection = Objection.objects.filter(notice=notice).first()
    deadline = notice.objection_deadline
    pending = notice.case.state in (State.NOTICE_PERIOD, State.CHALLENGED)
    return {
        "provider": provider_name("Our service"),
        "notice": notice,
        "agency": request.agency or "a government agency",
        "instrument": words.instrument(request.instrument),
        "authority": "; ".join(request.authority),
        "categories": words.categories(list(request.categories)),
        "deadline": deadline,
        "open": bool(deadline and pending and timezone.localdate() <= deadline),
        "objection": objection,
        "form": form,
        "legal_help": letters.legal_help(),
        "reference": notice.case.reference,
    }
