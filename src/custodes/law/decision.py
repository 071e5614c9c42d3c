"""The engine's answer: an action, what is withheld and why, notice, and the findings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from custodes.law.vocab import Action, Category, Code, NoticeAction, Severity


@dataclass(frozen=True)
class Finding:
    code: Code
    severity: Severity
    message: str
    citation: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": str(self.code),
            "severity": str(self.severity),
            "message": self.message,
            "citation": self.citation,
        }


@dataclass(frozen=True)
class Withheld:
    category: Category
    reason: str
    citation: str

    def to_dict(self) -> dict[str, Any]:
        return {"category": str(self.category), "reason": self.reason, "citation": self.citation}


@dataclass(frozen=True)
class Notice:
    action: NoticeAction
    reason: str
    challenge_window_days: int | None = None
    not_before: date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "action": str(self.action),
            "challenge_window_days": self.challenge_window_days,
            "not_before": self.not_before.isoformat() if self.not_before else None,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Decision:
    action: Action
    allowed_categories: tuple[Category, ...]
    withheld: tuple[Withheld, ...]
    notice: Notice
    findings: tuple[Finding, ...]

    @property
    def codes(self) -> tuple[Code, ...]:
        return tuple(f.code for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "action": str(self.action),
            "allowed_categories": [str(c) for c in self.allowed_categories],
            "withheld": [w.to_dict() for w in self.withheld],
            "notice": self.notice.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
        }
