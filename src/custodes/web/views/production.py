"""The production page of a case: accounts looked up, a preview of what a package will hold
(datasets and columns left out or included, with reasons), sealing (its key shown once), and
the sealed packages."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from custodes.cases.services import Refused
from custodes.production import connector as connectors
from custodes.production import services
from custodes.production.models import Match, Production
from custodes.web.access import case_worker
from custodes.web.views.helpers import act, case_or_404


@case_worker
def production_page(request, reference: str):
    case = case_or_404(reference)
    context = {"case": case, "productions": case.productions.all(), "error": ""}
    context["targets"] = case.targets.select_related("match")
    if request.GET.get("preview"):
        try:
            context["plan"], context["counts"] = services.preview(case)
        except (connectors.ConnectorError, Refused) as error:
            context["error"] = str(error)
    return render(request, "web/production.html", context)


@require_POST
@case_worker
def resolve(request, reference: str):
    case = case_or_404(reference)
    return act(
        request,
        case,
        lambda: services.resolve_targets(case, request.user),
        to="web:production",
    )


@require_POST
@case_worker
def choose(request, reference: str, match_id: int):
    case = case_or_404(reference)
    match = get_object_or_404(Match, pk=match_id, target__case=case)
    post = request.POST
    return act(
        request,
        case,
        lambda: services.choose_account(
            match, request.user, post.get("account", ""), post.get("reason", "")
        ),
        to="web:production",
    )


@require_POST
@case_worker
def choose_dataset(request, reference: str):
    """Leave a dataset or a column out of the package, or include one, with a reason."""
    case = case_or_404(reference)
    post = request.POST
    response = act(
        request,
        case,
        lambda: services.choose_dataset(
            case,
            request.user,
            post.get("dataset", ""),
            post.get("include") == "yes",
            post.get("reason", ""),
            post.get("column", ""),
        ),
        to="web:production",
    )
    response["Location"] += "?preview=1"  # back to the preview the choice was made on
    return response


@require_POST
@case_worker
def seal(request, reference: str):
    case = case_or_404(reference)
    try:
        production, key = services.begin_seal(case, request.user)
    except Refused as error:
        return _refused(request, case, error)
    context = {"case": case, "production": production, "key": key}
    response = render(request, "web/production_key.html", context)
    response["Cache-Control"] = "no-store"  # the key is shown once and kept nowhere
    return response


def _refused(request, case, error: Exception):
    messages.error(request, str(error))
    return redirect("web:production", reference=case.reference)


@case_worker
def download(request, reference: str, production_id: int):
    case = case_or_404(reference)
    production = get_object_or_404(Production, pk=production_id, case=case)
    try:
        handle = services.open_archive(production, request.user, by_requester=False)
    except Refused as error:
        return _refused(request, case, error)
    return FileResponse(handle, as_attachment=True, filename=production.file_name)
