"""The thresholds a deployment may set. Unset (None), each is the rule pack's own value, from
the `[defaults]` of `packs/<pack>.toml`: the pack is the one place the numbers are written."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any

THRESHOLDS = ("challenge_window_days", "max_selectors", "max_date_range_days")


@dataclass(frozen=True)
class ReviewConfig:
    received_on: date
    providers: tuple[str, ...] = ()  # names the deployment answers to; empty skips the check
    challenge_window_days: int | None = None
    max_selectors: int | None = None
    max_date_range_days: int | None = None
    government_domains: tuple[str, ...] = ()  # the deployment's own additions to the list

    def __post_init__(self):
        for name in THRESHOLDS:
            value = getattr(self, name)
            if value is not None and value < 1:
                raise ValueError(f"{name} must be at least 1, not {value}")

    def filled(self, defaults: dict[str, Any]) -> ReviewConfig:
        """This configuration with each threshold left unset taken from `defaults` (a rule
        pack's)."""
        return _filled(self, tuple(defaults[name] for name in THRESHOLDS))


@lru_cache(maxsize=64)
def _filled(config: ReviewConfig, values: tuple[int, ...]) -> ReviewConfig:
    """Made once for a configuration and a pack's values, not on every review: a deployment
    reviews demand after demand with the same settings, and a configuration never changes."""
    unset = {
        name: value
        for name, value in zip(THRESHOLDS, values, strict=True)
        if getattr(config, name) is None
    }
    return replace(config, **unset) if unset else config
