"""Builders the tests share: a structured request with sensible defaults, and a config."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from custodes.law import Request, ReviewConfig, review

RECEIVED_ON = date(2026, 11, 23)
CASES = Path(__file__).resolve().parents[2] / "shared" / "cases"


def request(**overrides: Any) -> Request:
    """A clean grand jury subpoena for subscriber records; override what a test is about."""
    data: dict[str, Any] = {
        "instrument": "grand_jury_subpoena",
        "authority": [],
        "agency": "Federal Bureau of Investigation",
        "country": "US",
        "addressed_to": "Parley Social, Inc.",
        "requester": {"name": "SA Test", "email": "agent@fbi.gov", "phone": "+12025550100"},
        "issued_on": "2026-11-16",
        "return_by": "2027-01-12",
        "signed": True,
        "selectors": [{"kind": "username", "value": "someone"}],
        "categories": ["subscriber"],
        "date_range": {"start": "2026-01-01", "end": "2026-11-01"},
        "nondisclosure": {"present": False, "court_ordered": False, "expires_on": None},
        "emergency": False,
        "purpose": "An investigation of wire fraud (18 U.S.C. § 1343).",
    }
    data.update(overrides)
    return Request.from_dict(data)


def config(**overrides: Any) -> ReviewConfig:
    values: dict[str, Any] = {"received_on": RECEIVED_ON, "providers": ("Parley Social, Inc.",)}
    values.update(overrides)
    return ReviewConfig(**values)


def decide(**overrides: Any):
    return review(request(**overrides), config())


def codes(decision) -> set[str]:
    return {str(code) for code in decision.codes}
