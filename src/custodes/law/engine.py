"""The review engine: a structured request in, a decision with its reasons out.

The action and the notice follow the orders written in the contract
(shared/spec/review.md, "How action follows" and "How notice follows"), read top to bottom.
"""

from __future__ import annotations

from custodes.law.checks import CHECKS
from custodes.law.config import ReviewConfig
from custodes.law.context import Context, with_article
from custodes.law.decision import Decision, Finding, Notice, Withheld
from custodes.law.pack import Pack, load_pack
from custodes.law.request import Request
from custodes.law.vocab import CODE_ORDER, Action, Category, Code, Instrument, NoticeAction

_REJECTS = (Code.WRONG_ADDRESSEE, Code.EXPIRED, Code.NO_LEGAL_PROCESS, Code.EMERGENCY_UNSUPPORTED)
# The findings that stop a whole demand, most decisive first: the reason given for each
# category a stopped demand asked for.
_STOPS_THE_DEMAND = (
    *sorted(_REJECTS, key=CODE_ORDER.__getitem__),
    Code.NOT_SIGNED,
    Code.REQUESTER_UNVERIFIED,
)
_ESCALATES = (Code.ANONYMOUS_SPEECH_RISK, Code.AUTHORITY_MISMATCH, Code.OVERBROAD_SELECTORS)
# The categories in the contract's order, iterated on every review (iterating the enum itself
# costs a generator each time).
_CATEGORIES = tuple(Category)


def review(request: Request, config: ReviewConfig, pack: Pack | None = None) -> Decision:
    ctx = Context(request, config, pack or load_pack())
    findings = sorted(
        (finding for check in CHECKS for finding in check(ctx)),
        key=lambda f: CODE_ORDER[f.code],
    )
    by_code = {f.code: f for f in findings}
    reached = tuple(c for c in _CATEGORIES if c in request.categories and c in ctx.rule.reaches)
    action = _action(ctx, by_code, reached)
    allowed = _allowed(request, action, reached)
    return Decision(
        action=action,
        allowed_categories=allowed,
        withheld=_withheld(ctx, by_code, allowed),
        notice=_notice(ctx, action, by_code),
        findings=tuple(findings),
    )


def _action(ctx: Context, by_code: dict[Code, Finding], reached) -> Action:
    instrument, rule = ctx.instrument, ctx.rule
    if (
        any(code in by_code for code in _REJECTS)
        or (Code.NOT_SIGNED in by_code and rule.kind == "order")
        or (Code.REQUESTER_UNVERIFIED in by_code and instrument is Instrument.EMERGENCY_REQUEST)
    ):
        return Action.REJECT
    if (
        Code.NO_SELECTORS in by_code
        or Code.NO_RECORDS_NAMED in by_code
        or instrument is Instrument.UNKNOWN
        or Code.REQUESTER_UNVERIFIED in by_code
    ):
        return Action.CLARIFY
    if any(code in by_code for code in _ESCALATES):
        return Action.ESCALATE
    if instrument is Instrument.PRESERVATION_REQUEST:
        return Action.PRESERVE
    if len(reached) == len(ctx.request.categories):
        return Action.PRODUCE
    return Action.PRODUCE_PARTIAL if reached else Action.REJECT


def _allowed(request: Request, action: Action, reached) -> tuple[Category, ...]:
    if action is Action.REJECT:
        return ()
    if action is Action.PRESERVE:
        return tuple(c for c in _CATEGORIES if c in request.categories)
    return reached


def _withheld(ctx: Context, by_code: dict[Code, Finding], allowed) -> tuple[Withheld, ...]:
    """Each category asked for and not allowed, with the finding that withholds it."""
    if ctx.instrument is Instrument.PRESERVATION_REQUEST and allowed:
        return ()
    whole_demand = next((by_code[c] for c in _STOPS_THE_DEMAND if c in by_code), None)
    out = []
    for category in _CATEGORIES:
        if category not in ctx.request.categories or category in allowed:
            continue
        code = (
            ctx.pack.withholding_code(ctx.rule, category)
            if category not in ctx.rule.reaches
            else None
        )
        finding = by_code.get(code) if code else whole_demand
        if finding is None:
            out.append(
                Withheld(
                    category,
                    f"{with_article(ctx.rule.label).capitalize()} does not reach it.",
                    ctx.rule.citation,
                )
            )
        else:
            out.append(Withheld(category, finding.message, finding.citation))
    return tuple(out)


def _notice(ctx: Context, action: Action, by_code: dict[Code, Finding]) -> Notice:
    request = ctx.request
    if action in (Action.REJECT, Action.PRESERVE):
        return Notice(NoticeAction.NONE, "Nothing is disclosed, so there is nothing to tell.")
    if ctx.instrument is Instrument.NATIONAL_SECURITY_LETTER:
        return Notice(
            NoticeAction.PROHIBITED,
            "18 U.S.C. § 2709(c) forbids telling anyone of a national security letter; the "
            "provider may ask for judicial review of the nondisclosure requirement (§ 3511).",
        )
    if ctx.instrument is Instrument.EMERGENCY_REQUEST:
        return Notice(
            NoticeAction.AFTER_EMERGENCY,
            "Tell the user once the emergency has passed.",
        )
    if Code.NDO_IN_FORCE in by_code:
        return Notice(
            NoticeAction.DELAY,
            by_code[Code.NDO_IN_FORCE].message,
            not_before=request.nondisclosure.expires_on,
        )
    if Code.CHILD_SAFETY_EXCEPTION in by_code:
        return Notice(NoticeAction.DELAY, by_code[Code.CHILD_SAFETY_EXCEPTION].message)
    window = ctx.config.challenge_window_days
    return Notice(
        NoticeAction.NOTIFY_BEFORE_PRODUCTION,
        f"Tell the user before producing and wait {window} days for an objection.",
        challenge_window_days=window,
    )
