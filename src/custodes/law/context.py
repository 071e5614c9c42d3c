"""What every check reads: the request, the deployment's settings (each one left unset is
the rule pack's), and the rule pack."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from custodes.law.config import ReviewConfig
from custodes.law.decision import Finding
from custodes.law.meaning import Reason
from custodes.law.pack import InstrumentRule, Pack
from custodes.law.request import Request
from custodes.law.vocab import Category, Code, Instrument, Severity


@dataclass(frozen=True)
class Context:
    request: Request
    config: ReviewConfig
    pack: Pack
    # Worked out once, as the context is made: every check reads them.
    rule: InstrumentRule = field(init=False)
    reason: Reason = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "config", self.config.filled(self.pack.defaults))
        object.__setattr__(self, "rule", self._governing_rule())
        object.__setattr__(self, "reason", Reason.of(self.request.purpose))

    def _governing_rule(self) -> InstrumentRule:
        """The rule that governs the demand: a CLOUD Act order from a country without an
        executive agreement is a foreign request."""
        rule = self.pack.instrument(self.request.instrument)
        if rule.countries and self.request.country not in rule.countries:
            return self.pack.instrument(Instrument.FOREIGN_REQUEST)
        return rule

    @property
    def instrument(self) -> Instrument:
        return self.request.instrument

    def days_after_receipt(self, days: int):
        return self.config.received_on + timedelta(days=days)

    def finding(self, code: Code, severity: Severity | None = None, **fields) -> Finding:
        rule = self.pack.finding(code)
        fields.setdefault("instrument", self.rule.label)
        fields.setdefault("a_instrument", with_article(self.rule.label))
        return Finding(
            code=code,
            severity=severity or rule.severity,
            message=rule.message.format(**fields),
            citation=rule.citation.format(**fields),
        )


def with_article(label: str) -> str:
    return ("an " if label[0].lower() in "aeiou" else "a ") + label


def category_list(categories) -> str:
    names = {
        Category.SUBSCRIBER: "subscriber records",
        Category.TRANSACTIONAL: "transactional records",
        Category.CONTENT: "content",
        Category.LOCATION: "location",
        Category.REALTIME_NONCONTENT: "real-time non-content monitoring",
        Category.REALTIME_CONTENT: "real-time interception of content",
    }
    words = [names[c] for c in categories]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
