"""The registered .gov domains: a snapshot of CISA's public list, shipped with custodes and
refreshed from the file CISA publishes (cisagov/dotgov-data, current-full.csv).

Only US governments may register under .gov, and CISA publishes every registration with its
type (Federal, State, County, City, Tribal, …) and the organisation that holds it, so a .gov
domain on the list is known by name and one that is not is unknown, whatever its suffix.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from custodes.law.domain_names import unicode_form
from custodes.law.refusal import Refused

SNAPSHOT = "dotgov.tsv"
DEFAULT_SOURCE = "CISA, cisagov/dotgov-data, current-full.csv"
# The registrant types CISA uses, each possibly followed by " - Election", " - Executive" …
# A row of a type not here is left out of the snapshot and counted: custodes keeps only the
# registrations it knows to be a government's.
GOVERNMENT_TYPES = frozenset(
    {
        "Federal",
        "State or territory",
        "State",
        "Interstate",
        "Independent Intrastate",
        "County",
        "City",
        "Tribal",
        "Special district",
        "School district",
    }
)
_COLUMNS = ("Domain name", "Domain type", "Organization name", "Suborganization name", "State")


# A tuple, not a frozen dataclass: the shipped list's 16,500 are made in a third less time.
class Registration(NamedTuple):
    kind: str  # CISA's domain type: "Federal - Executive", "City", …
    holder: str  # "Department of Justice, Federal Bureau of Investigation (DC)"


@dataclass(frozen=True)
class Snapshot:
    as_of: date
    source: str
    domains: Mapping[str, Registration]
    left_out: Counter[str]  # types that are not a government's, with how many rows


class _Listed(Mapping[str, Registration]):
    """A snapshot's registrations as its text holds them, a line each: the line of a domain
    asked for is found in the text, and all the lines are read only when all are asked for.
    A review asks for one or two, and reading the 16,500 cost each review command 12 ms."""

    def __init__(self, text: str):
        self._text = "\n" + text

    @cached_property
    def _all(self) -> dict[str, Registration]:
        lines = (line for line in self._text.split("\n") if line and not line.startswith("#"))
        return dict(map(_registration, lines))

    def __getitem__(self, domain: str) -> Registration:
        if "_all" in self.__dict__ or "\t" in domain or "\n" in domain:
            return self._all[domain]
        start = self._text.find(f"\n{domain}\t") + 1
        if not start:
            raise KeyError(domain)
        end = self._text.find("\n", start)
        return _registration(self._text[start : end if end >= 0 else None])[1]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all)

    def __len__(self) -> int:
        return len(self._all)


def _registration(line: str) -> tuple[str, Registration]:
    domain, kind, holder = line.split("\t")
    return domain, Registration(kind, holder)


@cache
def registered() -> Snapshot:
    """The shipped snapshot, read once."""
    return read_snapshot(snapshot_path())


def read_cisa(path: Path, as_of: date, source: str = DEFAULT_SOURCE) -> Snapshot:
    """CISA's CSV as published, checked row by row; nothing is kept from a file with an error."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise Refused(f"{path} cannot be read: {error.strerror}") from None
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise Refused(f"{path}, line {line}: not UTF-8 text; export the file again") from None
    rows = csv.DictReader(io.StringIO(text))
    missing = [c for c in _COLUMNS if c not in (rows.fieldnames or ())]
    if missing:
        raise Refused(
            f"{path} has no column {', '.join(map(repr, missing))}; give CISA's current-full.csv "
            f"as published (its header starts 'Domain name,Domain type,Organization name')"
        )
    domains: dict[str, Registration] = {}
    left_out: Counter[str] = Counter()
    for row in rows:
        line = rows.line_num
        kind = _squeezed(row["Domain type"])
        if kind.split(" - ")[0] not in GOVERNMENT_TYPES:
            left_out[kind or "(no type)"] += 1
            continue
        domain = _checked_domain(row["Domain name"], f"{path}, line {line}")
        domains[domain] = Registration(kind, _holder(row))
    if not domains:
        raise Refused(f"{path} lists no .gov domain of a government type")
    return Snapshot(as_of, " ".join(source.split()), domains, left_out)


def write_snapshot(snapshot: Snapshot, target: Path) -> None:
    """Replace the snapshot at once: a reader sees the old list or the new, never half."""
    lines = [
        "# The registered .gov domains: domain, CISA's domain type, the organisation holding it.",
        f"# as_of: {snapshot.as_of.isoformat()}",
        f"# source: {snapshot.source}",
    ]
    lines += [f"{d}\t{r.kind}\t{r.holder}" for d, r in sorted(snapshot.domains.items())]
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".dotgov-", suffix=".tsv")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write("\n".join(lines) + "\n")
        os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide the list from the web server
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def snapshot_path() -> Path:
    return Path(str(resources.files("custodes.law") / "data" / SNAPSHOT))


def read_snapshot(path: Path) -> Snapshot:
    text = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    for line in text.split("\n", 3)[:3]:  # the header `write_snapshot` writes
        if line.startswith("# ") and ": " in line:
            key, value = line[2:].split(": ", 1)
            meta[key] = value
    return Snapshot(date.fromisoformat(meta["as_of"]), meta["source"], _Listed(text), Counter())


def _checked_domain(raw: str, where: str) -> str:
    domain = raw.strip().lower()
    if not domain.endswith(".gov") or domain.count(".") != 1:
        raise Refused(f"{where}: {raw!r} is not a domain directly under .gov")
    if unicode_form(domain) is None:
        raise Refused(f"{where}: {raw!r} is not a valid domain name")
    return domain


def _holder(row: dict[str, str]) -> str:
    names = [_squeezed(row["Organization name"]), _squeezed(row["Suborganization name"])]
    holder = ", ".join(n for n in names if n)
    state = _squeezed(row["State"])
    return f"{holder} ({state})" if state else holder


def _squeezed(value: str | None) -> str:
    return " ".join((value or "").split())
