"""The e-mails custodes writes: to the account holder, and to staff."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from custodes.cases.links import case_link
from custodes.cases.models import Case
from custodes.cases.workflow import Outcome
from custodes.law import words
from custodes.law.notice import Schedule
from custodes.law.request import Request
from custodes.notices.models import Notice, Objection
from custodes.notices.tokens import token_for
from custodes.provider import provider_name

OUTCOME_WORDS = set(Outcome.values)


def legal_help() -> list[dict]:
    entries = []
    for entry in settings.CUSTODES_LEGAL_HELP:
        name, _, address = entry.partition("|")
        entries.append({"name": name.strip(), "address": address.strip()})
    return entries


def _period(request: Request) -> str:
    dates = request.date_range
    start, end = (dates.start, dates.end) if dates else (None, None)
    if start and end:
        return f"{start} to {end}"
    if start or end:
        return f"from {start}" if start else f"until {end}"
    return ""


def _account(case: Case) -> str:
    """The account the demand names, only when it names one: with several, telling one user
    the others' identifiers would disclose them."""
    selectors = case.demand.structured.selectors
    if len(selectors) != 1:
        return ""
    return f"{selectors[0].kind} {selectors[0].value}"


def objection_link(notice: Notice) -> str:
    path = reverse("notices:object", kwargs={"token": token_for(notice)})
    return settings.CUSTODES_SITE_URL + path


def notice_mail(notice: Notice, plan: Schedule, today: date) -> tuple[str, str]:
    """The subject and text of a notice to the account holder."""
    case = notice.case
    request = case.demand.structured
    provider = provider_name("Our service")
    context = {
        "provider": provider,
        "address": notice.address,
        "agency": request.agency or "a government agency (the demand does not say which)",
        "instrument": words.instrument(request.instrument),
        "authority": "; ".join(request.authority),
        "received_on": case.demand.received_on.isoformat(),
        "account": _account(case),
        "period": _period(request),
        "categories": words.categories(list(request.categories)),
        "legal_help": legal_help(),
        "contact": settings.CUSTODES_PROVIDER_CONTACT,
        "reference": case.reference,
    }
    if plan.offers_objection:
        deadline = notice.objection_deadline or today
        context |= {"deadline": deadline.isoformat(), "link": objection_link(notice)}
        body = render_to_string("notices/notice_before.txt", context)
    else:
        context |= {
            "why": plan.reason,
            "disclosed_on": case.disclosed_on.isoformat() if case.disclosed_on else "",
        }
        body = render_to_string("notices/notice_after.txt", context)
    subject = f"{provider}: a government demand for data about your account"
    return subject, body


def outcome_mail(notice: Notice, outcome: str) -> tuple[str, str]:
    """How the demand the holder was told of ended; `outcome` is the case's, or "denied"."""
    case = notice.case
    decision = case.decision_in_force
    produced = decision.allowed_categories if decision and case.disclosed_on else []
    provider = provider_name("Our service")
    context = {
        "provider": provider,
        "outcome": outcome,
        "agency": case.demand.structured.agency or "the agency",
        "received_on": case.demand.received_on.isoformat(),
        "sent_on": notice.queued_on.isoformat() if notice.queued_on else "",
        "produced": words.categories(produced),
        "disclosed_on": case.disclosed_on.isoformat() if case.disclosed_on else "",
        "closed_as": words.label("outcome", outcome) if outcome in OUTCOME_WORDS else outcome,
        "legal_help": legal_help(),
        "contact": settings.CUSTODES_PROVIDER_CONTACT,
        "reference": case.reference,
    }
    body = render_to_string("notices/outcome.txt", context)
    return f"{provider}: how the demand for data about your account ended", body


def objection_mail(objection: Objection) -> tuple[str, str]:
    case = objection.notice.case
    body = render_to_string(
        "notices/objection_received.txt",
        {
            "reference": case.reference,
            "received_at": objection.received_at.strftime("%Y-%m-%d %H:%M UTC"),
            "lawyer": objection.lawyer,
            "link": case_link(case),
        },
    )
    return f"Objection on {case.reference}: the case is challenged", body


def reminder_mail(case: Case, what: str, due_on: date, days: int) -> tuple[str, str]:
    body = render_to_string(
        "notices/reminder.txt",
        {
            "what": what,
            "due_on": due_on.isoformat(),
            "days": days,
            "reference": case.reference,
            "instrument": case.instrument,
            "agency": case.agency,
            "link": case_link(case),
        },
    )
    return f"{case.reference}: {what.lower()} on {due_on.isoformat()}", body
