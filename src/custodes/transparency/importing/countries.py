"""A country named in a published file, as its two-letter code: CLDR's English names (Google's
own), the older names publishers still use, and, noted, a near miss such as Discord's
"Czech Rebublic"."""

from __future__ import annotations

import difflib
import re
from functools import cache

from babel import Locale

from custodes.transparency.importing.table import Notes

# Names in published reports that CLDR words otherwise (or that name no CLDR territory).
EARLIER_NAMES = {
    "turkey": "TR",
    "czech republic": "CZ",
    "hong kong": "HK",
    "macau": "MO",
    "macao": "MO",
    "ivory coast": "CI",
    "macedonia": "MK",
    "united states of america": "US",
    "usa": "US",
    "korea": "KR",  # Discord's international table, beside "South Korea" elsewhere
    "republic of korea": "KR",
    "swaziland": "SZ",
    "burma": "MM",
    "cape verde": "CV",
    "vatican": "VA",
    "holy see": "VA",
}


def _key(name: str) -> str:
    name = name.lower().replace("&", "and").replace("’", "'")
    return re.sub(r"\s+", " ", name).strip()


@cache
def _codes() -> dict[str, str]:
    names = {
        _key(name): code
        for code, name in Locale("en").territories.items()
        if len(code) == 2 and code.isalpha()
    }
    return names | EARLIER_NAMES


def code_of(name: str, notes: Notes, line: int) -> str:
    """The country's code; ValueError where the name is nothing near a country's."""
    codes = _codes()
    key = _key(name)
    if key in codes:
        return codes[key]
    near = difflib.get_close_matches(key, codes, n=1, cutoff=0.88)
    if not near:
        raise ValueError(
            f"country {name!r} is not a country's name custodes knows (CLDR's English names, "
            "such as 'South Korea' or 'Czechia'): correct it in the file"
        )
    code = codes[near[0]]
    notes.add(f"country {name!r} read as {near[0].title()!r} ({code}), the nearest name", line)
    return code
