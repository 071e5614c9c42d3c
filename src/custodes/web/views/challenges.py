"""Counsel's actions on challenges: file, update and rule on one, let production go ahead
for the accounts nobody challenged, decide on an objection no filing followed. Each calls one
service and returns to the case page; the services refuse anyone but counsel."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from custodes.challenges import services as challenges
from custodes.challenges.models import Challenge
from custodes.edge import uploaded
from custodes.notices.models import Objection
from custodes.web import forms
from custodes.web.access import case_worker
from custodes.web.views.helpers import act, case_or_404


@require_POST
@case_worker
def file(request, reference: str):
    case = case_or_404(reference)
    form = forms.FileChallengeForm(request.POST, request.FILES)

    def filing():
        data = uploaded(form.cleaned_data)
        return challenges.file(case, request.user, documents=data.pop("document"), **data)

    return act(request, case, filing, done=lambda c: f"Recorded the {c}.", form=form)


@require_POST
@case_worker
def update(request, reference: str, challenge_id: int):
    case = case_or_404(reference)
    challenge = get_object_or_404(Challenge, pk=challenge_id, case=case)
    form = forms.UpdateChallengeForm(request.POST, request.FILES)

    def updating():
        documents = uploaded(form.cleaned_data)["document"]
        return challenges.update(challenge, request.user, form.changes(), documents)

    return act(request, case, updating, done="Challenge updated.", form=form)


@require_POST
@case_worker
def rule(request, reference: str, challenge_id: int):
    case = case_or_404(reference)
    challenge = get_object_or_404(Challenge, pk=challenge_id, case=case)
    form = forms.RuleForm(request.POST, request.FILES)

    def ruling():
        data = uploaded(form.cleaned_data)
        return challenges.rule(challenge, request.user, documents=data.pop("document"), **data)

    def said(ruled) -> str:
        closed = f" The case is closed: {ruled.case.outcome}." if ruled.case.outcome else ""
        return f"Recorded the ruling: {ruled.challenge.get_ruling_display()}.{closed}"

    return act(request, case, ruling, done=said, form=form)


@require_POST
@case_worker
def go_ahead(request, reference: str):
    case = case_or_404(reference)
    form = forms.ReasonForm(request.POST)
    return act(
        request,
        case,
        lambda: challenges.go_ahead(case, request.user, **form.cleaned_data),
        done=lambda made: f"Production may go ahead, holding back {', '.join(made.held_back)}.",
        form=form,
    )


@require_POST
@case_worker
def decide_unfiled(request, reference: str, objection_id: int):
    case = case_or_404(reference)
    objection = get_object_or_404(
        Objection.objects.select_related("notice"), pk=objection_id, notice__case=case
    )
    form = forms.DecideUnfiledForm(request.POST)
    return act(
        request,
        case,
        lambda: challenges.decide_unfiled(objection, request.user, **form.cleaned_data),
        done=lambda made: f"Recorded: {made.get_decision_display()}.",
        form=form,
    )
