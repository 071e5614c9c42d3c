"""Twitter's information-requests report: a row per country for one half-year ("January -
June 2017"), "-" where a country made none, footnote marks on counts ("1*"), and a TOTAL row
that is checked, not stored."""

from __future__ import annotations

from custodes.transparency.importing import cells
from custodes.transparency.importing.table import Table

COLUMNS = (
    "TIME PERIOD",
    "COUNTRY",
    "ISO CODE",
    "ACCOUNT INFORMATION REQUESTS",
    "PERCENTAGE WHERE SOME INFORMATION PRODUCED",
    "ACCOUNTS SPECIFIED",
)


def reads(table: Table) -> bool:
    return tuple(table.header()[1][: len(COLUMNS)]) == COLUMNS


def read(table: Table) -> list[dict]:
    records = list(table.records(lambda row, line: _country(table, row, line)))
    rows = [r for r in records if "total" not in r]
    for total in (r for r in records if "total" in r):
        added = sum(r["requests"] for r in rows)
        if total["total"] != added:
            table.notes.add(
                f"Twitter: the TOTAL row says {total['total']:,} requests, the countries add "
                f"to {added:,}; the countries were imported",
                total["line"],
            )
    return rows


def _country(table: Table, row: dict, line: int) -> list[dict]:
    period = cells.half_year_named(row["TIME PERIOD"])
    if period is None:
        raise ValueError(f"TIME PERIOD {row['TIME PERIOD']!r} is not a half-year")
    requests = _count(table, row["ACCOUNT INFORMATION REQUESTS"], "requests", line)
    if row["COUNTRY"].upper() == "TOTAL":
        return [{"total": requests}]
    code = row["ISO CODE"]
    if not (len(code) == 2 and code.isascii() and code.isalpha()):
        raise ValueError(f"ISO CODE {code!r} is not a two-letter code")
    return [
        {
            "source": "twitter",
            "period": period.label,
            "period_end": period.end,
            "country": code.upper(),
            "legal_process": "All",
            "requests": requests,
            "percent_disclosed": cells.percent(
                row["PERCENTAGE WHERE SOME INFORMATION PRODUCED"], "percentage"
            ),
            "accounts": _count(table, row["ACCOUNTS SPECIFIED"], "accounts", line),
        }
    ]


def _count(table: Table, text: str, what: str, line: int) -> int:
    if text == "-":
        table.notes.add("Twitter: '-' read as none (0), as it marks a country that made none")
        return 0
    if text.endswith("*"):
        table.notes.add(
            "Twitter: a footnote mark on a count (such as '1*') read as the count; the "
            "footnote is in Twitter's report",
            line,
        )
        text = text[:-1]
    return cells.count(text, what)
