"""The report's breakdowns: by requesting agency (names as read, grouped under a canonical
agency and its parent), by the statute of an administrative subpoena, content against
non-content, stored against real-time, and the demands escalated for anonymous speech with
what became of them.

They are built from the figures of each distinct (agency as read, process, statute, content,
real time, anonymous speech) that the report's one GROUP BY gives, each distinct name mapped
through the agency table once. National security letters are never in them (they are
reported only in bands, 50 U.S.C. § 1874), nor are preservation requests (counted apart, as
in the totals). No Django here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from custodes.transparency import schema
from custodes.transparency.agencies import OTHER, Table
from custodes.transparency.figures import Figures

# The statutes the report names (as the rule pack cites them); any other, "Other".
STATUTES = ("8 U.S.C. § 1225(d)", "19 U.S.C. § 1509", "21 U.S.C. § 876", "18 U.S.C. § 3486")
OTHER_STATUTE = "Other"
ADMINISTRATIVE_SUBPOENA = "administrative_subpoena"

CONTENT, NON_CONTENT = "Content", "Non-content"
STORED, REAL_TIME = "Stored", "Real-time"

# What became of a demand: its outcome, or "open" while it is not closed.
OUTCOMES = (
    "produced",
    "partially_produced",
    "no_records",
    "rejected",
    "withdrawn",
    "quashed",
    "open",
)


@dataclass(frozen=True)
class Detail:
    """One group of the report's GROUP BY, as the breakdowns read it."""

    agency: str  # as read
    instrument: str
    statute: str
    asks_content: bool
    real_time: bool
    anonymous_speech: bool


@dataclass
class AgencyRow:
    parent: str
    agency: str
    names_read: tuple[str, ...]
    figures: Figures


@dataclass
class Breakdowns:
    agencies: list[AgencyRow]
    statutes: dict[str, Figures]
    content: dict[str, Figures]
    timing: dict[str, Figures]
    anonymous_speech: Figures


def counted(detail: Detail) -> bool:
    if detail.instrument in schema.NATIONAL_SECURITY:
        return False
    return schema.legal_process(detail.instrument) != schema.PRESERVATION


def build(details: dict[Detail, Figures], table: Table) -> Breakdowns:
    details = {d: f for d, f in details.items() if counted(d)}
    canonical = table.group(d.agency for d in details)
    agencies: dict[tuple[str, str], Figures] = defaultdict(Figures)
    names: dict[tuple[str, str], set[str]] = defaultdict(set)
    statutes = {cite: Figures() for cite in (*STATUTES, OTHER_STATUTE)}
    content = {CONTENT: Figures(), NON_CONTENT: Figures()}
    timing = {STORED: Figures(), REAL_TIME: Figures()}
    speech = Figures()
    for detail, figures in details.items():
        agency = canonical[detail.agency]
        key = (agency.parent, agency.name)
        agencies[key].add(figures)
        if detail.agency.strip():
            names[key].add(" ".join(detail.agency.split()))
        if detail.instrument == ADMINISTRATIVE_SUBPOENA:
            cite = detail.statute if detail.statute in STATUTES else OTHER_STATUTE
            statutes[cite].add(figures)
        content[CONTENT if detail.asks_content else NON_CONTENT].add(figures)
        timing[REAL_TIME if detail.real_time else STORED].add(figures)
        if detail.anonymous_speech:
            speech.add(figures)
    rows = [
        AgencyRow(parent, name, tuple(sorted(names[(parent, name)])), figures)
        for (parent, name), figures in agencies.items()
    ]
    # Parents by their requests, "Other" last; agencies by their requests within them.
    weight: dict[str, int] = defaultdict(int)
    for row in rows:
        weight[row.parent] += row.figures.requests
    rows.sort(
        key=lambda r: (
            r.parent == OTHER,
            -weight[r.parent],
            r.parent,
            -r.figures.requests,
            r.agency,
        )
    )
    return Breakdowns(rows, statutes, content, timing, speech)
