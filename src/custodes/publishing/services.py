"""Publishing a demand after the gag: counsel proposes it (custodes proposes the redactions),
a person reviews the redactions on the rendered page, adding and removing passages, and
approves; only then is it public. Each step is one transaction with its audit event."""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.db import transaction
from django.utils import timezone

from custodes.audit.chain import record
from custodes.cases import roles
from custodes.cases.models import Case
from custodes.cases.workflow import State
from custodes.law import words
from custodes.law.publication import Standing, why_not
from custodes.law.refusal import Refused
from custodes.law.request import Request
from custodes.notices import plan
from custodes.publishing import redaction
from custodes.publishing.models import Publication
from custodes.publishing.redaction import Span
from custodes.transparency import schema


def standing(case: Case, today: date) -> Standing:
    """What decides whether the case's demand may be told of, read as notice reads it."""
    facts = plan.facts_for(case, today)
    order = facts.order
    if order is None and case.secrecy == "court_ordered":
        order = plan.court_order(case)
    return Standing(
        closed=case.state == State.CLOSED,
        national_security=case.instrument in schema.NATIONAL_SECURITY,
        order=order,
        child_safety=facts.child_safety,
        child_cleared_on=facts.ruled_on,
    )


def refusal(case: Case, today: date | None = None) -> str | None:
    """Why the case's demand may not be published (None: it may)."""
    if not case.reviews.exists():
        return "The demand has not been reviewed."
    return why_not(standing(case, today or timezone.localdate()), today or timezone.localdate())


def _require_counsel(user) -> None:
    if not roles.is_counsel(user):
        raise Refused("Only counsel may publish a demand.")


def _check(case: Case) -> None:
    reason = refusal(case)
    if reason:
        raise Refused(reason)


def _requests(case: Case) -> list[dict]:
    """Both readings as stored, read as dicts on purpose: a redaction takes every value they
    hold and has no parse that could refuse."""
    demand = case.demand
    return [demand.extracted or {}, demand.request or {}]


def must_hide(case: Case) -> list[str]:
    """The targets' values, as intake read them, as staff corrected them and as looked up:
    never published."""
    values = {t.value for t in case.targets.all()}
    for request in _requests(case):
        values |= {s.get("value", "") for s in request.get("selectors") or []}
    return sorted(v for v in values if v and v.strip())


def contacts(case: Case) -> list[str]:
    """The officer's e-mail address and direct line, the emergency's call-back number and the
    account holders' addresses."""
    found = set()
    for request in _requests(case):
        requester = request.get("requester") or {}
        found |= {requester.get("email") or "", requester.get("phone") or ""}
    found.add((case.demand.emergency_details or {}).get("callback_number") or "")
    found |= set(case.notices.values_list("address", flat=True))
    return sorted(v for v in found if v.strip())


def compose(case: Case) -> str:
    """The demand as it came (each document's text, or the request as structured) and the
    decision: what the public will read once it is redacted."""
    parts = []
    # The documents the demand came in, not those attached since (a court's order, a letter).
    arrived = case.demand.documents.filter(created_at__lte=case.created_at)
    for document in arrived.order_by("pk"):
        if document.text.strip():
            parts.append(f"Document: {document.original_name}\n\n{document.text.strip()}")
    if not parts:
        parts.append(_structured(case.demand.structured))
    parts.append(_decision(case))
    return "\n\n".join(parts) + "\n"


def _structured(request: Request) -> str:
    lines = [
        "The demand, as it was submitted:",
        f"Process: {words.label('instrument', request.instrument)}",
        f"Authority: {'; '.join(request.authority) or 'none stated'}",
        f"Agency: {request.agency or 'not stated'}",
    ]
    for selector in request.selectors:
        lines.append(f"Account: {selector.value}")
    for item in request.items:
        lines.append(f"Asked for: {item.text}")
    if request.purpose:
        lines.append(f"Purpose: {request.purpose}")
    return "\n".join(lines)


def _decision(case: Case) -> str:
    lines = ["What we decided", ""]
    lines.append(f"Outcome: {words.label('outcome', case.outcome) if case.outcome else 'closed'}")
    decision = case.decision_in_force
    if decision:
        allowed = ", ".join(words.label("category", c) for c in decision.allowed_categories)
        lines.append(f"Decision: {words.label('action', decision.action)}")
        lines.append(f"Produced: {allowed or 'nothing'}")
        if decision.reason.strip():
            lines.append(f"Reason: {decision.reason.strip()}")
    latest = case.latest_review
    for finding in latest.as_decision().findings if latest else ():
        lines.append(f"- {finding.message} ({finding.citation})")
    return "\n".join(lines)


