"""The production page of a case: accounts looked up, a preview of what a package will hold
(datasets and columns left out or included, with reasons), sealing (its key shown once), and
the sealed packages."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from custodes.law import words
from custodes.law.refusal import Refused
from custodes.law.vocab import Category
from custodes.production import connector as connectors
from custodes.production import services
from custodes.production.documents import left_out_words
from custodes.production.models import Match, Production
from custodes.web import forms
from custodes.web.access import case_worker
from custodes.web.views.helpers import act, case_or_404, form_errors


@case_worker
def production_page(request, reference: str):
    case = case_or_404(reference)
    context = {"case": case, "productions": case.productions.all(), "error": ""}
    context["form_errors"] = form_errors(request)
    context["targets"] = case.targets.select_related("match")
    if request.GET.get("preview"):
        try:
            plan, counts = services.preview(case)
            holds = {d.name: d.holds for d in services.current_connector().datasets}
        except (connectors.ConnectorError, Refused) as error:
            context["error"] = str(error)
        else:
            context |= _preview(plan, counts, holds)
    return render(request, "web/production.html", context)


def _preview(plan: services.Plan, counts: list[dict], holds: dict[str, str]) -> dict:
    """The preview as the page shows it: each dataset going in, its columns kept and left
    out; the preselected datasets a person left out, beside them; the others of the allowed
    categories; and what is left out, in plain words."""
    for row in counts:
        row["kept"] = [c for c in row["columns"] if c not in row["selection"].without]
        row["left_out_columns"] = sorted(row["selection"].without)
        row["reasons"] = [_plain_reason(why) for why in row["selection"].reasons]
    # A preselected dataset a person left out is not among the plan's datasets: it is the
    # one of the others that a person's choice lists as left out.
    by_person = {item["what"]: item for item in plan.left_out if item.get("by")}
    set_aside = [
        {"dataset": d, "choice": by_person[f"{d.category}/{d.name}"]}
        for d in plan.others
        if f"{d.category}/{d.name}" in by_person
    ]
    aside = {row["dataset"].name for row in set_aside}
    left_out = [{**item, "shown": left_out_words(item["what"], holds)} for item in plan.left_out]
    return {
        "plan": plan,
        "counts": counts,
        "set_aside": set_aside,
        "others": [d for d in plan.others if d.name not in aside],
        "left_out": left_out,
    }


def _plain_reason(why: str) -> str:
    """Why a dataset was preselected, with the category's code in plain words."""
    for category in Category:
        label = words.label("category", category.value)
        why = why.replace(f"all {category.value}", f"all {label}")
        why = why.replace(f"asks for {category.value} and", f"asks for {label} and")
    return why


@require_POST
@case_worker
def resolve(request, reference: str):
    case = case_or_404(reference)
    return act(
        request,
        case,
        lambda: services.resolve_targets(case, request.user),
        to="web:production",
        done="Accounts looked up.",
    )


@require_POST
@case_worker
def choose(request, reference: str, match_id: int):
    case = case_or_404(reference)
    match = get_object_or_404(Match, pk=match_id, target__case=case)
    form = forms.ChooseAccountForm(request.POST)

    def said(_) -> str:
        account = form.cleaned_data["account"]
        return f"Chose account {account}." if account else "Chose none of them."

    return act(
        request,
        case,
        lambda: services.choose_account(match, request.user, **form.cleaned_data),
        to="web:production",
        done=said,
        form=form,
    )


@require_POST
@case_worker
def choose_dataset(request, reference: str):
    """Leave a dataset or a column out of the package, or include one, with a reason."""
    case = case_or_404(reference)
    form = forms.ChooseDatasetForm(request.POST)

    def said(_) -> str:
        name, column = form.cleaned_data["dataset"], form.cleaned_data["column"]
        what = f"the column {column} of {name}" if column else name
        if form.cleaned_data["include"]:
            return f"{'Put back' if column else 'Included'}: {what}."
        return f"Left out: {what}."

    response = act(
        request,
        case,
        lambda: services.choose_dataset(case, request.user, **form.cleaned_data),
        to="web:production",
        done=said,
        form=form,
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
