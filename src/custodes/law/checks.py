"""One function per finding (or family of findings), each returning what it raised.

The engine runs every check; a check that does not apply returns nothing. Findings are
sorted into the contract's order afterwards, so the order here is only for reading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from functools import lru_cache

from custodes.law import meaning
from custodes.law.context import Context, category_list
from custodes.law.decision import Finding
from custodes.law.domains import check_domain, claims_government, look_alike
from custodes.law.request import DateRange, Request
from custodes.law.vocab import Category, Code, Instrument, Severity

Check = Callable[[Context], Iterator[Finding]]


def withholding(ctx: Context) -> Iterator[Finding]:
    """One finding per code that withholds a category the process does not reach."""
    by_code: dict[Code, list[Category]] = {}
    for category in ctx.request.categories:
        if category in ctx.rule.reaches:
            continue
        code = ctx.pack.withholding_code(ctx.rule, category)
        if code is not None:
            by_code.setdefault(code, []).append(category)
    if ctx.rule.withheld_all is Code.NO_LEGAL_PROCESS and not ctx.request.categories:
        by_code[Code.NO_LEGAL_PROCESS] = []
    for code, categories in by_code.items():
        named = category_list(categories) if categories else "any record"
        yield ctx.finding(code, categories=named)


def not_signed(ctx: Context) -> Iterator[Finding]:
    if ctx.request.signed is not False or ctx.rule.kind == "request":
        return
    if ctx.rule.kind == "order":
        yield ctx.finding(Code.NOT_SIGNED, signer="a judge")
    else:
        yield ctx.finding(Code.NOT_SIGNED, Severity.WARN, signer="an issuing official")


def expired(ctx: Context) -> Iterator[Finding]:
    request, received = ctx.request, ctx.config.received_on
    reasons = []
    service_days = ctx.pack.defaults["warrant_service_days"]
    if request.instrument is Instrument.SEARCH_WARRANT and request.execute_by:
        if received > request.execute_by:
            reasons.append(
                f"The warrant was to be executed by {request.execute_by}, as it says itself, "
                f"and was received on {received}."
            )
    elif request.instrument is Instrument.SEARCH_WARRANT and request.issued_on:
        late = (received - request.issued_on).days
        if late > service_days:
            reasons.append(
                f"The warrant was issued on {request.issued_on} and received on {received}, "
                f"{late} days later; a warrant must be executed within {service_days} days."
            )
    if request.return_by and request.return_by < received:
        reasons.append(
            f"Its return date, {request.return_by}, had passed when it was received on {received}."
        )
    if reasons:
        yield ctx.finding(Code.EXPIRED, reason=" ".join(reasons))


def wrong_addressee(ctx: Context) -> Iterator[Finding]:
    providers, addressed = ctx.config.providers, ctx.request.addressed_to
    if not providers or not addressed:
        return
    key = _company_key(addressed)
    if not any(_same_company(key, p) for p in _provider_keys(providers)):
        yield ctx.finding(
            Code.WRONG_ADDRESSEE, addressed_to=addressed, providers=" or ".join(providers)
        )


_CORPORATE = re.compile(
    r"\b(inc|incorporated|llc|l\.l\.c|ltd|limited|corp|corporation|co|company|plc|gmbh|"
    r"ag|sa|bv|lp|llp|pllc)\b\.?"
)
_NON_WORD = re.compile(r"[^\w]+")


def _company_key(name: str) -> str:
    lowered = _CORPORATE.sub(" ", name.lower())
    return " ".join(_NON_WORD.sub(" ", lowered).split())


@lru_cache(maxsize=16)
def _provider_keys(providers: tuple[str, ...]) -> tuple[str, ...]:
    """The deployment's names as `_company_key` writes them: the same on every review."""
    return tuple(_company_key(name) for name in providers)


def _same_company(a: str, p: str) -> bool:
    """Whether two names, as `_company_key` writes them, are one company's."""
    return bool(a and p) and (a == p or f" {p} " in f" {a} " or f" {a} " in f" {p} ")


def selectors(ctx: Context) -> Iterator[Finding]:
    request, limit = ctx.request, ctx.config.max_selectors
    if not request.selectors and not request.population:
        yield ctx.finding(Code.NO_SELECTORS)
    reasons = []
    if request.population:
        reasons.append(
            f"The demand reaches users as a class ({request.population}) rather than naming "
            "accounts."
        )
    if len(request.selectors) > limit:
        reasons.append(
            f"It names {len(request.selectors)} account identifiers, more than the limit of "
            f"{limit}."
        )
    if reasons:
        yield ctx.finding(Code.OVERBROAD_SELECTORS, reason=" ".join(reasons))


def records_named(ctx: Context) -> Iterator[Finding]:
    """A preservation request preserves what it names or the whole account; any other demand
    must name records that read as a data category."""
    if not ctx.request.categories and ctx.instrument is not Instrument.PRESERVATION_REQUEST:
        yield ctx.finding(Code.NO_RECORDS_NAMED)


