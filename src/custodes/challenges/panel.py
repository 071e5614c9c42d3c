"""What the case page shows of challenges: each with its accounts, court, docket, dates,
ruling and documents; what production holds back and counsel's go-ahead; the objections no
filing followed, and when counsel decides on each."""

from __future__ import annotations

from datetime import date

from custodes.cases.models import Case
from custodes.cases.workflow import BEFORE_APPROVAL, State
from custodes.challenges import deadlines, holds
from custodes.challenges.models import Challenge, FilingDecision
from custodes.notices.models import Objection


def challenge_panel(case: Case, today: date) -> dict:
    found = holds.standing(case)
    unfiled = [
        {"objection": o, "due_on": deadlines.filing_due_on(o)} for o in deadlines.unfiled(case)
    ]
    for item in unfiled:
        item["due"] = item["due_on"] <= today
    return {
        "challenge_list": case.challenges.prefetch_related("documents", "objections__notice"),
        "challenge_accounts": holds.target_labels(case),
        "challenge_objections": Objection.objects.filter(
            notice__case=case, outcome=""
        ).select_related("notice"),
        "held_back": holds.held_back(case) if found.waiting or found.challenges else {},
        "go_ahead": found.go_ahead,
        "may_go_ahead": found.waiting
        and found.go_ahead is None
        and case.state not in (*BEFORE_APPROVAL, State.CLOSED),
        "unfiled": unfiled,
        "filing_decisions": FilingDecision.objects.filter(
            objection__notice__case=case
        ).select_related("decided_by", "objection__notice"),
        "filed_by_choices": Challenge.FiledBy.choices,
        "kind_choices": Challenge.Kind.choices,
        "ruling_choices": [c for c in Challenge.Ruling.choices if c[0] != "pending"],
    }
