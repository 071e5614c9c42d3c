"""The provider's commitments, each in a framework's words and backed by the rows of the rule
pack and the settings that carry it out (`packs/<pack>.policy.toml`). No Django here."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from custodes.law.guidelines import GuidelinesError, pack_rows
from custodes.law.pack import Pack


@dataclass(frozen=True)
class Backing:
    kind: str  # "rule", "default" (of the rule pack) or "setting"
    name: str
    value: str  # a rule's citation, a default's or a setting's value


@dataclass(frozen=True)
class Commitment:
    framework: str
    element: str
    asks: str
    commitment: str
    page: str
    backed_by: tuple[Backing, ...]


@cache
def load_commitments(pack_name: str) -> tuple[dict[str, Any], ...]:
    path = resources.files("custodes.law") / "packs" / f"{pack_name}.policy.toml"
    with path.open("rb") as handle:
        return tuple(tomllib.load(handle)["commitments"])


def commitments(
    pack: Pack, settings: dict[str, Any], entries: tuple[dict[str, Any], ...] | None = None
) -> tuple[Commitment, ...]:
    """The commitments, each with its rules' citations and its defaults' and settings' values;
    a rule or default the pack no longer has, or a setting the desk does not know, is an error."""
    rows = pack_rows(pack)
    return tuple(
        _commitment(entry, rows, pack.defaults, settings)
        for entry in (entries if entries is not None else load_commitments(pack.name))
    )


def _commitment(
    entry: dict[str, Any], rows: dict[str, str], defaults: dict[str, int], settings: dict[str, Any]
):
    where = f"commitment {entry['element']}"
    for rule in entry.get("rules", ()):
        if rule not in rows:
            raise GuidelinesError(f"{where} rests on {rule}, which the rule pack does not have")
    for name in entry.get("defaults", ()):
        if name not in defaults:
            raise GuidelinesError(f"{where} rests on the default {name}, which the pack lacks")
    for name in entry.get("settings", ()):
        if name not in settings:
            raise GuidelinesError(f"{where} rests on the setting {name}, which is not known")
    backed_by = (
        tuple(Backing("rule", r, rows[r]) for r in entry.get("rules", ()))
        + tuple(Backing("default", d, str(defaults[d])) for d in entry.get("defaults", ()))
        + tuple(Backing("setting", s, _shown(settings[s])) for s in entry.get("settings", ()))
    )
    values = {**defaults, **settings}
    try:
        text = entry["commitment"].format_map({k: _shown(v) for k, v in values.items()})
    except KeyError as error:
        raise GuidelinesError(f"{where}: {{{error.args[0]}}} is not a setting") from None
    return Commitment(
        entry["framework"], entry["element"], entry["asks"], text, entry["page"], backed_by
    )


def _shown(value: Any) -> str:
    if isinstance(value, (tuple, list)):
        return ", ".join(map(str, value)) or "(none set)"
    return str(value)
