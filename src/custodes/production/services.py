"""A production, from the accounts the targets name to the sealed package. Each change is one
transaction with its audit event; sealing is background work (`production.queue`) and, if it
fails, leaves the case as it was."""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from pyrage import x25519

from custodes.audit.chain import record
from custodes.cases import gate
from custodes.cases.models import Case, Target
from custodes.cases.services import require_worker
from custodes.cases.workflow import State
from custodes.hooks import Hooks
from custodes.law import words
from custodes.law.accounts import distinct_accounts
from custodes.law.refusal import Refused
from custodes.law.request import Selector
from custodes.law.vocab import SelectorKind
from custodes.production import choice, documents, package
from custodes.production import connector as connectors
from custodes.production.models import DatasetChoice, Match, Production
from custodes.provider import provider_name
from custodes.staff.models import signer

RESOLVABLE = (State.APPROVED, State.NOTICE_PERIOD, State.PRODUCING)

# What the apps built on production hold back from a package (challenges: the accounts under
# a pending challenge), registered from their AppConfig.ready so that production imports none
# of them: each gives, for a case, the labels of the targets it holds back and why.
Hold = Callable[[Case], dict[str, str]]
_holds: Hooks[Hold] = Hooks()
register_hold = _holds.register


def current_connector() -> connectors.Connector:
    return connectors.load(
        settings.CUSTODES_CONNECTOR,
        url=settings.CUSTODES_PROVIDER_DATABASE_URL,
        data_dir=settings.DATA_DIR,
    )


def _window(case: Case) -> connectors.Window | None:
    dates = case.demand.structured.date_range
    if dates and dates.start and dates.end:
        return connectors.Window.of(dates.start, dates.end)
    return None


def resolve_targets(case: Case, user) -> list[Match]:
    """Look every target up in the provider's data. One account is taken; several are shown
    to a person to choose from; none is 'no records'."""
    require_worker(user)
    if case.state not in RESOLVABLE:
        raise Refused("Accounts are looked up once the case is approved.")
    connector = current_connector()
    window = _window(case)
    with transaction.atomic(), connector.engine().connect() as connection:
        matches = [_resolve(connector, connection, t, window) for t in case.targets.all()]
        counts = {s: sum(m.status == s for m in matches) for s in Match.Status.values}
        _count_accounts(case)
        record("custodes.production.resolved", user, case.subject, counts)
    return matches


def _count_accounts(case: Case) -> None:
    """The report's accounts specified, once the provider's records say whose each
    identifier is: the accounts matched, and the targets that matched none counted as the
    demand named them."""
    matches = list(Match.objects.filter(target__case=case).select_related("target"))
    matched = {m.account for m in matches if m.status == Match.Status.MATCHED}
    others = [
        Selector(SelectorKind(m.target.kind), m.target.value, m.target.at or None)
        for m in matches
        if m.status != Match.Status.MATCHED
    ]
    named = len(matched) + distinct_accounts(others)
    Case.objects.filter(pk=case.pk).update(accounts_named=named, updated_at=timezone.now())


def _resolve(connector, connection, target: Target, window) -> Match:
    try:
        found = connectors.resolve(
            connector, connection, target.kind, target.value, target.at or None, window, target.port
        )
    except connectors.ConnectorError as error:
        status, found, note = Match.Status.UNSUPPORTED, [], str(error)
    else:
        status = {0: Match.Status.NONE, 1: Match.Status.MATCHED}.get(
            len(found), Match.Status.AMBIGUOUS
        )
        note = ""
    account = found[0] if status == Match.Status.MATCHED else ""
    match, _ = Match.objects.update_or_create(
        target=target,
        defaults={
            "status": status,
            "candidates": found,
            "account": account,
            "contact": connectors.contact(connector, connection, account) if account else "",
            "note": note,
            "chosen_by": None,
        },
    )
    return match


@transaction.atomic
def choose_account(match: Match, user, account: str, reason: str) -> Match:
    """A person settles a target that named several accounts: one of them, or none."""
    require_worker(user)
    if match.status not in (Match.Status.AMBIGUOUS, Match.Status.MATCHED) or not (
        match.candidates and len(match.candidates) > 1
    ):
        raise Refused("Only a target that named several accounts waits for a choice.")
    if account and account not in match.candidates:
        raise Refused(f"{account} is not one of the accounts this target named.", field="account")
    if not reason.strip():
        raise Refused("Say why this account (or none) is the one the demand means.", field="reason")
    match.account = account
    match.status = Match.Status.MATCHED if account else Match.Status.NONE
    match.chosen_by = user
    match.contact = _contact_of(account)
    match.save()
    data = {"target": match.target_id, "account": account or None, "reason": reason.strip()}
    _count_accounts(match.target.case)
    record("custodes.production.account_chosen", user, match.target.case.subject, data)
    return match


