"""`custodes report import FILE`: totals the providers published, read as they published
them: Google's, GitHub's, Meta's, Discord's and Twitter's files, quirks and all. Every row is
read and checked first; a bad one stops the import with its line number, and nothing is
written unless every row is good. What was read with a caveat is said in the summary."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from custodes.law.refusal import Refused
from custodes.transparency.importing import discord, github, google, meta, twitter
from custodes.transparency.importing.not_totals import refuse_if_known
from custodes.transparency.importing.table import Table
from custodes.transparency.models import PublishedTotal
from custodes.transparency.periods import Period

__all__ = ["Imported", "Refused", "import_file"]

READERS = (google, github, meta, twitter, discord)
KEY = ("source", "period", "country", "legal_process")
LONGEST_PROCESS = PublishedTotal._meta.get_field("legal_process").max_length


@dataclass
class Imported:
    rows: int
    notes: list[str] = field(default_factory=list)  # caveats met and how they were read


def import_file(path: Path, period: Period | None = None) -> Imported:
    """`period` names the half-year or quarter of a file that does not say it (Meta's,
    Discord's when renamed)."""
    if period is not None and not re.fullmatch(r"\d{4}[HQ]\d", period.label):
        raise Refused(
            f"{path}: a file's period is a half-year (2017H1) or a quarter (2023Q2), "
            f"not {period.label!r}"
        )
    table = Table.load(path, period)
    refuse_if_known(table)
    reader = next((r for r in READERS if r.reads(table)), None)
    if reader is None:
        raise Refused(
            f"{path}: line {table.header()[0]}: not a schema custodes reads. It takes Google's "
            "user-data requests and national-security range files; GitHub's requests received "
            "and disclosed, accounts affected, cross-border requests and national security "
            "letters files; Meta's requests by country; Discord's quarterly report; Twitter's "
            "information requests"
        )
    totals = _merged(table, reader.read(table))
    _write(totals)
    return Imported(len(totals), table.notes.summary())


def _write(totals: dict[tuple, dict]) -> None:
    """Inserts the totals, or updates the figures a file gives of totals imported before
    (one statement per kind of row: each file's rows give the same figures)."""
    kinds: dict[tuple, list[PublishedTotal]] = defaultdict(list)
    for key, figures in totals.items():
        row = PublishedTotal(**dict(zip(KEY, key, strict=True)), **figures)
        kinds[tuple(sorted(figures))].append(row)
    with transaction.atomic():
        for given, rows in kinds.items():
            PublishedTotal.objects.bulk_create(
                rows,
                batch_size=500,
                update_conflicts=True,
                unique_fields=KEY,
                update_fields=[*given, "imported_at"],
            )


def _merged(table: Table, records: list[dict]) -> dict[tuple, dict]:
    """One total per key: rows that give different figures of the same total (GitHub's
    letters and their accounts) are joined; a figure given twice refuses the file."""
    totals: dict[tuple, dict] = {}
    first_line: dict[tuple, int] = {}
    for record in records:
        line = record.pop("line")
        key = tuple(record.pop(k) for k in KEY)
        if len(key[3]) > LONGEST_PROCESS:
            raise table.refused(line, f"a legal process named in {len(key[3])} characters")
        figures = totals.setdefault(key, {})
        given = {k: v for k, v in record.items() if v not in (None, "")}
        twice = sorted(k for k in given if figures.get(k) not in (None, "") and k != "period_end")
        if twice:
            raise table.refused(
                line,
                f"a second row for {key[2] or 'worldwide'} {key[3]!r} in {key[1]} (the first "
                f"at line {first_line[key]}) gives its {', '.join(twice)} again",
            )
        first_line.setdefault(key, line)
        figures.update({k: v for k, v in record.items() if k not in figures or k in given})
    return totals
