"""The thresholds a deployment may set, with the contract's defaults."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ReviewConfig:
    received_on: date
    providers: tuple[str, ...] = ()  # names the deployment answers to; empty skips the check
    challenge_window_days: int = 14
    max_selectors: int = 25
    max_date_range_days: int = 366
    government_domains: tuple[str, ...] = ()  # the deployment's own additions to the list

    def __post_init__(self):
        for name in ("challenge_window_days", "max_selectors", "max_date_range_days"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, not {getattr(self, name)}")
