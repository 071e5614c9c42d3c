"""Meta's (Facebook's) government requests for user data, one CSV a half-year with a row per
country: its totals, then per legal process the count with its "… Accounts" and
"… Percentage", preservation requests, and national security letters in ranges. The file does
not say its period: its name does (…-2017-H1.csv), or the command line."""

from __future__ import annotations

from custodes.law.refusal import Refused
from custodes.transparency.importing import cells
from custodes.transparency.importing.countries import code_of
from custodes.transparency.importing.table import Table
from custodes.transparency.periods import Period

TOTALS = (
    "Country",
    "Total Data Requests",
    "Total Users/Accounts Requested",
    "Percent Requests Where Some Data Produced",
)
PROCESSES = (
    "Search Warrant",
    "Subpoena",
    "Court Order (18 USC 2703(d))",
    "Court Order (Other)",
    "Pen Register/Trap and Trace",
    "Title III",
    "Emergency Disclosures",
    "National Security Letters",
    "NSLs",
)
PRESERVATION = ("Preservation Requests", "Preservation Accounts Preserved")
# Sums of the processes above, published beside them: read through their parts.
SUBTOTALS = ("Legal Process Request Total", "Emergency Request Total")


def reads(table: Table) -> bool:
    return tuple(table.header()[1][: len(TOTALS)]) == TOTALS


def read(table: Table) -> list[dict]:
    period = table.period or cells.half_year_named(table.path.name)
    if period is None:
        raise Refused(
            f"{table.path}: Meta's file does not say its period: give it, as in "
            "`custodes report import --period 2017H1 FILE`, or put it in the file's name "
            "(…-2017-H1.csv)"
        )
    _note_unread_columns(table)
    return list(table.records(lambda row, line: _country(table, period, row, line)))


def _note_unread_columns(table: Table) -> None:
    known = set(TOTALS) | set(PRESERVATION)
    for name in PROCESSES + SUBTOTALS:
        known |= {name, f"{name} Accounts", f"{name} Percentage"}
    unread = [name for name in table.header()[1] if name not in known]
    if unread:
        table.notes.add(f"Meta: columns custodes does not read: {', '.join(unread)}")


def _country(table: Table, period: Period, row: dict, line: int) -> list[dict]:
    base = {
        "source": "meta",
        "period": period.label,
        "period_end": period.end,
        "country": code_of(row["Country"], table.notes, line),
    }
    found = [_figures(row, "All", *TOTALS[1:])]
    for name in (name for name in PROCESSES if name in row):
        process = "National Security Letters" if name == "NSLs" else name
        found.append(_figures(row, process, name, f"{name} Accounts", f"{name} Percentage"))
    if PRESERVATION[0] in row:
        found.append(_figures(row, "Preservation Requests", *PRESERVATION, None))
    return [base | figures for figures in found if figures]


def _figures(row: dict, process: str, requests: str, accounts: str, percent: str | None) -> dict:
    """A process's figures, read from its columns, or nothing where the country has none."""
    cells_ = {column: row.get(column, "") for column in (requests, accounts, percent) if column}
    if not any(cells_.values()):
        return {}
    count, count_band = cells.figure(cells_[requests], requests)
    users, users_band = cells.figure(cells_[accounts], accounts)
    return {
        "legal_process": process,
        "requests": count,
        "requests_band": count_band,
        "accounts": users,
        "accounts_band": users_band,
        "percent_disclosed": cells.percent(cells_[percent], percent) if percent else None,
    }
