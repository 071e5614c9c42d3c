"""What the case page shows of notice: when the user is told and why, each notice's state,
the court's order, objections, and a preservation's period."""

from __future__ import annotations

from datetime import date

from custodes.cases.models import Case, Preservation
from custodes.cases.workflow import State
from custodes.law.vocab import NoticeAction
from custodes.notices import review
from custodes.notices.models import JudicialReviewAsked, NonDisclosureOrder, Objection
from custodes.notices.plan import finding_codes, notice_action, schedule_for
from custodes.production.models import Match


def notice_panel(case: Case, today: date) -> dict:
    action = notice_action(case)
    codes = finding_codes(case)
    return {
        "plan": schedule_for(case, today),
        "notice_action": action,
        "notices": case.notices.select_related("mail"),
        "takes_addresses": action not in (NoticeAction.NONE, NoticeAction.PROHIBITED),
        "staff_set_day": action == NoticeAction.AFTER_EMERGENCY
        or (action == NoticeAction.DELAY and "CHILD_SAFETY_EXCEPTION" in codes),
        "rulings": case.notice_rulings.select_related("author")[:5],
        "order": NonDisclosureOrder.objects.filter(case=case).first(),
        "objections": Objection.objects.filter(notice__case=case).select_related("notice"),
        "challenged": case.state == State.CHALLENGED,
        "preservation": Preservation.objects.filter(case=case).first(),
        "from_records": _from_records(case),
        "judicial_review": _judicial_review(case),
    }


def _judicial_review(case: Case) -> dict | None:
    if case.instrument != review.NSL:
        return None
    asked = JudicialReviewAsked.objects.filter(case=case).select_related("document").first()
    return {"due_on": review.due_on(case), "asked": asked}


def _from_records(case: Case) -> list[str]:
    """Account holders' addresses the provider's records gave when the targets were looked
    up, not yet given a notice."""
    found = Match.objects.filter(target__case=case, status=Match.Status.MATCHED).exclude(contact="")
    given = set(case.notices.values_list("address", flat=True))
    return sorted({m.contact for m in found} - given)
