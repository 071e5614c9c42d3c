"""The correction form: reading a reviewer's edits of the extracted request, and showing
how the request now differs from what intake read."""

from __future__ import annotations

from typing import Any

from custodes.cases.selector_lines import parse_selector_lines
from custodes.law.vocab import Category

_FIELDS = ("instrument", "agency", "addressed_to", "issued_on", "return_by", "purpose")


def changes_from_form(post) -> dict[str, Any]:
    changes: dict[str, Any] = {field: post.get(field, "").strip() or None for field in _FIELDS}
    changes["categories"] = [
        c for c in post.getlist("categories") if c in Category.__members__.values()
    ]
    changes["selectors"] = parse_selector_lines(post.get("selectors", ""))
    start, end = post.get("date_start", "").strip(), post.get("date_end", "").strip()
    changes["date_range"] = {"start": start or None, "end": end or None} if start or end else None
    changes["nondisclosure"] = {
        "present": post.get("ndo_present") == "on" or post.get("ndo_court_ordered") == "on",
        "court_ordered": post.get("ndo_court_ordered") == "on",
        "expires_on": post.get("ndo_expires_on", "").strip() or None,
    }
    changes["emergency"] = post.get("emergency") == "on"
    return changes


def request_diff(extracted: dict, current: dict) -> list[tuple[str, Any, Any]]:
    return [
        (k, extracted.get(k), current.get(k)) for k in current if extracted.get(k) != current.get(k)
    ]
