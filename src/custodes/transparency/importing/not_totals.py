"""Files that publishers put beside their totals but that count something else: each is
refused with what it is and what to import instead."""

from __future__ import annotations

from custodes.law.refusal import Refused
from custodes.transparency.importing.table import Table

KNOWN = {
    (
        "National Security Letter (NSL) number",
        "NSL issue date",
        "FBI release letter date",
    ): "Google's log of single national security letters the FBI let it publish, not "
    "totals; the totals are in google-usnationalsecurity-nsl-requests.csv",
    ("year", "half", "type", "count"): "GitHub's count of users notified and of gag orders, "
    "not of requests; the report takes notices from custodes' own cases",
}


def refuse_if_known(table: Table) -> None:
    line, header = table.header()
    if (what := KNOWN.get(tuple(header))) is not None:
        raise Refused(f"{table.path}: line {line}: {what}. Nothing to import from it")