def _facts(case: Case) -> dict:
    """The published record's facts: nothing in it names a person or an account."""
    request = case.demand.structured
    latest = case.latest_review
    decision = case.decision_in_force
    return {
        "instrument": case.instrument,
        "legal_process": schema.legal_process(case.instrument),
        "authority": list(request.authority),
        "agency": case.agency,
        "country": case.country,
        "received_on": case.received_on.isoformat() if case.received_on else None,
        "closed_on": case.closed_on.isoformat() if case.closed_on else None,
        "outcome": case.outcome,
        "decision": decision.action if decision else None,
        "categories_produced": list(decision.allowed_categories) if decision else [],
        "findings": [
            {"code": str(f.code), "citation": f.citation}
            for f in (latest.as_decision().findings if latest else ())
        ],
    }


def spans_of(publication: Publication) -> list[Span]:
    return [Span.from_dict(s) for s in publication.spans]


@transaction.atomic
def propose(case: Case, user) -> Publication:
    """Counsel proposes to publish the closed case's demand; custodes proposes redactions."""
    _require_counsel(user)
    case = Case.objects.select_for_update().get(pk=case.pk)
    _check(case)
    if Publication.objects.filter(case=case).exists():
        raise Refused("This demand has already been proposed for publication.")
    text = compose(case)
    spans = redaction.propose(text, must_hide(case), contacts(case))
    publication = Publication.objects.create(
        case=case,
        text=text,
        spans=[s.to_dict() for s in spans],
        record=_facts(case),
        proposed_by=user,
    )
    kinds = Counter(s.kind for s in spans)
    record(
        "custodes.publication.proposed",
        user,
        case.subject,
        {"slug": publication.slug, "proposed": len(spans), "kinds": dict(sorted(kinds.items()))},
    )
    return publication


def _editable(publication: Publication, user) -> Publication:
    _require_counsel(user)
    publication = Publication.objects.select_for_update().get(pk=publication.pk)
    if publication.state != Publication.State.PROPOSED:
        raise Refused("The demand is published; its redactions can no longer change.")
    return publication


@transaction.atomic
def redact(publication: Publication, user, phrase: str, kind: str = redaction.OTHER) -> int:
    """Redact every occurrence of a phrase as well; returns how many passages were added."""
    publication = _editable(publication, user)
    if kind not in redaction.LABELS:
        raise Refused(f"A redaction is one of: {', '.join(redaction.LABELS)}.", field="kind")
    if len(phrase.strip()) < 2:
        raise Refused("Give the words to redact, as they appear on the page.", field="phrase")
    spans = spans_of(publication)
    found = [Span(s, e, kind) for s, e in redaction.occurrences(publication.text, phrase)]
    if not found:
        raise Refused("Those words are not on the page.", field="phrase")
    merged = redaction.merge(spans + found)
    added = len(found)
    publication.spans = [s.to_dict() for s in merged]
    publication.save(update_fields=["spans"])
    record(
        "custodes.publication.redacted",
        user,
        publication.subject,
        {"slug": publication.slug, "count": added, "kind": kind},
    )
    return added


@transaction.atomic
def unredact(publication: Publication, user, index: int) -> Span:
    """Leave one proposed passage visible; a target's value is never shown."""
    publication = _editable(publication, user)
    spans = spans_of(publication)
    if not 0 <= index < len(spans):
        raise Refused("That redaction is not on the page.")
    span = spans[index]
    if span.kind == redaction.TARGET:
        raise Refused("A target of the demand is never published: that redaction stays.")
    publication.spans = [s.to_dict() for i, s in enumerate(spans) if i != index]
    publication.save(update_fields=["spans"])
    record(
        "custodes.publication.unredacted",
        user,
        publication.subject,
        {"slug": publication.slug, "kind": span.kind, "start": span.start, "end": span.end},
    )
    return span


@transaction.atomic
def approve(publication: Publication, user) -> Publication:
    """A person's approval of the redactions as they stand: the demand is public from now.
    Checked again: nothing may forbid telling of it, and no target's value may show."""
    publication = _editable(publication, user)
    case = Case.objects.select_for_update().get(pk=publication.case_id)
    _check(case)
    redacted = redaction.apply(publication.text, spans_of(publication))
    if redaction.still_visible(redacted, must_hide(case)):
        raise Refused("A target of the demand still shows on the page: redact it first.")
    publication.redacted_text = redacted
    publication.state = Publication.State.PUBLISHED
    publication.approved_by = user
    publication.published_at = timezone.now()
    publication.save(update_fields=["redacted_text", "state", "approved_by", "published_at"])
    record(
        "custodes.publication.approved",
        user,
        case.subject,
        {"slug": publication.slug, "redactions": len(publication.spans)},
    )
    return publication


def published():
    return Publication.objects.filter(state=Publication.State.PUBLISHED)
