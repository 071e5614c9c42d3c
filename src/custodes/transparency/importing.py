"""`custodes report import FILE`: totals the providers published, read in Google's column
schema and in GitHub's, quirks and all. Every row is read and checked first; a bad one stops
the import with its line number, and nothing is written unless every row is good."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction

from custodes.transparency.models import PublishedTotal
from custodes.transparency.periods import Period, PeriodError


class ImportRefused(ValueError):
    """A file or a row custodes cannot take; the message names the line."""


@dataclass
class Imported:
    rows: int
    notes: list[str] = field(default_factory=list)  # quirks met and how they were read


GOOGLE = [
    "Period Ending",
    "Country/Region",
    "CLDR Territory Code",
    "Legal Process",
    "User Data Requests",
    "Percentage disclosed",
    "Accounts",
]
GOOGLE_RANGES = [
    "Reporting period ending date",
    "Number of requests (range MIN)",
    "Number of requests (range MAX)",
    "Number of accounts (range MIN)",
    "Number of accounts (range MAX)",
]
# Google's earlier names for the same columns (2012 and 2017 files).
GOOGLE_ALIASES = {
    "Country": "Country/Region",
    "Percentage of requests where some data produced": "Percentage disclosed",
    "Percentage of data requests fully or partially complied with": "Percentage disclosed",
    "Users/Accounts Specified": "Accounts",
}
RANGE_PROCESS = {
    "nsl": "National Security Letters",
    "fisa-content": "FISA Content Orders",
    "fisa-non-content": "FISA Non-Content Orders",
}


def import_file(path: Path) -> Imported:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ImportRefused(f"{path}: cannot be read as UTF-8 text ({error})") from None
    reader = csv.reader(io.StringIO(text))
    header = [GOOGLE_ALIASES.get(h.strip(), h.strip()) for h in next(reader, [])]
    if header[:3] == GOOGLE[:3] and "Legal Process" not in header:
        header.insert(3, "Legal Process")  # 2012: one row per country, every process
        reader = ([*row[:3], "All", *row[3:]] for row in reader)
    records, notes = _records(path, header, reader)
    with transaction.atomic():
        for record in records:
            key = {k: record.pop(k) for k in ("source", "period", "country", "legal_process")}
            PublishedTotal.objects.update_or_create(**key, defaults=record)
    return Imported(len(records), sorted(set(notes)))


def _records(path: Path, header: list[str], reader) -> tuple[list[dict], list[str]]:
    if header == GOOGLE:
        read = _google
    elif header == GOOGLE_RANGES:
        read = _google_ranges(path)
    elif header[:1] == ["year"] and "count_requests_received" in header:
        read = _github_requests(header)
    elif header[:1] == ["year"] and "count_accounts_affected" in header:
        read = _github_accounts(header)
    elif header == ["year", "month_range", "type", "count"]:
        read = _github_national_security
    else:
        raise ImportRefused(
            f"{path}: line 1: not a schema custodes reads. It takes Google's user-data "
            "requests and national-security range files, and GitHub's requests received and "
            "disclosed, accounts affected, and national security letters files"
        )
    records, notes = [], []
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise ImportRefused(
                f"{path}: line {number}: {len(row)} cells, the header has {len(header)}"
            )
        try:
            record = read(dict(zip(header, (c.strip() for c in row), strict=True)), notes)
        except (ValueError, KeyError, PeriodError) as error:
            raise ImportRefused(f"{path}: line {number}: {error}") from None
        if record:
            records.append(record)
    return records, notes


def _count_or_none(text: str, what: str) -> int | None:
    """A count, or None where the provider left the cell blank (not reported)."""
    return _count(text, what) if text else None


def _count(text: str, what: str) -> int:
    cleaned = text.replace(",", "")
    if not cleaned.isdigit():
        raise ValueError(f"{what} {text!r} is not a whole number")
    return int(cleaned)


def _google(row: dict, notes: list[str]) -> dict:
    end = date.fromisoformat(row["Period Ending"])
    percent_text = row["Percentage disclosed"]
    accounts = _count_or_none(row["Accounts"], "Accounts")
    percent = float(percent_text) if percent_text else None
    if percent is not None and not 0 <= percent <= 100:
        raise ValueError(f"Percentage disclosed {percent_text!r} is not between 0 and 100")
    if percent == 0 and end < date(2010, 12, 31):
        percent = None
        notes.append("Google: a 0 percentage before the second half of 2010 means not reported")
    if accounts == 0 and end < date(2011, 6, 30):
        accounts = None
        notes.append("Google: 0 accounts before 2011 means not reported")
    return {
        "source": "google",
        "period": Period.ending(end).label,
        "period_end": end,
        "country": row["CLDR Territory Code"].upper()[:2],
        "legal_process": row["Legal Process"],
        "requests": _count_or_none(row["User Data Requests"], "User Data Requests"),
        "percent_disclosed": percent,
        "accounts": accounts,
    }


def _google_ranges(path: Path):
    name = path.name.lower()
    process = next(
        (
            label
            for key, label in sorted(RANGE_PROCESS.items(), key=lambda i: -len(i[0]))
            if key in name
        ),
        None,
    )
    if process is None:
        raise ImportRefused(
            f"{path}: a file of national-security ranges, but its name does not say which "
            "(nsl, fisa-content or fisa-non-content), as Google names them"
        )

    def read(row: dict, notes: list[str]) -> dict:
        end = date.fromisoformat(row["Reporting period ending date"])
        return {
            "source": "google",
            "period": Period.ending(end).label,
            "period_end": end,
            "country": "US",
            "legal_process": process,
            "requests_band": _range(
                row["Number of requests (range MIN)"], row["Number of requests (range MAX)"]
            ),
            "accounts_band": _range(
                row["Number of accounts (range MIN)"], row["Number of accounts (range MAX)"]
            ),
        }

    return read


def _range(low: str, high: str) -> str:
    lo, hi = _count(low, "range MIN"), _count(high, "range MAX")
    if hi < lo:
        raise ValueError(f"range {low}-{high} ends below its start")
    return f"{lo}-{hi}"


def _github_period(row: dict) -> tuple[str, date]:
    year = int(row["year"])
    if "half" in row:
        period = Period.half(year, int(row["half"]))
    else:
        period = Period(str(year), date(year, 1, 1), date(year, 12, 31))
    return period.label, period.end


def _github_requests(header):
    def read(row: dict, notes: list[str]) -> dict:
        label, end = _github_period(row)
        received = _count(row["count_requests_received"], "count_requests_received")
        disclosed = _count(row["count_disclosed"], "count_disclosed")
        percent = round(100 * disclosed / received, 1) if received else None
        if disclosed > received:
            notes.append(
                f"GitHub {label}: more disclosed than received for {row['type'].strip()!r} "
                "(a known defect of the published file); its percentage is left blank"
            )
            percent = None
        return {
            "source": "github",
            "period": label,
            "period_end": end,
            "country": "",
            "legal_process": row["type"].strip(),
            "requests": received,
            "percent_disclosed": percent,
        }

    return read


def _github_accounts(header):
    def read(row: dict, notes: list[str]) -> dict:
        label, end = _github_period(row)
        return {
            "source": "github",
            "period": label,
            "period_end": end,
            "country": "",
            "legal_process": "All",
            "accounts": _count(row["count_accounts_affected"], "count_accounts_affected"),
        }

    return read


def _github_national_security(row: dict, notes: list[str]) -> dict:
    half = {"jan-jun": 1, "jul-dec": 2}.get(row["month_range"].lower())
    if half is None:
        raise ValueError(f"month_range {row['month_range']!r} is neither Jan-Jun nor Jul-Dec")
    period = Period.half(int(row["year"]), half)
    low, _, high = row["count"].partition("-")
    band = _range(low, high)
    kind = row["type"].lower()
    record = {
        "source": "github",
        "period": period.label,
        "period_end": period.end,
        "country": "US",
        "legal_process": "National Security Letters and Orders",
    }
    if "affected accounts" in kind:
        return record | {"accounts_band": band}
    return record | {"requests_band": band}
