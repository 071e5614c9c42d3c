"""Discord's transparency report, one CSV a quarter of stacked sub-tables: a title row, a
blank row, a header, the rows, a blank row and a Total (or "Total:", "Sum:") row. Only the
sections on governments' requests for information are read, found by the words of their
titles, which Discord changes between periods; each is checked against its own total."""

from __future__ import annotations

import re
from dataclasses import dataclass

from custodes.law.refusal import Refused
from custodes.transparency.importing import cells
from custodes.transparency.importing.countries import code_of
from custodes.transparency.importing.table import Row, Table
from custodes.transparency.periods import Period

TOTAL_LABELS = {"total", "total:", "sum", "sum:"}


@dataclass
class Section:
    title: str
    header: Row
    rows: list[Row]
    total: Row | None


def reads(table: Table) -> bool:
    title = table.header()[1]
    return sum(1 for cell in title if cell) == 1 and sum(1 for _, r in table.rows if any(r)) > 1


def read(table: Table) -> list[dict]:
    period = table.period or cells.quarter_named(table.path.name)
    period = period or cells.half_year_named(table.path.name)
    if period is None:
        raise Refused(
            f"{table.path}: Discord's file does not say its period: give it, as in "
            "`custodes report import --period 2023Q2 FILE`, or keep Discord's "
            "name for it (2023-Q2.csv)"
        )
    records, skipped = [], []
    for section in _sections(table):
        kind = _kind(section.title)
        if kind is None:
            skipped.append(section.title)
            continue
        records += _read_section(table, period, section, kind)
    if skipped:
        table.notes.add(f"Discord: sections not on government requests left: {', '.join(skipped)}")
    if not records:
        raise Refused(
            f"{table.path}: a Discord report without a section on governments' requests for "
            "information (a title naming government or preservation requests)"
        )
    return records


def _blocks(table: Table) -> list[list[Row]]:
    """Runs of rows between blank rows, each row cut after its last filled cell."""
    blocks: list[list[Row]] = [[]]
    for number, row in table.rows:
        filled = row[: max((i + 1 for i, cell in enumerate(row) if cell), default=0)]
        if filled:
            blocks[-1].append((number, filled))
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _is_total(row: Row) -> bool:
    return row[1][0].lower() in TOTAL_LABELS


def _sections(table: Table) -> list[Section]:
    blocks = _blocks(table)
    sections = []
    while blocks:
        (title_line, title), *rest = blocks.pop(0)
        if len(title) != 1:
            raise table.refused(
                title_line,
                "a sub-table without its title row (Discord's layout: a title, a blank row, "
                "the header and rows, a blank row, the total)",
            )
        if not rest:
            if not blocks:
                raise table.refused(title_line, f"the title {title[0]!r} has no table under it")
            rest = blocks.pop(0)
        header, *rows = rest
        total = None
        if rows and _is_total(rows[-1]):
            total = rows.pop()
        elif blocks and _is_total(blocks[0][0]):
            total = blocks.pop(0)[0]
        sections.append(Section(title[0], header, rows, total))
    return sections


def _kind(title: str) -> str | None:
    words = title.lower()
    if "preservation" in words:
        return "preservation"
    if "government" not in words or "request" not in words:
        return None
    foreign = any(word in words for word in ("international", "non-u", "foreign", "outside"))
    if not foreign and re.search(r"united states|\bu\.s\.|\bus\b", words):
        return "by process"
    return "by country"


def _read_section(table: Table, period: Period, section: Section, kind: str) -> list[dict]:
    _, header = section.header
    names = [name.lower() for name in header]
    requests = _column(table, section, names, lambda n: n == "requests" or "received" in n)
    produced = _column(
        table, section, names, lambda n: any(w in n for w in ("produced", "complied", "disclos"))
    )
    records, counted = [], [0, 0]
    for number, row in section.rows:
        row = row + [""] * (len(header) - len(row))
        try:
            asked = cells.count_or_none(row[requests], header[requests])
            given = cells.count_or_none(row[produced], header[produced])
            country, process = _who(table, kind, row[0], number)
            percent = _produced_percent(table, kind, asked, given)
        except ValueError as error:
            raise table.refused(number, str(error)) from None
        counted = [counted[0] + (asked or 0), counted[1] + (given or 0)]
        records.append(
            {
                "line": number,
                "source": "discord",
                "period": period.label,
                "period_end": period.end,
                "country": country,
                "legal_process": process,
                "requests": asked,
                "percent_disclosed": percent,
            }
        )
    _check_total(table, section, (requests, produced), counted)
    return records


def _column(table: Table, section: Section, names: list[str], wanted) -> int:
    found = next((i for i, name in enumerate(names) if i and wanted(name)), None)
    if found is None:
        line, header = section.header
        raise table.refused(
            line,
            f"Discord's section {section.title!r} has no column of requests and of those "
            f"answered (its header: {', '.join(header)})",
        )
    return found


def _who(table: Table, kind: str, first: str, line: int) -> tuple[str, str]:
    if kind == "by process":
        return "US", first
    process = "Preservation Requests" if kind == "preservation" else "All"
    return code_of(first, table.notes, line), process


def _produced_percent(table: Table, kind: str, asked: int | None, given: int | None):
    if kind == "preservation":
        table.notes.add(
            "Discord: 'Complied' with a preservation request means data kept, not disclosed; "
            "that percentage is dropped"
        )
        return None
    if given is None or not asked:
        return None
    if given > asked:
        raise ValueError(f"more produced ({given}) than requested ({asked})")
    return round(100 * given / asked, 1)


def _check_total(table: Table, section: Section, columns: tuple[int, int], counted) -> None:
    if section.total is None:
        table.notes.add(f"Discord: section {section.title!r} has no total row to check")
        return
    line, total = section.total
    for column, sum_ in zip(columns, counted, strict=True):
        try:
            published = cells.count_or_none(total[column] if column < len(total) else "", "total")
        except ValueError as error:
            raise table.refused(line, str(error)) from None
        if published is not None and published != sum_:
            table.notes.add(
                f"Discord: section {section.title!r}: the total row says {published:,}, "
                f"its rows add to {sum_:,}; the rows were imported",
                line,
            )
