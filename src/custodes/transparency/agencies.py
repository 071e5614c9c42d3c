"""The requesting agency's name as intake read it, grouped under a canonical agency and its
parent ("HSI", "ICE HSI" and "U.S. Immigration and Customs Enforcement – Homeland Security
Investigations" are one agency, under the Department of Homeland Security), from a table of
data that staff can extend. No Django here.

A name is normalised (case, punctuation, "U.S."/"United States"/"US", "Dept."/"Department",
"&"/"and", the word "the"), looked up among the tables' spellings, then tried against their
patterns (a kind of agency: "* police department"); a name that nothing matches is reported as
read, under "Other".
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

OTHER = "Other"
NOT_STATED = "Not stated"

_WORDS = {
    "dept": "department",
    "depts": "departments",
    "govt": "government",
    "intl": "international",
    "ofc": "office",
    "svc": "service",
}


def normalise(name: str) -> str:
    """'The U.S. Dept. of Homeland Security' → 'us department of homeland security'."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = text.replace("&", " and ").replace("’", "'")
    text = re.sub(r"\bu\.?\s?s\.?(?=\s|$|[^a-z])", " us ", text)  # U.S., U. S., US
    text = re.sub(r"\bunited states( of america)?\b", " us ", text)
    text = re.sub(r"'s\b", "s", text).replace("'", "")  # attorney's → attorneys; dep't
    text = re.sub(r"[^\w*]+", " ", text)  # punctuation, dashes, slashes
    words = [_WORDS.get(word, word) for word in text.split() if word != "the"]
    return " ".join(words)


@dataclass(frozen=True)
class Agency:
    name: str  # the canonical agency
    parent: str  # the department or kind it is grouped under


@dataclass(frozen=True)
class Table:
    spellings: dict[str, Agency]  # normalised spelling → agency
    patterns: tuple[tuple[re.Pattern, Agency], ...]

    def canonical(self, name: str | None) -> Agency:
        """The agency a name as read belongs to; a name in no table stays as read, under
        "Other"."""
        text = " ".join((name or "").split())
        if not normalise(text):
            return Agency(NOT_STATED, OTHER)
        # "Federal Bureau of Investigation (FBI)": the whole, the name, the abbreviation.
        bracketed = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", text)
        keys = [normalise(t) for t in (text, *(bracketed.groups() if bracketed else ()))]
        # "U.S. Department of Homeland Security" is the Department of Homeland Security.
        keys += [k.removeprefix("us ") for k in keys if k.startswith("us ")]
        for key in keys:
            if key in self.spellings:
                return self.spellings[key]
        for key in keys:
            for pattern, agency in self.patterns:
                if pattern.fullmatch(key):
                    return agency
        return Agency(text, OTHER)

    def group(self, names) -> dict[str, Agency]:
        """Each distinct name mapped once."""
        return {name: self.canonical(name) for name in set(names)}


class TableError(ValueError):
    pass


def _pattern(text: str) -> re.Pattern:
    words = normalise(text).split()
    if not words or all(w == "*" for w in words):
        raise TableError(f"pattern {text!r} matches everything")
    parts = [r"\S+(?: \S+)*" if w == "*" else re.escape(w) for w in words]
    return re.compile(" ".join(parts))


def _read(data: dict, source: str) -> tuple[dict[str, Agency], list[tuple[re.Pattern, Agency]]]:
    entries = data.get("agency")
    if not isinstance(entries, list) or not entries:
        raise TableError(f"{source}: no [[agency]] entries")
    spellings: dict[str, Agency] = {}
    patterns: list[tuple[re.Pattern, Agency]] = []
    for number, entry in enumerate(entries, 1):
        where = f"{source}: agency {number}"
        if not isinstance(entry, dict):
            raise TableError(f"{where} is not a table")
        unknown = set(entry) - {"name", "parent", "names", "patterns"}
        if unknown:
            raise TableError(f"{where}: unknown keys {sorted(unknown)}")
        name, parent = entry.get("name"), entry.get("parent")
        if not isinstance(name, str) or not name.strip():
            raise TableError(f"{where} has no name")
        if not isinstance(parent, str) or not parent.strip():
            raise TableError(f"{where} ({name}) has no parent")
        agency = Agency(name.strip(), parent.strip())
        names = entry.get("names", [])
        globs = entry.get("patterns", [])
        for key, values in (("names", names), ("patterns", globs)):
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise TableError(f"{where} ({name}): {key} must be a list of strings")
        for spelling in [name, *names]:
            spellings[normalise(spelling)] = agency
        try:
            patterns.extend((_pattern(glob), agency) for glob in globs)
        except TableError as error:
            raise TableError(f"{where} ({name}): {error}") from None
    return spellings, patterns


def _load(path: Path | None) -> dict:
    if path is None:
        with (resources.files("custodes.transparency") / "data" / "agencies.toml").open("rb") as f:
            return tomllib.load(f)
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise TableError(f"agency table {str(path)!r} cannot be read: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise TableError(f"agency table {str(path)!r} is not valid TOML: {error}") from None


@cache
def load(extra: tuple[str, ...] = ()) -> Table:
    """The built-in table, then each extra file in turn: a later file's spelling wins, and
    its patterns are tried before the built-in ones."""
    spellings, patterns = _read(_load(None), "agencies.toml")
    for path in extra:
        more_spellings, more_patterns = _read(_load(Path(path)), str(path))
        spellings |= more_spellings
        patterns = more_patterns + patterns
    return Table(spellings, tuple(patterns))