def _contact_of(account: str) -> str:
    if not account:
        return ""
    connector = current_connector()
    with connector.engine().connect() as connection:
        return connectors.contact(connector, connection, account)


@dataclass(frozen=True)
class Plan:
    """What a production of the case will hold, and what it leaves out, with reasons."""

    accounts: list[str]
    datasets: list[choice.Selection]
    others: list[connectors.Dataset]  # the allowed categories' others, a person may include
    left_out: list[dict]
    account_lines: list[str]
    window: connectors.Window | None
    undecided: list[str]  # targets that named several accounts, none chosen yet


AMBIGUOUS = "named several accounts and none was chosen"


def plan(case: Case, connector: connectors.Connector | None = None) -> Plan:
    connector = connector or current_connector()
    window = _window(case)
    datasets, others, left_out = _datasets(case, connector, window)
    accounts, lines, unmatched = _accounts(case)
    return Plan(
        accounts=sorted(set(accounts)),
        datasets=datasets,
        others=others,
        left_out=left_out + unmatched,
        account_lines=lines,
        window=window,
        undecided=[item["what"] for item in unmatched if item["reason"] == AMBIGUOUS],
    )


def _allowed_categories(case: Case) -> list[str]:
    """The categories the decision in force allows: nothing without a person's decision."""
    decided = case.decision_in_force
    return decided.allowed_categories if decided and decided.approves else []


def _datasets(case: Case, connector, window) -> tuple[list, list, list[dict]]:
    """The datasets the demand's items name in the categories the decision allows, with the
    choices people made; the other datasets of those categories; what is left out, and why."""
    allowed = _allowed_categories(case)
    withheld = {str(w.category): w for w in case.latest_review.as_decision().withheld}
    request = case.demand.structured
    items = choice.Item.all_of(request)
    asked = [*(str(c) for c in request.categories), *(i.category for i in items if i.category)]
    asked = list(dict.fromkeys(asked))
    left_out = []
    for category in asked:
        if category not in allowed:
            why = withheld.get(category)
            reason = (why and why.reason) or "not allowed by the decision on this demand"
            citation = why.citation if why else None
            left_out.append({"what": category, "reason": reason, "citation": citation})
        elif not connector.datasets_for(category):
            left_out.append({"what": category, "reason": "the provider keeps no such records"})
    open_to = [d for d in connector.datasets if d.category in allowed]
    preselected = choice.preselect(open_to, items, [c for c in asked if c in allowed])
    settled = choice.settle(preselected, open_to, _people(case))
    datasets = []
    for selection in settled.selections:
        dataset = selection.dataset
        if dataset.time_column and window is None:
            reason = "the demand names no dates, and these records are dated"
            left_out.append({"what": f"{dataset.category}/{dataset.name}", "reason": reason})
        else:
            datasets.append(selection)
    chosen = {s.dataset.name for s in settled.selections}
    others = [d for d in open_to if d.name not in chosen]
    return datasets, others, left_out + settled.left_out


def _people(case: Case) -> list[choice.Chosen]:
    return [
        choice.Chosen(c.dataset, c.include, c.reason, _name(c.chosen_by), c.column)
        for c in case.dataset_choices.select_related("chosen_by__profile")
    ]


def _name(user) -> str:
    profile = getattr(user, "profile", None)  # the name they sign with, once on record
    return (profile and profile.full_name) or user.get_username()


def held(case: Case) -> dict[str, str]:
    return {label: why for hold in _holds for label, why in hold(case).items()}


def _accounts(case: Case) -> tuple[list[str], list[str], list[dict]]:
    """The accounts the targets matched, a line on each target for the cover letter, and
    the targets that give no account, with why."""
    reasons = {
        Match.Status.NONE: "no records",
        Match.Status.AMBIGUOUS: AMBIGUOUS,
    }
    accounts, lines, unmatched = [], [], []
    held_back = held(case)
    for target in case.targets.select_related("match"):
        match = getattr(target, "match", None)
        label = target.label
        if label in held_back:
            unmatched.append({"what": label, "reason": held_back[label]})
            lines.append(f"{label}: {held_back[label]}")
            continue
        if match is not None and match.status == Match.Status.MATCHED:
            accounts.append(match.account)
            lines.append(f"{label}: account {match.account}")
            continue
        if match is None:
            reason = "not yet looked up"
        else:
            reason = reasons.get(match.status) or match.note or "cannot be looked up"
        unmatched.append({"what": label, "reason": reason})
        lines.append(f"{label}: {reason}")
    return accounts, lines, unmatched