def date_range(ctx: Context) -> Iterator[Finding]:
    limit, span = ctx.config.max_date_range_days, ctx.request.date_range
    if span is None or span.start is None:
        span = _instants(ctx.request)  # "198.51.100.7 at 2026-10-30T16:22Z": from first to last
    if span is None:
        reason = "The demand sets no start date for the records it asks for."
    else:
        end = span.end or ctx.config.received_on
        days = (end - span.start).days + 1
        if days <= limit:
            return
        reason = f"The demand covers {days} days ({span.start} to {end}), more than {limit}."
    yield ctx.finding(Code.OVERBROAD_DATE_RANGE, reason=reason, limit=limit)


def _instants(request: Request) -> DateRange | None:
    days = sorted(date.fromisoformat(s.at[:10]) for s in request.selectors if s.at)
    return DateRange(days[0], days[-1]) if days else None


def authority_mismatch(ctx: Context) -> Iterator[Finding]:
    if ctx.instrument is not Instrument.ADMINISTRATIVE_SUBPOENA:
        return
    for authority in ctx.request.authority:
        statute = ctx.pack.statute_field(authority)
        if statute is None:
            continue
        evidence = meaning.field_evidence(statute, ctx.reason)
        if evidence == []:
            yield ctx.finding(
                Code.AUTHORITY_MISMATCH,
                statute=statute.cite,
                field=statute.field,
                purpose=_excerpt(ctx.request.purpose),
                statute_citation=statute.citation,
            )


def anonymous_speech(ctx: Context) -> Iterator[Finding]:
    # Every demand asks for something about the account: "subscriber or more" is any of it,
    # including what intake could not name.
    if ctx.request.emergency and ctx.reason.danger:
        return  # a danger to someone's life that the emergency describes is no attack on speech
    evidence = ctx.reason.speech
    if evidence:
        yield ctx.finding(Code.ANONYMOUS_SPEECH_RISK, evidence=", ".join(evidence))


def nondisclosure(ctx: Context) -> Iterator[Finding]:
    # The statutory secrecy of a national security letter is not an order (§ 2709(c)).
    if ctx.instrument is Instrument.NATIONAL_SECURITY_LETTER:
        return
    order = ctx.request.nondisclosure
    # an order no judge has signed orders nothing yet: its secrecy is only asked
    if order.court_ordered and not _unsigned_order(ctx):
        if order.expires_on is None:
            yield ctx.finding(Code.NDO_IN_FORCE, until="")
            yield ctx.finding(Code.NDO_UNBOUNDED)
        elif order.expires_on >= ctx.config.received_on:
            yield ctx.finding(Code.NDO_IN_FORCE, until=f" until {order.expires_on}")
    elif order.present:
        yield ctx.finding(Code.NDO_NOT_BINDING)


def _unsigned_order(ctx: Context) -> bool:
    return ctx.request.signed is False and ctx.rule.kind == "order"


def emergency(ctx: Context) -> Iterator[Finding]:
    if ctx.instrument is not Instrument.EMERGENCY_REQUEST:
        return
    if not ctx.reason.danger:
        yield ctx.finding(Code.EMERGENCY_UNSUPPORTED)


def requester(ctx: Context) -> Iterator[Finding]:
    if ctx.instrument is Instrument.CIVIL_SUBPOENA:
        return
    domain = ctx.request.requester.email_domain
    if domain is None:
        return
    result = check_domain(domain, ctx.config.government_domains)
    if result.verified:
        return
    copied = look_alike(domain)
    if copied or claims_government(domain):
        imitated = copied or "a government domain"
        reason = f"The sender's domain {domain} imitates {imitated} but is not it."
    else:
        reason = f"The sender's domain {domain} is not a known government domain."
    reason += " Confirm the demand through the agency's number from an independent source."
    yield ctx.finding(Code.REQUESTER_UNVERIFIED, reason=reason)


def child_safety(ctx: Context) -> Iterator[Finding]:
    evidence = ctx.reason.child_safety
    if evidence:
        yield ctx.finding(Code.CHILD_SAFETY_EXCEPTION, evidence=", ".join(evidence[:3]))


def preservation(ctx: Context) -> Iterator[Finding]:
    if ctx.instrument is Instrument.PRESERVATION_REQUEST:
        days = ctx.pack.defaults["preservation_days"]
        yield ctx.finding(
            Code.PRESERVATION_ONLY,
            received_on=ctx.config.received_on,
            until=ctx.days_after_receipt(days),
        )


def _excerpt(text: str | None, limit: int = 160) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


CHECKS: tuple[Check, ...] = (
    withholding,
    not_signed,
    expired,
    wrong_addressee,
    selectors,
    records_named,
    date_range,
    authority_mismatch,
    anonymous_speech,
    nondisclosure,
    emergency,
    requester,
    child_safety,
    preservation,
)
