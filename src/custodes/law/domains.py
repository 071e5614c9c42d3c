"""Is an e-mail domain a government's? Known by name on a real list (CISA's registered .gov
domains, the curated list of government and police domains elsewhere), under a zone only
governments register in, or neither; and which known domain a stranger copies.

Both lists are read once and looked up in dictionaries: the check runs on every demand.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib import resources

from custodes.law import dotgov
from custodes.law.domain_names import ascii_form, unicode_form

DOTGOV = "gov"  # known by name only from CISA's list; the zone alone proves nothing more

# Characters and pairs that read as another letter: fbі.gov with a Cyrillic і, usd0j, rnet for met.
_HOMOGLYPHS = str.maketrans(
    {
        "0": "o",
        "1": "l",
        "3": "e",
        "5": "s",
        "7": "t",
        "а": "a",
        "е": "e",
        "о": "o",
        "р": "p",
        "с": "c",
        "х": "x",
        "у": "y",
        "і": "i",
        "ј": "j",
        "ԁ": "d",
        "ѕ": "s",
        "ӏ": "l",
        "ɡ": "g",
        "í": "i",
        "ì": "i",
        "ó": "o",
        "é": "e",
        "á": "a",
    }
)
_DIGRAPHS = (("rn", "m"), ("vv", "w"), ("cl", "d"), ("ii", "u"))
# Spellings that stand in for a government word in a domain that is not one: county-police.net.
_CLAIM = re.compile(r"(^|[.-])(gov|g0v|qov|gouv|govt|mil|police|polizei|bund)([.-]|$)")


@dataclass(frozen=True)
class DomainCheck:
    domain: str
    verified: bool  # a government's: known by name, or under a zone only governments register
    listed: bool = False  # known by name: on CISA's list, the curated list or the deployment's
    country: str | None = None
    holder: str | None = None  # who the list says holds it


@dataclass(frozen=True)
class Curated:
    as_of: date
    suffixes: dict[str, str]  # zone -> country
    domains: dict[str, tuple[str, str]]  # domain -> (holder, country)
    us_local: tuple[re.Pattern[str], ...]


@cache
def curated() -> Curated:
    with (resources.files("custodes.law") / "data" / "government.toml").open("rb") as handle:
        data = tomllib.load(handle)
    return Curated(
        data["as_of"],
        {entry["suffix"]: entry["country"] for entry in data["suffixes"]},
        {entry["domain"]: (entry["name"], entry["country"]) for entry in data["domains"]},
        tuple(re.compile(p) for p in data["us_local_patterns"]),
    )


def lists_as_of() -> str:
    return (
        f"CISA's list of registered .gov domains as of {dotgov.registered().as_of}, and "
        f"custodes' list of government domains elsewhere as of {curated().as_of}"
    )


def check_domain(domain: str, extra: tuple[str, ...] = ()) -> DomainCheck:
    return _check(domain.strip().lower().rstrip("."), extra)


@lru_cache(maxsize=8192)
def _check(domain: str, extra: tuple[str, ...]) -> DomainCheck:
    if any(_within(domain, d.lower()) for d in extra):
        return DomainCheck(domain, True, True, holder="this deployment's own list")
    shown = unicode_form(domain)
    if shown is None:  # xn--zz.gov: a zone proves nothing of a name that is none
        return DomainCheck(domain, verified=False)
    domain = ascii_form(domain) or domain
    labels = domain.split(".")
    known, lists = dotgov.registered().domains, curated()
    for index in range(len(labels)):  # ny.fbi.gov is fbi.gov's; troopers.ny.gov is ny.gov's
        parent = ".".join(labels[index:])
        if parent in known:
            return DomainCheck(domain, True, True, "US", known[parent].holder)
        if parent in lists.domains:
            holder, country = lists.domains[parent]
            return DomainCheck(domain, True, True, country or None, holder)
    country = _zone_country(domain, labels, lists)
    if country is None or _copied(shown, in_zone=True):  # rnet.police.uk is no force's
        return DomainCheck(domain, verified=False)
    return DomainCheck(domain, True, country=country or None)


def _zone_country(domain: str, labels: list[str], lists: Curated) -> str | None:
    """The country of the government zone the domain is under ("" for none in particular),
    or None when it is under none."""
    for index in range(len(labels)):  # longest zone first: "police.uk" before "uk"
        zone = ".".join(labels[index:])
        if zone in lists.suffixes:
            return lists.suffixes[zone]
        if zone == DOTGOV:
            return "US"
    return "US" if any(p.search(domain) for p in lists.us_local) else None


def look_alike(domain: str) -> str | None:
    """The known domain this one copies outright, or None. A known domain copies nothing."""
    shown = unicode_form(domain)
    if shown is None or check_domain(domain).listed:
        return None
    labels = (ascii_form(shown) or shown).split(".")
    return _copied(shown, in_zone=_zone_country(shown, labels, curated()) is not None)


def _copied(shown: str, in_zone: bool) -> str | None:
    """Any domain may copy a known one with look-alike characters (fbі.gov, rnet.police.uk);
    one outside the government zones also by adding an ending (fbi.gov.co), turning its dots
    to hyphens (met-police.uk, fbi-gov.com) or running it together (fbigov.net)."""
    folded, joined = _deception_index()
    if folded.get(fold(shown), shown) != shown:  # police.uk, a zone, is no copy of itself
        return folded[fold(shown)]
    if in_zone:  # wa.gov.au is Western Australia's, not a copy of Washington's wa.gov
        return next((a for a in imitated_agencies() if shown.startswith(a + ".")), None)
    for variant in dict.fromkeys((shown, shown.replace("-", "."))):
        hit = next((folded[s] for s in _spans(fold(variant)) if s in folded), None)
        if hit:
            return hit
    words = {run for label in fold(shown).split(".") for run in _runs(label)}
    return next(
        (joined[word] for word in sorted(words, key=len, reverse=True) if word in joined), None
    )


def claims_government(domain: str) -> bool:
    """A government word in a domain that is not a government's: county-police.net, fbi.qov."""
    head, _, last = domain.rpartition(".")
    return bool(_CLAIM.search(head)) or last in {"qov", "g0v", "gouv"}


