"""Google's "Global requests for user information" in every layout it published (2012, 2014,
2017, 2023), and its national-security range files."""

from __future__ import annotations

from datetime import date

from custodes.law.refusal import Refused
from custodes.transparency.importing import cells
from custodes.transparency.importing.table import Table
from custodes.transparency.periods import Period
from custodes.transparency.schema import CSV_COLUMNS

# Google's seven columns, the first seven of custodes' own report CSV.
COLUMNS = list(CSV_COLUMNS[:7])
RANGES = [
    "Reporting period ending date",
    "Number of requests (range MIN)",
    "Number of requests (range MAX)",
    "Number of accounts (range MIN)",
    "Number of accounts (range MAX)",
]
# Google's earlier names for the same columns: 2012, 2014 (no spaces) and 2017.
EARLIER_NAMES = {
    "Country": "Country/Region",
    "Percentage of requests where some data produced": "Percentage disclosed",
    "Percentage of data requests fully or partially complied with": "Percentage disclosed",
    "Users/Accounts Specified": "Accounts",
    "PeriodEnding": "Period Ending",
    "CLDRTerritoryCode": "CLDR Territory Code",
    "LegalProcess": "Legal Process",
    "UserDataRequests": "User Data Requests",
    "PercentageRequestsDataProduced": "Percentage disclosed",
    "UsersSpecified": "Accounts",
}
NO_COUNTRY = "ZZ"  # CLDR's unknown region: the United Nations requested, not a state
RANGE_PROCESS = {
    "fisa-non-content": "FISA Non-Content Orders",
    "fisa-content": "FISA Content Orders",
    "nsl": "National Security Letters",
}


def reads(table: Table) -> bool:
    header = [EARLIER_NAMES.get(name, name) for name in table.header()[1]]
    return header in (COLUMNS, RANGES, [c for c in COLUMNS if c != "Legal Process"])


def read(table: Table) -> list[dict]:
    table.rename(EARLIER_NAMES)
    header = table.header()[1]
    if header == RANGES:
        process = _range_process(table)
        return list(table.records(lambda row, _: [_ranges(row, process)]))
    if "Legal Process" not in header:
        table.notes.add("Google's 2012 layout: each country's row read as All its processes")
    return list(table.records(lambda row, number: [_total(table, row, number)]))


def _total(table: Table, row: dict, line: int) -> dict:
    end, written = cells.half_year_end(row["Period Ending"], "Period Ending")
    if written != "iso":
        example = "31/12/09" if written == "day first" else "12/31/09"
        table.notes.add(f"Google: dates written {written} ({example}) read as ISO dates", line)
    process = row.get("Legal Process", "All")
    if not process:
        process = "All"
        table.notes.add("Google: a blank Legal Process read as All its processes", line)
    percent = cells.percent(row["Percentage disclosed"], "Percentage disclosed")
    accounts = cells.count_or_none(row["Accounts"], "Accounts")
    if percent == 0 and end < date(2010, 12, 31):
        percent = None
        table.notes.add("Google: a 0 percentage before the second half of 2010 means not reported")
    if accounts == 0 and end < date(2011, 6, 30):
        accounts = None
        table.notes.add("Google: 0 accounts before 2011 means not reported")
    code = row["CLDR Territory Code"]
    if not code:
        code = NO_COUNTRY
        table.notes.add(
            f"Google: {row['Country/Region']!r} has no territory code; kept as {NO_COUNTRY} "
            "(no country), counted in the totals",
            line,
        )
    if not (len(code) == 2 and code.isascii() and code.isalpha()):
        raise ValueError(f"CLDR Territory Code {code!r} is not a two-letter code")
    return {
        "source": "google",
        "period": Period.ending(end).label,
        "period_end": end,
        "country": code.upper(),
        "legal_process": process,
        "requests": cells.count_or_none(row["User Data Requests"], "User Data Requests"),
        "percent_disclosed": percent,
        "accounts": accounts,
    }


def _range_process(table: Table) -> str:
    name = table.path.name.lower()
    for key, label in RANGE_PROCESS.items():
        if key in name:
            return label
    raise Refused(
        f"{table.path}: a file of national-security ranges, but its name does not say which "
        "(nsl, fisa-content or fisa-non-content), as Google names them"
    )


def _ranges(row: dict, process: str) -> dict:
    end, _ = cells.half_year_end(row["Reporting period ending date"], "Reporting period")
    requests = "Number of requests (range MIN)", "Number of requests (range MAX)"
    accounts = "Number of accounts (range MIN)", "Number of accounts (range MAX)"
    return {
        "source": "google",
        "period": Period.ending(end).label,
        "period_end": end,
        "country": "US",
        "legal_process": process,
        "requests_band": cells.band(f"{row[requests[0]]}-{row[requests[1]]}", "requests range"),
        "accounts_band": cells.band(f"{row[accounts[0]]}-{row[accounts[1]]}", "accounts range"),
    }
