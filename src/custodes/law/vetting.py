"""Vetting a requester's sign-up domain: accept, hold for staff, or refuse, with the reason.

Forged demands come from free-mail and from domains made to look like an agency's: one letter
off (fbl.gov.us), letters swapped (fib.gov.com), look-alike characters (fbі.gov with a
Cyrillic і, rn for m, 0 for o), words added (fbi-secure.com, secure-fbi.us), the agency's name
under the wrong top-level domain (fbi.com, fbi.gov.co). Those are refused; an unlisted domain
that imitates nothing is held for staff to check against the agency's published contacts.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from custodes.law.domains import check_domain

ACCEPT, HOLD, REFUSE = "accept", "hold", "refuse"

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
_GOV_TOKENS = {"gov", "govt", "mil", "police", "polizei", "gouv", "bund", "doj", "justice"}


@dataclass(frozen=True)
class Vetting:
    verdict: str  # accept | hold | refuse
    reason: str


@cache
def _lists() -> tuple[tuple[str, ...], frozenset[str]]:
    path = resources.files("custodes.law") / "packs" / "domains.toml"
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return tuple(data["agencies"]["domains"]), frozenset(data["free_mail"]["domains"])


def vet_domain(domain: str, allowlist: tuple[str, ...] = ()) -> Vetting:
    domain = _unicode(domain.strip().lower().rstrip("."))
    agencies, free_mail = _lists()
    if domain in agencies:
        return Vetting(ACCEPT, f"{domain} is an official government domain.")
    # Look-alikes are refused even under a real government suffix: rnet.police.uk reads as
    # met.police.uk, and fbi.gov.co is Colombia's suffix under the FBI's name.
    disguised = _disguised(domain, agencies)
    if disguised:
        return _refuse_imitation(domain, disguised)
    if any(domain.endswith("." + a) for a in agencies):
        return Vetting(ACCEPT, f"{domain} is an official government domain.")
    if domain.isascii() and check_domain(domain, allowlist).verified:
        return Vetting(ACCEPT, f"{domain} is an official government domain.")
    if domain in free_mail or any(domain.endswith("." + f) for f in free_mail):
        return Vetting(
            REFUSE, f"{domain} is a free-mail provider; sign up with your agency's own address."
        )
    imitated = _imitation(domain, agencies)
    if imitated:
        return _refuse_imitation(domain, imitated)
    return Vetting(
        HOLD,
        f"{domain} is not on our list of government domains. Staff will confirm it with your "
        "agency through its published contact details before you can submit.",
    )


def _refuse_imitation(domain: str, imitated: str) -> Vetting:
    return Vetting(
        REFUSE,
        f"{domain} looks like {imitated} but is not it; sign up from {imitated} itself, or ask "
        "us to add your agency's real domain.",
    )


def _unicode(domain: str) -> str:
    try:
        return domain.encode("ascii").decode("idna") if "xn--" in domain else domain
    except UnicodeError:
        return domain


def _disguised(domain: str, agencies: tuple[str, ...]) -> str | None:
    """An agency this domain copies with look-alike characters or with a suffix added."""
    folded = _fold(domain)
    for agency in agencies:
        if folded == _fold(agency) or domain.startswith(agency + "."):
            return agency
    return None


def _imitation(domain: str, agencies: tuple[str, ...]) -> str | None:
    """The agency domain this one imitates: a letter or two off, letters swapped, or the
    agency's name with another ending or with words added."""
    folded = _fold(domain)
    words = set(re.split(r"[.\-_]", domain)) | set(re.split(r"[.\-_]", folded))
    best, best_score = None, 0
    for agency in agencies:
        without_last = domain.rsplit(".", 1)[
            0
        ]  # fib.gov.us: the agency's letters swapped, .us added
        if (
            _distance(domain, agency) <= 2
            or _distance(folded, _fold(agency)) <= 1
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
    if best:
        return best
    if words & _GOV_TOKENS:
        return "a government domain"  # "gov" or "police" inside a domain that is not one
    return None


def _fold(text: str) -> str:
    folded = text.translate(_HOMOGLYPHS)
    for pair, letter in _DIGRAPHS:
        folded = folded.replace(pair, letter)
    return folded


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
