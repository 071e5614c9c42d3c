"""Counsel's actions on challenges: file, update and rule on one, let production go ahead
for the accounts nobody challenged, decide on an objection no filing followed. Each calls one
service and returns to the case page; the services refuse anyone but counsel."""

from __future__ import annotations

from datetime import date

from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from custodes.cases.uploads import read_uploaded
from custodes.challenges import services as challenges
from custodes.challenges.models import Challenge
from custodes.law.refusal import Refused
from custodes.notices.models import Objection
from custodes.web.access import case_worker
from custodes.web.views.helpers import act, case_or_404


def _day(value: str, required: bool = True) -> date | None:
    if not value.strip() and not required:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise Refused("Give the date as YYYY-MM-DD.") from None


def _documents(request) -> list[tuple[bytes, str]]:
    return [(read_uploaded(f), f.name) for f in request.FILES.getlist("document")]


def _ids(values: list[str]) -> list[int]:
    try:
        return [int(v) for v in values]
    except ValueError:
        raise Refused("An objection chosen is not on this case.") from None


@require_POST
@case_worker
def file(request, reference: str):
    case = case_or_404(reference)
    post = request.POST

    def filing():
        return challenges.file(
            case,
            request.user,
            filed_by=post.get("filed_by", ""),
            kind=post.get("kind", ""),
            accounts=post.getlist("accounts"),
            filed_on=_day(post.get("filed_on", "")),
            court=post.get("court", ""),
            docket=post.get("docket", ""),
            hearing_on=_day(post.get("hearing_on", ""), required=False),
            objections=_ids(post.getlist("objections")),
            notes=post.get("notes", ""),
            documents=_documents(request),
        )

    return act(request, case, filing, done=lambda c: f"Recorded the {c}.")


@require_POST
@case_worker
def update(request, reference: str, challenge_id: int):
    case = case_or_404(reference)
    challenge = get_object_or_404(Challenge, pk=challenge_id, case=case)
    post = request.POST

    def updating():
        changes = {name: post[name] for name in ("court", "docket", "notes") if name in post}
        if "filed_on" in post:
            changes["filed_on"] = _day(post["filed_on"])
        if "hearing_on" in post:
            changes["hearing_on"] = _day(post["hearing_on"], required=False)
        return challenges.update(challenge, request.user, changes, _documents(request))

    return act(request, case, updating, done="Challenge updated.")


@require_POST
@case_worker
def rule(request, reference: str, challenge_id: int):
    case = case_or_404(reference)
    challenge = get_object_or_404(Challenge, pk=challenge_id, case=case)
    post = request.POST

    def ruling():
        return challenges.rule(
            challenge,
            request.user,
            post.get("ruling", ""),
            _day(post.get("ruled_on", "")),
            post.get("reason", ""),
            _documents(request),
        )

    def said(ruled) -> str:
        closed = f" The case is closed: {ruled.case.outcome}." if ruled.case.outcome else ""
        return f"Recorded the ruling: {ruled.challenge.get_ruling_display()}.{closed}"

    return act(request, case, ruling, done=said)


@require_POST
@case_worker
def go_ahead(request, reference: str):
    case = case_or_404(reference)
    reason = request.POST.get("reason", "")
    return act(
        request,
        case,
        lambda: challenges.go_ahead(case, request.user, reason),
        done=lambda made: f"Production may go ahead, holding back {', '.join(made.held_back)}.",
    )


@require_POST
@case_worker
def decide_unfiled(request, reference: str, objection_id: int):
    case = case_or_404(reference)
    objection = get_object_or_404(
        Objection.objects.select_related("notice"), pk=objection_id, notice__case=case
    )
    post = request.POST
    return act(
        request,
        case,
        lambda: challenges.decide_unfiled(
            objection, request.user, post.get("decision", ""), post.get("reason", "")
        ),
        done=lambda made: f"Recorded: {made.get_decision_display()}.",
    )
