"""The roles of a document's parts and their words, as data (vocab/parts.toml): apart from the
rules that split a document into parts (`parts`), for the readers that ask for a part's
labels alone and need none of those rules' patterns. No Django here.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

OTHER = "other"
ROLES = (
    "letterhead",
    "email_headers",
    "cover_letter",
    "caption",
    "addressee",
    "command",
    "attachment",
    "schedule",
    "targets",
    "period",
    "reason",
    "secrecy",
    "signature",
    "contact",
    "boilerplate",
    OTHER,
)


@cache
def vocabulary() -> dict:
    """vocab/parts.toml, its roles checked."""
    path = resources.files("custodes.intake") / "vocab" / "parts.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    unknown = set(data["labels"]) | {g["role"] for g in data["headings"]}
    unknown |= {g["role"] for g in data["phrases"]} | set(data["introduces"].values())
    if unknown - set(ROLES):
        raise ValueError(f"vocab/parts.toml names roles that are not roles: {unknown - set(ROLES)}")
    return data


@cache
def labels() -> list[tuple[str, str]]:
    """Each label with its role, the longest first."""
    pairs = [(label, role) for role, words in vocabulary()["labels"].items() for label in words]
    return sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)