def fold(text: str) -> str:
    folded = text.translate(_HOMOGLYPHS)
    for pair, letter in _DIGRAPHS:
        folded = folded.replace(pair, letter)
    return folded


@cache
def _deception_index() -> tuple[dict[str, str], dict[str, str]]:
    """Every known domain by its folded spelling, and by its labels run together."""
    known = [*dotgov.registered().domains, *curated().domains, *imitated_agencies()]
    folded = {fold(domain): domain for domain in known}
    joined = {fold(domain.replace(".", "")): domain for domain in known}
    return folded, joined


@cache
def imitated_agencies() -> tuple[str, ...]:
    """The agencies forgers imitate most (packs/domains.toml), judged with looser rules too."""
    with (resources.files("custodes.law") / "packs" / "domains.toml").open("rb") as handle:
        return tuple(tomllib.load(handle)["agencies"]["domains"])


def _spans(domain: str) -> list[str]:
    """Every run of two labels or more, the longest first: a.fbi.gov.co's fbi.gov among them."""
    labels = domain.split(".")
    return [
        ".".join(labels[start : start + length])
        for length in range(len(labels), 1, -1)
        for start in range(len(labels) - length + 1)
    ]


def _runs(label: str) -> list[str]:
    """A label and every run of its hyphen-separated words: secure-fbigov-login's fbigov."""
    parts = label.split("-")
    return [
        "".join(parts[start:end])
        for start in range(len(parts))
        for end in range(start + 1, len(parts) + 1)
    ]


def _within(domain: str, suffix: str) -> bool:
    return domain == suffix or domain.endswith("." + suffix)
