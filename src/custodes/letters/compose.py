"""A letter to the requester, written from the case's decision: which letter the decision
calls for, and the facts its template is given. The words are the templates' (files a
provider may change); the law they cite is the rule pack's."""

from __future__ import annotations

import re

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from custodes.cases.models import Case
from custodes.law import words
from custodes.law.decision import Finding
from custodes.law.ladder import least_process
from custodes.law.notice import NSL_SECRECY, effective_action
from custodes.law.pack import load_pack
from custodes.law.vocab import Action, Code, Instrument, Severity
from custodes.notices.plan import schedule_for
from custodes.provider import provider_name

# The letter each decision calls for; a plain `produce` needs none (the production's own
# cover letter answers it).
KINDS = {
    Action.CLARIFY: "clarify",
    Action.PRODUCE_PARTIAL: "pushback",
    Action.ESCALATE: "pushback",
    Action.REJECT: "rejection",
    Action.PRESERVE: "preservation",
}
# The findings that make a demand wait for the requester's answer (the contract's rule 2).
MISSING = (Code.NO_SELECTORS, Code.NO_RECORDS_NAMED, Code.REQUESTER_UNVERIFIED)


def decided(case: Case) -> tuple[str, list[str], str]:
    """The action and categories in force, a person's decision over the engine's, and the
    reason counsel gave where counsel decided."""
    engine = case.latest_review.as_decision()
    decision = case.decision_in_force
    if decision is None:
        return str(engine.action), [str(c) for c in engine.allowed_categories], ""
    reason = decision.reason if decision.by_counsel else ""
    return decision.action, list(decision.allowed_categories), reason


def kind_for(case: Case) -> str | None:
    return KINDS.get(Action(decided(case)[0]))


def asks_judicial_review(case: Case) -> bool:
    """A national security letter on which the FBI may still be asked to seek review."""
    return case.instrument == Instrument.NATIONAL_SECURITY_LETTER


def _finding(finding: Finding) -> dict:
    return {**finding.to_dict(), "title": words.label("finding", finding.code)}


def _withheld(case: Case, allowed: list[str], counsel_reason: str) -> list[dict]:
    """What the demand asks that is not produced: why, and the process that would reach it."""
    withheld = {w.category: w for w in case.latest_review.as_decision().withheld}
    items = []
    for category in case.demand.structured.categories:
        if category in allowed:
            continue
        known = withheld.get(category)
        process = least_process(category)
        items.append(
            {
                "category": words.label("category", category),
                "reason": known.reason if known else counsel_reason,
                "citation": known.citation if known else "",
                "process": words.instrument(process.instrument) if process else "",
                "process_citation": process.citation if process else "",
            }
        )
    return items


def _notice(case: Case, action: str) -> dict:
    engine = case.latest_review.as_decision()
    plan = schedule_for(case, timezone.localdate())
    return {
        "action": str(effective_action(engine.notice.action, action)),
        "citation": plan.citation,
        "window_days": settings.CUSTODES_CHALLENGE_WINDOW_DAYS,
        "secrecy_requested": case.secrecy == "requested",
        "order_ends_on": case.secrecy_ends_on,
        "not_an_order": load_pack().finding(Code.NDO_NOT_BINDING).citation,
        "child_safety": Code.CHILD_SAFETY_EXCEPTION in engine.codes,
    }


def context(case: Case) -> dict:
    engine = case.latest_review.as_decision()
    request = case.demand.structured
    action, allowed, counsel_reason = decided(case)
    rule = load_pack().instrument(Instrument(case.instrument))
    findings = [_finding(f) for f in engine.findings]
    return {
        "provider": provider_name("Our service"),
        "reference": case.reference,
        "case_number": case.demand.case_number,
        "requester": request.requester.name or "",
        "agency": request.agency or "",
        "instrument": words.instrument(case.instrument),
        "authority": "; ".join(request.authority),
        "received_on": case.demand.received_on.isoformat(),
        "today": timezone.localdate().isoformat(),
        "action": action,
        "escalated": engine.action == Action.ESCALATE,
        "reaches": [words.label("category", c) for c in allowed],
        "process_citation": rule.citation,
        "withheld": _withheld(case, allowed, counsel_reason),
        "missing": [f for f in findings if f["code"] in MISSING],
        "unknown_instrument": case.instrument == Instrument.UNKNOWN,
        "concerns": [f for f in findings if f["severity"] == Severity.ESCALATE],
        "reasons": [f for f in findings if f["severity"] == Severity.BLOCK],
        "preserved": [f for f in findings if f["code"] == Code.PRESERVATION_ONLY],
        "counsel_reason": counsel_reason,
        "notice": _notice(case, action),
        "contact": settings.CUSTODES_PROVIDER_CONTACT,
        "portal": f"{settings.CUSTODES_SITE_URL}/portal/demands/{case.reference}/",
        "secrecy_citation": NSL_SECRECY,
    }


def write(case: Case, kind: str) -> tuple[str, str]:
    """The subject (the template's first line, after "Subject:") and the text."""
    text = render_to_string(f"letters/{kind}.txt", context(case)).lstrip()
    first, _, body = text.partition("\n")
    subject = first.removeprefix("Subject:").strip()
    body = re.sub(r"\n[ \t]*(\n[ \t]*)+\n", "\n\n", body)  # the templates' tags leave blank lines
    return subject[:300], body.strip() + "\n"
