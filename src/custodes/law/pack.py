"""Rule packs: the law as data, loaded from TOML files shipped inside the package."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from custodes.law.terms import Vocabulary
from custodes.law.vocab import Category, Code, Instrument, Severity


@dataclass(frozen=True)
class InstrumentRule:
    instrument: Instrument
    label: str
    kind: str  # subpoena | order | request
    reaches: frozenset[Category]
    withheld: dict[Category, Code]
    withheld_all: Code | None
    countries: frozenset[str]
    citation: str
    withholds: bool = True  # False: no code withholds what it does not reach (`unknown`)


@dataclass(frozen=True)
class FindingRule:
    code: Code
    severity: Severity
    citation: str
    message: str


@dataclass(frozen=True)
class StatuteField:
    cite: str
    keys: frozenset[str]
    field: str
    citation: str
    terms: Vocabulary


@dataclass(frozen=True)
class Pack:
    name: str
    version: str
    defaults: dict[str, int]
    withheld_by_default: dict[Category, Code]
    instruments: dict[Instrument, InstrumentRule]
    findings: dict[Code, FindingRule]
    statutes: tuple[StatuteField, ...]
    title: str = ""

    def instrument(self, instrument: Instrument) -> InstrumentRule:
        return self.instruments[instrument]

    def finding(self, code: Code) -> FindingRule:
        return self.findings[code]

    def withholding_code(self, rule: InstrumentRule, category: Category) -> Code | None:
        if not rule.withholds:
            return None
        if category in rule.withheld:
            return rule.withheld[category]
        return rule.withheld_all or self.withheld_by_default.get(category)

    def statute_field(self, authority: str) -> StatuteField | None:
        key = statute_key(authority)
        return next((s for s in self.statutes if key in s.keys), None)


def statute_key(citation: str) -> str:
    """'8 U.S.C. § 1225(d)', '8 USC 1225(d)(4)' and '8 U.S.C. 1225 (d)' all give '8 usc 1225(d)'."""
    text = citation.lower().replace("§", " ").replace("section", " ")
    text = re.sub(r"u\.?\s*s\.?\s*c\.?", " usc ", text)
    match = re.search(r"(\d+)\s+usc\s+(\d+[a-z]?)\s*(\([a-z0-9]+\))?", text)
    if match:
        return f"{match[1]} usc {match[2]}{match[3] or ''}"
    match = re.search(r"ina\s+(\d+)\s*(\([a-z0-9]+\))?", text)
    if match:
        return f"ina {match[1]}{match[2] or ''}"
    return " ".join(text.split())


def _load_toml(name: str) -> dict[str, Any]:
    path = resources.files("custodes.law") / "packs" / name
    with path.open("rb") as handle:
        return tomllib.load(handle)


@cache
def load_pack(name: str = "us") -> Pack:
    data = _load_toml(f"{name}.toml")
    instruments = {
        Instrument(key): InstrumentRule(
            instrument=Instrument(key),
            label=value["label"],
            kind=value["kind"],
            reaches=frozenset(Category(c) for c in value["reaches"]),
            withheld={Category(c): Code(code) for c, code in value.get("withheld", {}).items()},
            withheld_all=Code(value["withheld_all"]) if "withheld_all" in value else None,
            countries=frozenset(value.get("countries", ())),
            citation=value["citation"],
            withholds=value.get("withholds", True),
        )
        for key, value in data["instruments"].items()
    }
    missing = set(Instrument) - set(instruments)
    if missing:
        raise ValueError(f"rule pack {name!r} has no rule for {sorted(missing)}")
    findings = {
        Code(key): FindingRule(Code(key), Severity(v["severity"]), v["citation"], v["message"])
        for key, v in data["findings"].items()
    }
    missing_codes = set(Code) - set(findings)
    if missing_codes:
        raise ValueError(f"rule pack {name!r} has no text for {sorted(missing_codes)}")
    statutes = tuple(
        StatuteField(
            cite=s["cite"],
            keys=frozenset(statute_key(k) for k in [s["cite"], *s.get("matches", ())]),
            field=s["field"],
            citation=s["citation"],
            terms=Vocabulary(s["terms"]),
        )
        for s in data.get("statutes", ())
    )
    return Pack(
        name=data["name"],
        version=data["version"],
        defaults=data["defaults"],
        withheld_by_default={Category(k): Code(v) for k, v in data["withheld_by_default"].items()},
        instruments=instruments,
        findings=findings,
        statutes=statutes,
        title=data.get("title", ""),
    )


@cache
def load_vocabularies() -> dict[str, dict[str, Vocabulary]]:
    """The meaning vocabularies, by section and name: `vocab['speech']['acts']`."""
    data = _load_toml("meaning.toml")
    return {
        section: {name: Vocabulary(terms) for name, terms in entries.items()}
        for section, entries in data.items()
    }
