"""The figures the report counts for one group of cases: a country and process, an agency,
a statute. No Django here."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

COUNTS = (
    "requests",
    "accounts",
    "produced",
    "nondisclosure",
    "withdrawn",
    "quashed",
    "rejected",
    "preserved_accounts",
    "notices_sent",
    "notices_delayed",
    "notices_waiting",
    "objections",
)


@dataclass
class Figures:
    requests: int = 0
    accounts: int = 0
    produced: int = 0
    nondisclosure: int = 0
    withdrawn: int = 0
    quashed: int = 0
    rejected: int = 0
    preserved_accounts: int = 0
    notices_sent: int = 0  # before production, with time to object
    notices_delayed: int = 0  # sent after a court's order ended or an emergency passed
    notices_waiting: int = 0  # not yet sent: an order in force, or the child-safety hold
    objections: int = 0
    days: Counter = field(default_factory=Counter)  # days to answer → closed cases
    # outcome ("open" for a case not yet closed) → cases; kept for the breakdowns only
    outcomes: Counter = field(default_factory=Counter)
    # Challenges: demands challenged by each side ("provider", "users"); challenges by their
    # ruling; and by side and ruling (one filed by both counts on each side).
    challenged: Counter = field(default_factory=Counter)
    rulings: Counter = field(default_factory=Counter)
    rulings_by_side: Counter = field(default_factory=Counter)

    def add(self, other: Figures) -> None:
        for name in COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.days.update(other.days)
        self.outcomes.update(other.outcomes)
        self.challenged.update(other.challenged)
        self.rulings.update(other.rulings)
        self.rulings_by_side.update(other.rulings_by_side)

    @property
    def percent_produced(self) -> int | None:
        return round(100 * self.produced / self.requests) if self.requests else None

    @property
    def percent_nondisclosure(self) -> int | None:
        return round(100 * self.nondisclosure / self.requests) if self.requests else None

    @property
    def median_days(self) -> float | None:
        """The median of the days closed cases took, from their counts per day."""
        total = sum(self.days.values())
        if not total:
            return None
        wanted, found, seen = ((total - 1) // 2, total // 2), {}, 0
        for days, count in sorted(self.days.items()):
            for position in wanted:
                if position not in found and position < seen + count:
                    found[position] = days
            seen += count
        return (found[wanted[0]] + found[wanted[1]]) / 2
