"""The engine's answer: an action, what is withheld and why, notice, and the findings.

`to_dict` is the shape stored (an `EngineReview.decision`) and printed; `from_dict` reads it
back. The shape has not changed since the first stored review, so there is one reader.
"""

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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        return cls(
            code=Code(data["code"]),
            severity=Severity(data["severity"]),
            message=data["message"],
            citation=data["citation"],
        )


@dataclass(frozen=True)
class Withheld:
    category: Category
    reason: str
    citation: str

    def to_dict(self) -> dict[str, Any]:
        return {"category": str(self.category), "reason": self.reason, "citation": self.citation}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Withheld:
        return cls(Category(data["category"]), data["reason"], data["citation"])


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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Notice:
        not_before = data.get("not_before")
        return cls(
            action=NoticeAction(data["action"]),
            reason=data["reason"],
            challenge_window_days=data.get("challenge_window_days"),
            not_before=date.fromisoformat(not_before) if not_before else None,
        )


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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Decision:
        """The decision `to_dict` gave; a stored one is trusted, so a bad value is a KeyError
        or ValueError, not a refusal."""
        return cls(
            action=Action(data["action"]),
            allowed_categories=tuple(Category(c) for c in data["allowed_categories"]),
            withheld=tuple(Withheld.from_dict(w) for w in data["withheld"]),
            notice=Notice.from_dict(data["notice"]),
            findings=tuple(Finding.from_dict(f) for f in data["findings"]),
        )
