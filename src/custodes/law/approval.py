"""Who may approve a decision to produce: a reviewer, or only counsel, and why.

Counsel approves wherever the engine did not itself say to produce, and wherever a finding
of severity `escalate` or `block` bears on what the decision allows. A finding that withholds
a category (CONTENT_REQUIRES_WARRANT on a subpoena, say) bears only on that category: a
decision that leaves it out does not need counsel for it. Pure: no database.
"""

from __future__ import annotations

from collections.abc import Iterable

from custodes.law.pack import Pack, load_pack
from custodes.law.vocab import Action, Category, Code, Instrument, Severity

APPROVING = frozenset({Action.PRODUCE, Action.PRODUCE_PARTIAL})
_WEIGHTY = frozenset({Severity.ESCALATE, Severity.BLOCK})


def counsel_reasons(
    instrument: str,
    engine_action: str,
    findings: Iterable[tuple[str, str]],
    allowed: Iterable[str],
    pack: Pack | None = None,
) -> list[str]:
    """Why only counsel may approve producing `allowed` on this review (empty: a reviewer
    may). `findings` are the review's (code, severity) pairs."""
    pack = pack or load_pack()
    allowed = {Category(c) for c in allowed}
    reasons = []
    if Action(engine_action) not in APPROVING:
        reasons.append(f"the engine's decision is to {Action(engine_action).value}")
    concerns = _categories_by_code(pack, Instrument(instrument))
    for code, severity in findings:
        if Severity(severity) not in _WEIGHTY:
            continue
        categories = concerns.get(Code(code))
        if categories is not None and not categories & allowed:
            continue  # it withholds only what the decision leaves out
        reasons.append(f"{code} ({severity})")
    return reasons


def _categories_by_code(pack: Pack, instrument: Instrument) -> dict[Code, set[Category]]:
    """The codes that withhold categories this instrument does not reach, each with them."""
    rule = pack.instruments[instrument]
    concerns: dict[Code, set[Category]] = {}
    for category in Category:
        if category in rule.reaches:
            continue
        code = pack.withholding_code(rule, category)
        if code is not None:
            concerns.setdefault(code, set()).add(category)
    return concerns
