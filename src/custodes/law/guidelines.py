"""The published guidelines for requesters, built from a rule pack and the words beside it
(`packs/<pack>.guidelines.toml`): one sentence per row of the pack, each with the pack's own
citation and, for a process, what it reaches and what it does not. No Django here."""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from custodes.law import words
from custodes.law.domains import curated
from custodes.law.pack import Pack
from custodes.law.vocab import Category


class GuidelinesError(ValueError):
    pass


@dataclass(frozen=True)
class Row:
    key: str  # the row of the pack: "instruments.search_warrant", "findings.NOT_SIGNED"
    title: str
    sentence: str
    citation: str
    reaches: tuple[str, ...] = ()
    withheld: tuple[str, ...] = ()
    field: str = ""  # a statute's field


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    paragraphs: tuple[str, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Guidelines:
    title: str
    provider: str
    pack: str
    pack_title: str
    version: str
    dated: date
    sections: tuple[Section, ...]

    def rows(self) -> list[Row]:
        return [row for section in self.sections for row in section.rows]


def pack_rows(pack: Pack) -> dict[str, str]:
    """Every row of the pack, by key, with its citation: what a page must say a sentence of."""
    rows = {f"instruments.{i.value}": r.citation for i, r in pack.instruments.items()}
    rows |= {f"statutes.{s.cite}": s.citation for s in pack.statutes}
    rows |= {f"findings.{c.value}": r.citation for c, r in pack.findings.items()}
    return rows


def government_domains(extra: tuple[str, ...] = ()) -> str:
    """The e-mail domains verified at sign-up, by country ("the .gov domains CISA lists, mil
    (US); gov.uk (GB)"), the deployment's own first; the agencies' own domains outside those
    zones (nypd.org) are named as a list, not one by one."""
    by_country: dict[str, list[str]] = {"US": ["the .gov domains CISA lists"]}
    for suffix, country in curated().suffixes.items():
        by_country.setdefault(country, []).append(suffix)
    listed = [f"{', '.join(suffixes)} ({country})" for country, suffixes in by_country.items()]
    if extra:
        listed.insert(0, ", ".join(extra))
    return "; ".join(listed) + "; and the police and agency domains on custodes' own list"


@cache
def load_words(pack_name: str) -> dict[str, Any]:
    path = resources.files("custodes.law") / "packs" / f"{pack_name}.guidelines.toml"
    with path.open("rb") as handle:
        return tomllib.load(handle)


def build(pack: Pack, facts: dict[str, Any], text: dict[str, Any] | None = None) -> Guidelines:
    """The guidelines of `pack`; `facts` fills the placeholders (the provider's name, address,
    contact, site URL and the desk's settings), over the pack's own defaults."""
    text = text if text is not None else load_words(pack.name)
    values = {**pack.defaults, **facts}
    _check_rows(pack, text)
    rows = _instrument_rows(pack, text) + _statute_rows(pack, text) + _finding_rows(pack, text)
    by_section: dict[str, list[Row]] = {s["key"]: [] for s in text["sections"]}
    for section_key, row in rows:
        if section_key not in by_section:
            raise GuidelinesError(f"{row.key} is put in section {section_key!r}, which has none")
        by_section[section_key].append(_filled(row, values))
    sections = tuple(
        Section(
            key=s["key"],
            title=s["title"],
            paragraphs=tuple(_fill(p, values, s["key"]) for p in s["paragraphs"]),
            rows=tuple(by_section[s["key"]]),
        )
        for s in text["sections"]
    )
    return Guidelines(
        title=text["title"],
        provider=values["provider"],
        pack=pack.name,
        pack_title=pack.title or pack.name,
        version=pack.version,
        dated=_dated(pack),
        sections=sections,
    )


def _dated(pack: Pack) -> date:
    """A pack's version is the day its rules took effect: the guidelines are dated by it."""
    try:
        return date.fromisoformat(pack.version)
    except ValueError:
        raise GuidelinesError(
            f"rule pack {pack.name!r} has version {pack.version!r}; the guidelines are dated by "
            "it, so write it as the day the rules took effect (YYYY-MM-DD)"
        ) from None


def _check_rows(pack: Pack, text: dict[str, Any]) -> None:
    kinds = ("instruments", "statutes", "findings")
    written = {f"{kind}.{key}" for kind in kinds for key in text.get(kind, {})}
    rows = set(pack_rows(pack))
    if missing := sorted(rows - written):
        raise GuidelinesError(
            f"the guidelines of rule pack {pack.name!r} have no sentence for {', '.join(missing)}: "
            f"add one to packs/{pack.name}.guidelines.toml"
        )
    if stale := sorted(written - rows):
        raise GuidelinesError(
            f"packs/{pack.name}.guidelines.toml has sentences for rows the pack no longer has: "
            f"{', '.join(stale)}; remove them"
        )


def _instrument_rows(pack: Pack, text: dict[str, Any]) -> list[tuple[str, Row]]:
    return [
        (
            "process",
            Row(
                key=f"instruments.{instrument.value}",
                title=rule.label[0].upper() + rule.label[1:],
                sentence=text["instruments"][instrument.value]["text"],
                citation=rule.citation,
                reaches=_categories(c for c in Category if c in rule.reaches),
                withheld=_categories(c for c in Category if c not in rule.reaches),
            ),
        )
        for instrument, rule in pack.instruments.items()
    ]


def _statute_rows(pack: Pack, text: dict[str, Any]) -> list[tuple[str, Row]]:
    return [
        (
            "statutes",
            Row(
                key=f"statutes.{statute.cite}",
                title=statute.cite,
                sentence=text["statutes"][statute.cite]["text"],
                citation=statute.citation,
                field=statute.field,
            ),
        )
        for statute in pack.statutes
    ]


def _finding_rows(pack: Pack, text: dict[str, Any]) -> list[tuple[str, Row]]:
    rows = []
    for code, rule in pack.findings.items():
        entry = text["findings"][code.value]
        row = Row(f"findings.{code.value}", code.value, entry["text"], rule.citation)
        rows.append((entry.get("section", "review"), row))
    return rows


def _categories(categories) -> tuple[str, ...]:
    return tuple(words.label("category", c.value) for c in categories)


def _filled(row: Row, values: dict[str, Any]) -> Row:
    return dataclasses.replace(row, sentence=_fill(row.sentence, values, row.key))


def _fill(template: str, values: dict[str, Any], where: str) -> str:
    try:
        return template.format_map(values)
    except KeyError as error:
        raise GuidelinesError(
            f"{where}: the placeholder {{{error.args[0]}}} has no value; "
            f"it can be one of {', '.join(sorted(values))}"
        ) from None