def preview(case: Case) -> tuple[Plan, list[dict]]:
    """Row counts and columns per dataset, before anything is sealed."""
    connector = current_connector()
    chosen = plan(case, connector)
    counts = []
    with connector.engine().connect() as connection:
        for selection in chosen.datasets:
            dataset, window = selection.dataset, chosen.window
            rows = sum(
                connectors.count(connection, dataset, a, window, selection.directions)
                for a in chosen.accounts
            )
            counts.append(
                {
                    "category": dataset.category,
                    "dataset": dataset.name,
                    "holds": dataset.holds,
                    "rows": rows,
                    "selection": selection,
                    "directions": sorted(selection.directions) if dataset.directions else [],
                    "columns": connectors.columns(connection, dataset, window),
                }
            )
    return chosen, counts


def choose_dataset(
    case: Case, user, dataset: str, include: bool, reason: str, column: str = ""
) -> DatasetChoice:
    """A person leaves a dataset, or one of its columns, out of the case's package, or
    includes one (a dataset of a category the decision allows, a column left out before),
    always saying why."""
    require_worker(user)
    if case.state not in RESOLVABLE:
        raise Refused("What a package holds is chosen once the case is approved.")
    if not reason.strip():
        raise Refused(
            "Say why this is left out or included: the reason goes with the package.",
            field="reason",
        )
    connector = current_connector()
    _check_choice(case, plan(case, connector), connector, dataset, column, include)
    with transaction.atomic():
        made = DatasetChoice.objects.create(
            case=case,
            dataset=dataset,
            column=column,
            include=include,
            reason=reason.strip(),
            chosen_by=user,
        )
        action = "custodes.production.included" if include else "custodes.production.left_out"
        what = f"the column {column} of {dataset}" if column else dataset
        record(action, user, case.subject, {"what": what, "reason": made.reason})
    return made


def _check_choice(case, chosen: Plan, connector, name: str, column: str, include: bool) -> None:
    dataset = next((d for d in connector.datasets if d.name == name), None)
    if dataset is None:
        raise Refused(f"The provider's connector has no dataset {name!r}.", field="dataset")
    selected = next((s for s in chosen.datasets if s.dataset.name == name), None)
    if not column:
        if include and dataset.category not in _allowed_categories(case):
            raise Refused(
                f"{name} holds {dataset.category} records, which the decision on this demand "
                "does not allow: it cannot be included."
            )
        if include and dataset not in chosen.others:
            raise Refused(f"{name} is in the package already.")
        if not include and selected is None:
            raise Refused(f"{name} is not in the package.")
        return
    if selected is None:
        raise Refused(f"{name} is not in the package: include it before choosing its columns.")
    if include and column not in selected.without:
        raise Refused(f"The column {column} of {name} is not left out.")
    if not include:
        with connector.engine().connect() as connection:
            known = connectors.columns(connection, dataset, chosen.window)
        if column not in known:
            raise Refused(
                f"{name} has no column {column!r} (it has {', '.join(known)}).", field="column"
            )


@transaction.atomic
def begin_seal(case: Case, user) -> tuple[Production, str]:
    """Start sealing a package; returns it and the key that opens it, shown to staff once
    and kept nowhere (only its public half is stored)."""
    require_worker(user)
    if signer(user) is None:
        raise Refused(
            "The certificate and the cover letter are signed with your full name and title, "
            "which custodes does not have yet: ask an administrator to set them on the staff "
            "page (/staff/)."
        )
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.state != State.PRODUCING:
        raise Refused("A package is sealed only once the case is producing (after notice).")
    refusal = gate.disclosure_refusal(case)
    if refusal:
        raise Refused(refusal)
    if case.productions.filter(status=Production.Status.SEALING).exists():
        raise Refused("A package of this case is being sealed already.")
    chosen = plan(case)
    if chosen.undecided:
        raise Refused(
            f"{', '.join(chosen.undecided)} named several accounts: choose one (or none) first."
        )
    if not chosen.accounts:
        reasons = sorted({item["reason"] for item in chosen.left_out if item["what"] in held(case)})
        raise Refused(f"No account to produce: {'; '.join(reasons) or 'look the targets up'}.")
    key = x25519.Identity.generate()
    production = Production.objects.create(
        case=case, recipient=str(key.to_public()), created_by=user
    )
    record("custodes.production.started", user, case.subject, {"production": production.pk})
    return production, str(key)


