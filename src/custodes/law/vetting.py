"""Vetting a requester's sign-up domain: accept, hold for staff, or refuse, with the reason.

Forged demands come from free-mail and from domains made to look like an agency's: one letter
off (fbl.gov.us), letters swapped (fib.gov.com), look-alike characters (fbі.gov with a
Cyrillic і, rn for m, 0 for o), words added (fbi-secure.com, secure-fbi.us), the agency's name
under the wrong top-level domain (fbi.com, fbi.gov.co). Those are refused. A domain on the real
lists (domains.py) is accepted and never judged a look-alike; a .gov domain CISA does not list,
and any other domain that imitates nothing, is held for staff to check against the agency's
published contacts.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from custodes.law.domain_names import unicode_form
from custodes.law.domains import (
    DOTGOV,
    check_domain,
    fold,
    imitated_agencies,
    lists_as_of,
    look_alike,
)

ACCEPT, HOLD, REFUSE = "accept", "hold", "refuse"

_WORDS = re.compile(r"[.\-_]")
_GOV_TOKENS = {"gov", "govt", "mil", "police", "polizei", "gouv", "bund", "doj", "justice"}


@dataclass(frozen=True)
class Vetting:
    verdict: str  # accept | hold | refuse
    reason: str


@cache
def _free_mail() -> frozenset[str]:
    path = resources.files("custodes.law") / "packs" / "domains.toml"
    with path.open("rb") as handle:
        return frozenset(tomllib.load(handle)["free_mail"]["domains"])


def vet_domain(domain: str, allowlist: tuple[str, ...] = ()) -> Vetting:
    raw = domain.strip().lower().rstrip(".")
    shown = unicode_form(raw)
    if shown is None:
        return Vetting(
            REFUSE,
            f"{raw!r} is not a valid domain name (a label's punycode or characters are wrong); "
            "check the address, or sign up from your agency's own.",
        )
    check = check_domain(shown, allowlist)
    if check.listed:
        return Vetting(ACCEPT, f"{shown} is an official government domain ({check.holder}).")
    # Look-alikes are refused even under a real government zone: rnet.police.uk reads as
    # met.police.uk, and fbi.gov.co is Colombia's zone under the FBI's name.
    copied = look_alike(shown)
    if copied:
        return _refuse_imitation(shown, copied)
    if check.verified and not _under_dotgov(shown):
        return Vetting(ACCEPT, f"{shown} is an official government domain.")
    free_mail = _free_mail()
    if shown in free_mail or any(shown.endswith("." + f) for f in free_mail):
        return Vetting(
            REFUSE, f"{shown} is a free-mail provider; sign up with your agency's own address."
        )
    imitated = _imitation(shown, imitated_agencies())
    if imitated:
        return _refuse_imitation(shown, imitated)
    # A .gov domain CISA does not list was registered after the snapshot, or never was.
    if not check.verified and set(_WORDS.split(shown)) & _GOV_TOKENS:
        return _refuse_imitation(shown, "a government domain")  # county-police.net
    return Vetting(
        HOLD,
        f"{shown} is not on {lists_as_of()}. Staff will confirm it with your agency through "
        "its published contact details before you can submit.",
    )


def _under_dotgov(domain: str) -> bool:
    return domain.rsplit(".", 1)[-1] == DOTGOV


def _refuse_imitation(domain: str, imitated: str) -> Vetting:
    return Vetting(
        REFUSE,
        f"{domain} looks like {imitated} but is not it; sign up from {imitated} itself, or ask "
        "us to add your agency's real domain.",
    )


def _imitation(domain: str, agencies: tuple[str, ...]) -> str | None:
    """The agency domain this one imitates: a letter or two off, letters swapped, or the
    agency's name with another ending or with words added."""
    folded = fold(domain)
    without_last = domain.rsplit(".", 1)[0]  # fib.gov.us: the agency's letters swapped, .us added
    words = set(_WORDS.split(domain)) | set(_WORDS.split(folded))
    best, best_score = None, 0
    for agency in agencies:
        slack = 2 if len(agency) >= 9 else 1  # two edits make abc.gov of fbi.gov
        if (
            _distance(domain, agency) <= slack
            or _distance(folded, fold(agency)) <= 1
            or _distance(without_last, agency) <= 1
        ):
            return agency
        names = [n for n in agency.split(".") if n not in _GOV_TOKENS and len(n) >= 3][:-1] or [
            agency.split(".")[0]
        ]
        names = [n for n in names if len(n) >= 3]
        score = sum(
            n in words or bool(re.search(rf"(^|[.\-]){re.escape(n)}gov", domain)) for n in names
        )
        if score > best_score:
            best, best_score = agency, score
    return best


def _distance(a: str, b: str) -> int:
    """Damerau–Levenshtein distance (optimal string alignment): edits, swaps counted once."""
    if abs(len(a) - len(b)) > 2:
        return 3
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            row.append(min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]
