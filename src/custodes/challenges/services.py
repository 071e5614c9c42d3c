"""What counsel records of challenges: one filed, updated and ruled on; the go-ahead for the
accounts nobody challenged; the decision on an objection no filing followed. Each is one
transaction with its audit event; documents are read before it opens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from custodes.audit.chain import record
from custodes.cases import roles
from custodes.cases import services as case_services
from custodes.cases.models import Case
from custodes.cases.uploads import Checked, check_upload
from custodes.cases.workflow import BEFORE_APPROVAL, Outcome, State, find_move
from custodes.challenges import deadlines, holds
from custodes.challenges.models import Challenge, FilingDecision, GoAhead
from custodes.law.refusal import Refused, require_reason
from custodes.notices import services as notices
from custodes.notices.models import Objection

# A court's order ends these when the challenge was filed in a court.
NEEDS_ORDER = (Challenge.Ruling.DENIED, Challenge.Ruling.NARROWED)
# The fields `update` may change; the rest of a challenge is kept as it was filed.
UPDATABLE = ("court", "docket", "filed_on", "hearing_on", "notes")


def _require_counsel(user, what: str) -> None:
    if not roles.is_counsel(user):
        raise Refused(f"Only counsel {what}.")


def _read(documents) -> list[tuple[bytes, str, Checked]]:
    """The documents as (bytes, name, what was read), checked as every upload is, before the
    transaction that keeps them opens."""
    return [(data, name, check_upload(data, name)) for data, name in documents or ()]


def _attach(challenge: Challenge, user, documents) -> list[str]:
    digests = []
    for data, name, checked in documents:
        stored = case_services.attach_document(challenge.case, user, data, name, checked)
        challenge.documents.add(stored)
        digests.append(stored.sha256)
    return digests


def _open_case(case: Case) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.state == State.CLOSED:
        raise Refused("This case is closed: its challenges are kept as they ended.")
    return case


def _check_dates(filed_on: date | None, hearing_on: date | None) -> None:
    if filed_on is None:
        raise Refused("Give the day it was filed.", field="filed_on")
    if filed_on > timezone.localdate():
        raise Refused(
            "A challenge is recorded once it is filed; the day is in the future.", field="filed_on"
        )
    if hearing_on is not None and hearing_on < filed_on:
        raise Refused("The hearing cannot come before the filing.", field="hearing_on")


def _check_court(kind: str, court: str) -> None:
    if kind != Challenge.Kind.LETTER_OF_OBJECTION and not court.strip():
        raise Refused("A motion or a petition is filed in a court: name the court.", field="court")


def file(
    case: Case,
    user,
    *,
    filed_by: str,
    kind: str,
    accounts: list[str],
    filed_on: date | None,
    court: str = "",
    docket: str = "",
    hearing_on: date | None = None,
    objections: list[int] | tuple[int, ...] = (),
    notes: str = "",
    documents=(),
) -> Challenge:
    """Counsel records a challenge filed for some of the case's accounts: by the account
    holder (after their objection, which it then follows), by the provider (its own motion
    to quash or letter of objection), or by both. `documents` are (bytes, name)."""
    return _file(
        case,
        user,
        filed_by,
        kind,
        list(accounts),
        filed_on,
        court,
        docket,
        hearing_on,
        list(objections),
        notes,
        _read(documents),
    )


@transaction.atomic
def _file(
    case,
    user,
    filed_by,
    kind,
    accounts,
    filed_on,
    court,
    docket,
    hearing_on,
    objections,
    notes,
    read,
) -> Challenge:
    _require_counsel(user, "records a challenge")
    case = _open_case(case)
    if filed_by not in Challenge.FiledBy.values:
        raise Refused(
            "Say who filed it: the account holder, the provider, or both.", field="filed_by"
        )
    if kind not in Challenge.Kind.values:
        raise Refused(
            "Say what was filed: a motion to quash, a letter of objection or a petition.",
            field="kind",
        )
    _check_court(kind, court)
    _check_dates(filed_on, hearing_on)
    known = holds.target_labels(case)
    accounts = list(dict.fromkeys(a.strip() for a in accounts if a.strip()))
    if not accounts:
        raise Refused("Choose the accounts it is for.", field="accounts")
    strangers = [a for a in accounts if a not in known]
    if strangers:
        raise Refused(
            f"{', '.join(strangers)} is not among the accounts this demand names.", field="accounts"
        )
    followed = list(Objection.objects.filter(notice__case=case, pk__in=objections))
    if len(followed) != len(set(objections)):
        raise Refused("An objection chosen is not on this case.", field="objections")
    if followed and filed_by == Challenge.FiledBy.PROVIDER:
        raise Refused("A filing that follows a holder's objection is filed by the holder.")
    challenge = Challenge.objects.create(
        case=case,
        accounts=accounts,
        filed_by=filed_by,
        kind=kind,
        court=court.strip()[:300],
        docket=docket.strip()[:100],
        filed_on=filed_on,
        hearing_on=hearing_on,
        notes=notes.strip(),
        recorded_by=user,
    )
    challenge.objections.set(followed)
    data = {
        "challenge": challenge.pk,
        "what": str(challenge),
        "filed_by": filed_by,
        "kind": kind,
        "court": challenge.court,
        "docket": challenge.docket,
        "filed_on": filed_on.isoformat(),
        "hearing_on": hearing_on.isoformat() if hearing_on else None,
        "accounts": accounts,
        "objections": [o.pk for o in followed],
    }
    data["documents"] = _attach(challenge, user, read)
    record("custodes.challenge.filed", user, case.subject, data)
    return challenge


def update(challenge: Challenge, user, changes: dict, documents=()) -> Challenge:
    """Counsel corrects or completes a pending challenge (the docket number once the court
    gives it, the hearing's day, notes) and adds its documents."""
    return _update(challenge, user, changes, _read(documents))


@transaction.atomic
def _update(challenge: Challenge, user, changes: dict, read) -> Challenge:
    _require_counsel(user, "updates a challenge")
    _open_case(challenge.case)
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if not challenge.pending:
        raise Refused("A challenge that was ruled on is kept as it ended.")
    unknown = set(changes) - set(UPDATABLE)
    if unknown:
        raise Refused(f"A challenge's {', '.join(sorted(unknown))} cannot be changed.")
    changed = {}
    for name, value in changes.items():
        value = value.strip() if isinstance(value, str) else value
        before = getattr(challenge, name)
        if value != before:
            changed[name] = {"from": _plain(before), "to": _plain(value)}
            setattr(challenge, name, value)
    _check_court(challenge.kind, challenge.court)
    _check_dates(challenge.filed_on, challenge.hearing_on)
    if not changed and not read:
        raise Refused("Nothing was changed.")
    challenge.save()
    digests = _attach(challenge, user, read)
    data = {
        "challenge": challenge.pk,
        "what": str(challenge),
        "changed": ", ".join(changed) or "documents added",
        "fields": changed,
        "documents": digests,
    }
    record("custodes.challenge.updated", user, challenge.case.subject, data)
    return challenge


def _plain(value):
    return value.isoformat() if isinstance(value, date) else value


@dataclass(frozen=True)
class Ruled:
    challenge: Challenge
    case: Case  # as it stands after the ruling: closed where the ruling ended the demand


def rule(
    challenge: Challenge, user, ruling: str, ruled_on: date | None, reason: str, documents=()
) -> Ruled:
    """Counsel records how a challenge ended. Where the agency withdrew the demand, or the
    court quashed it for every account it names, the case closes as it does when an
    objection ends so (`notices.settle_challenge`), and every holder notified is told."""
    return _rule(challenge, user, ruling, ruled_on, reason, _read(documents))


@transaction.atomic
def _rule(challenge: Challenge, user, ruling: str, ruled_on, reason: str, read) -> Ruled:
    _require_counsel(user, "records a challenge's ruling")
    case = _open_case(challenge.case)
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if not challenge.pending:
        raise Refused(f"This challenge was ruled on already ({challenge.get_ruling_display()}).")
    if ruling not in Challenge.Ruling.values or ruling == Challenge.Ruling.PENDING:
        raise Refused(
            "Choose the ruling: quashed, narrowed, denied, withdrawn or dropped.", field="ruling"
        )
    reason = require_reason(reason, "Recording a ruling")
    if ruled_on is None or ruled_on > timezone.localdate():
        raise Refused("Give the day of the ruling; it cannot be in the future.", field="ruled_on")
    if ruled_on < challenge.filed_on:
        raise Refused("The ruling cannot come before the filing.", field="ruled_on")
    if ruling in NEEDS_ORDER and challenge.court and not read:
        raise Refused("Attach the court's order with this ruling.", field="document")
    challenge.ruling, challenge.ruled_on, challenge.ruling_reason = ruling, ruled_on, reason
    challenge.ruled_at = timezone.now()
    challenge.save()
    data = {
        "challenge": challenge.pk,
        "what": str(challenge),
        "ruling": challenge.get_ruling_display(),
        "ruled_on": ruled_on.isoformat(),
        "reason": reason,
        "documents": _attach(challenge, user, read),
    }
    record("custodes.challenge.ruled", user, case.subject, data)
    return Ruled(challenge, _close_if_ended(case, user, challenge, reason))


def _close_if_ended(case: Case, user, challenge: Challenge, reason: str) -> Case:
    """The demand withdrawn, or quashed for every account it names, ends the case where the
    workflow lets it close so; otherwise it stays for staff to move."""
    if challenge.ruling == Challenge.Ruling.WITHDRAWN:
        outcome = Outcome.WITHDRAWN
    elif challenge.ruling == Challenge.Ruling.QUASHED and set(challenge.accounts) >= set(
        holds.target_labels(case)
    ):
        outcome = Outcome.QUASHED
    else:
        return case
    waiting = Objection.objects.filter(notice__case=case, outcome="")
    if case.state == State.CHALLENGED and waiting.exists():
        return notices.settle_challenge(case, user, outcome, reason)
    try:
        move = find_move(case.state, State.CLOSED)
    except Refused:
        return case
    if outcome not in move.outcomes or (move.counsel_only and not roles.is_counsel(user)):
        return case
    return case_services.move(case, user, State.CLOSED, outcome, reason=reason)


@transaction.atomic
def go_ahead(case: Case, user, reason: str) -> GoAhead:
    """Counsel says production for the accounts nobody challenged may go ahead: the
    challenged ones are left out of every package while their challenge is pending."""
    _require_counsel(user, "lets production go ahead while a challenge is pending")
    reason = require_reason(reason, "Letting production go ahead")
    case = _open_case(case)
    if case.state in BEFORE_APPROVAL:
        raise Refused("Production goes ahead only on an approved case: record the decision first.")
    found = holds.standing(case)
    if not found.waiting:
        raise Refused("Nothing on this case is challenged: production needs no go-ahead.")
    if found.go_ahead is not None:
        raise Refused("Counsel's go-ahead is already on record for what is challenged now.")
    challenged = set()
    for challenge in found.challenges:
        if challenge.pending or challenge.ruling in holds.ENDING:
            challenged |= set(challenge.accounts)
    for objection in found.holding:
        accounts = holds.objection_accounts(objection)
        if not accounts:
            raise Refused(
                f"The objection from {objection.notice.address} is tied to no account in our "
                "records: record the challenge it led to with its accounts, or decide whether "
                "it lapses, first."
            )
        challenged |= accounts
    everyone = holds.target_labels(case)
    if set(everyone) <= challenged:
        raise Refused(
            "Every account this demand names is challenged: nothing is left to go ahead with."
        )
    held = [a for a in everyone if a in challenged]
    made = GoAhead.objects.create(case=case, held_back=held, reason=reason, decided_by=user)
    data = {"held_back": ", ".join(held), "accounts": held, "reason": reason}
    record("custodes.challenge.go_ahead", user, case.subject, data)
    return made


@transaction.atomic
def decide_unfiled(objection: Objection, user, decision: str, reason: str) -> FilingDecision:
    """Counsel decides on an objection that no filing in court followed within the filing
    days: it lapses (and no longer holds production back), or counsel keeps waiting (and it
    comes back after as many days again)."""
    _require_counsel(user, "decides whether an objection lapses")
    if decision not in FilingDecision.Decision.values:
        raise Refused(
            "Choose: the objection lapses, or keep waiting for a filing.", field="decision"
        )
    reason = require_reason(reason, "Deciding on an objection")
    _open_case(objection.notice.case)
    objection = Objection.objects.select_for_update(of=("self",)).get(pk=objection.pk)
    if objection.outcome:
        raise Refused(f"This objection has ended ({objection.get_outcome_display()}).")
    if objection.challenges.exists():
        raise Refused("A filing followed this objection: its challenge decides.")
    if objection.filing_decisions.filter(decision=FilingDecision.Decision.LAPSE).exists():
        raise Refused("This objection has lapsed already.")
    today = timezone.localdate()
    due_on = deadlines.filing_due_on(objection)
    if today < due_on:
        raise Refused(
            f"Nothing to decide yet: the account holder has until {due_on.isoformat()} to file."
        )
    made = FilingDecision.objects.create(
        objection=objection, decision=decision, reason=reason, decided_by=user, decided_on=today
    )
    data = {"objection": objection.pk, "decision": decision, "reason": reason}
    record("custodes.objection.filing_decided", user, objection.notice.case.subject, data)
    return made
