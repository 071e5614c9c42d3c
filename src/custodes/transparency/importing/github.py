"""GitHub's open transparency data: requests received and disclosed, accounts affected,
cross-border requests by government (each by year or by half-year), and national security
letters and orders in bands of 250."""

from __future__ import annotations

from datetime import date

from custodes.transparency.importing import cells
from custodes.transparency.importing.table import Table
from custodes.transparency.periods import Period


def reads(table: Table) -> bool:
    return _reader(table.header()[1]) is not None


def read(table: Table) -> list[dict]:
    return list(table.records(_reader(table.header()[1])(table)))


def _reader(header: list[str]):
    if header[:1] != ["year"]:
        return None
    if "count_requests_received" in header:
        return _requests
    if "count_accounts_affected" in header:
        return _accounts
    if "government_iso2_code" in header:
        return _cross_border
    if header == ["year", "month_range", "type", "count"]:
        return _national_security
    return None


def _period(row: dict) -> dict:
    year = cells.count(row["year"], "year")
    if "half" in row:
        period = Period.half(year, cells.count(row["half"], "half"))
    else:
        period = Period(str(year), date(year, 1, 1), date(year, 12, 31))
    return {"source": "github", "period": period.label, "period_end": period.end}


def _requests(table: Table):
    def read(row: dict, line: int) -> list[dict]:
        record = _period(row)
        received = cells.count(row["count_requests_received"], "count_requests_received")
        disclosed = cells.count(row["count_disclosed"], "count_disclosed")
        percent = round(100 * disclosed / received, 1) if received else None
        if disclosed > received:
            table.notes.add(
                f"GitHub {record['period']}: more disclosed than received for {row['type']!r} "
                "(a known defect of the published file); its percentage is left blank",
                line,
            )
            percent = None
        return [
            record
            | {
                "country": "",
                "legal_process": row["type"],
                "requests": received,
                "percent_disclosed": percent,
            }
        ]

    return read


def _accounts(table: Table):
    def read(row: dict, line: int) -> list[dict]:
        accounts = cells.count(row["count_accounts_affected"], "count_accounts_affected")
        return [_period(row) | {"country": "", "legal_process": "All", "accounts": accounts}]

    return read


CROSS_BORDER = "cross-border request"  # as GitHub names the worldwide row of the same requests


def _cross_border(table: Table):
    def read(row: dict, line: int) -> list[dict]:
        code = row["government_iso2_code"]
        if not (len(code) == 2 and code.isascii() and code.isalpha()):
            raise ValueError(f"government_iso2_code {code!r} is not a two-letter code")
        return [
            _period(row)
            | {
                "country": code.upper(),
                "legal_process": CROSS_BORDER,
                "requests": cells.count(row["count"], "count"),
            }
        ]

    return read


def _national_security(table: Table):
    def read(row: dict, line: int) -> list[dict]:
        half = {"jan-jun": 1, "jul-dec": 2}.get(row["month_range"].lower())
        if half is None:
            raise ValueError(f"month_range {row['month_range']!r} is neither Jan-Jun nor Jul-Dec")
        period = Period.half(cells.count(row["year"], "year"), half)
        record = {
            "source": "github",
            "period": period.label,
            "period_end": period.end,
            "country": "US",
            "legal_process": "National Security Letters and Orders",
        }
        field = "accounts_band" if "affected accounts" in row["type"].lower() else "requests_band"
        return [record | {field: cells.band(row["count"], "count")}]

    return read