def seal(production_id: int) -> Production:
    """Write the package (the background work's body). On any failure the production is
    marked failed with the reason, the partial file removed, and the case left as it was."""
    production = Production.objects.select_related("case__demand", "created_by").get(
        pk=production_id
    )
    if production.status != Production.Status.SEALING:
        return production
    folder = Path(settings.MEDIA_ROOT) / "productions" / "partial"
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, suffix=".age", delete=True) as partial:
        try:
            contents, chosen = _write(production, partial)
            partial.flush()
        except Exception as error:  # any failure is recorded; nothing is half-sealed
            _failed(production, error)
            raise
        _sealed(production, partial, contents, chosen)
    return production


def _write(production: Production, output):
    case = production.case
    connector = current_connector()
    chosen = plan(case, connector)
    facts = _facts(production, chosen)
    with connector.engine().connect() as connection, connectors.snapshot(connection):
        parts = [_part(connection, selection, chosen) for selection in chosen.datasets]
        contents = package.write(
            output,
            production.recipient,
            parts,
            chosen.left_out,
            lambda written: documents.documents(facts, written),
        )
    return contents, chosen


def _part(connection, selection: choice.Selection, chosen: Plan) -> package.Part:
    dataset = selection.dataset

    def streams():
        return [
            connectors.stream(
                connection, dataset, a, chosen.window, selection.directions, selection.without
            )
            for a in chosen.accounts
        ]

    return package.Part(str(dataset.category), dataset.name, streams)


def _facts(production: Production, chosen: Plan) -> documents.Facts:
    case = production.case
    request = case.demand.structured
    signed_by = production.created_by.profile
    return documents.Facts(
        provider=provider_name(),
        reference=case.reference,
        requester=", ".join(p for p in (request.requester.name, request.agency) if p),
        case_number=case.demand.case_number,
        instrument=words.instrument(request.instrument),
        authority="; ".join(request.authority),
        received_on=case.demand.received_on.isoformat(),
        produced_on=timezone.localdate().isoformat(),
        signer=signed_by.full_name,
        signer_title=signed_by.title,
        accounts=chosen.account_lines,
        left_out=chosen.left_out,
    )


def _sealed(production: Production, partial, contents: package.Contents, chosen: Plan) -> None:
    partial.seek(0)
    digest = hashlib.file_digest(partial, "sha256").hexdigest()
    partial.seek(0)
    with transaction.atomic():
        production.archive.save(production.file_name, File(partial), save=False)
        production.size = production.archive.size
        production.sha256 = digest
        production.manifest = {
            "files": [f.to_dict() for f in contents.files],
            "rows": contents.rows,
            "left_out": chosen.left_out,
            "accounts": chosen.accounts,
            "rows_refused_by_checks": contents.refused,
        }
        production.status, production.sealed_at = Production.Status.SEALED, timezone.now()
        production.save()
        data = {
            "production": production.pk,
            "sha256": digest,
            "rows": contents.rows,
            "left_out": [item["what"] for item in chosen.left_out],
        }
        record("custodes.production.sealed", production.created_by, production.case.subject, data)
        if sum(contents.rows.values()):
            # Data leaves the provider with the first package that holds any.
            Case.objects.filter(pk=production.case_id, disclosed_on=None).update(
                disclosed_on=timezone.localdate(), updated_at=timezone.now()
            )


def _failed(production: Production, error: Exception) -> None:
    give_up(production, f"{type(error).__name__}: {error}"[:1000])


@transaction.atomic
def give_up(production: Production, reason: str) -> None:
    """Mark a production that is being sealed failed, once, with its reason."""
    sealing = Production.objects.filter(pk=production.pk, status=Production.Status.SEALING)
    if not sealing.update(status=Production.Status.FAILED, error=reason):
        return
    record(
        "custodes.production.failed",
        None,
        production.case.subject,
        {"production": production.pk, "error": reason},
    )


def download_expires(production: Production):
    return production.sealed_at + timedelta(days=settings.CUSTODES_DOWNLOAD_DAYS)


@transaction.atomic
def open_archive(production: Production, who, by_requester: bool):
    """The sealed archive for download; every download is audited."""
    if production.status != Production.Status.SEALED:
        raise Refused("This package is not sealed.")
    if by_requester and timezone.now() > download_expires(production):
        raise Refused(
            "This download has expired. Ask the provider to make the package available again."
        )
    record(
        "custodes.production.downloaded",
        who,
        production.case.subject,
        {"production": production.pk, "by": "requester" if by_requester else "staff"},
    )
    return production.archive.open("rb")
