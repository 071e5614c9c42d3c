"""What the API reads and writes. Vocabularies are the contract's, as enumerations."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from ninja import Schema

from custodes.law.vocab import Action, Category, Instrument, SelectorKind

InstrumentName = Literal[tuple(i.value for i in Instrument)]  # type: ignore[valid-type]
CategoryName = Literal[tuple(c.value for c in Category)]  # type: ignore[valid-type]
SelectorKindName = Literal[tuple(k.value for k in SelectorKind)]  # type: ignore[valid-type]
ActionName = Literal[tuple(a.value for a in Action)]  # type: ignore[valid-type]


class ErrorBody(Schema):
    code: str
    message: str
    field: str | None = None


class ErrorOut(Schema):
    error: ErrorBody


class SelectorIn(Schema):
    kind: SelectorKindName
    value: str
    at: str | None = None


class DateRangeIn(Schema):
    start: date | None = None
    end: date | None = None


class NondisclosureIn(Schema):
    present: bool = False
    court_ordered: bool = False
    expires_on: date | None = None


class EmergencyIn(Schema):
    nature: str
    danger: str
    callback_number: str


class DemandIn(Schema):
    instrument: InstrumentName
    authority: list[str] = []
    agency: str | None = None
    case_number: str | None = None
    issued_on: date | None = None
    return_by: date | None = None
    signed: bool = False
    selectors: list[SelectorIn]
    categories: list[CategoryName]
    date_range: DateRangeIn | None = None
    nondisclosure: NondisclosureIn | None = None
    purpose: str | None = None
    emergency: EmergencyIn | None = None


class FindingOut(Schema):
    code: str
    severity: str
    message: str
    citation: str


class WithheldOut(Schema):
    category: str
    reason: str
    citation: str


class DocumentOut(Schema):
    name: str
    size: int
    sha256: str


class DemandOut(Schema):
    reference: str
    state: str
    outcome: str
    instrument: str
    case_number: str
    submitted_at: datetime
    awaiting_you: bool
    withheld: list[WithheldOut]
    problems: list[FindingOut]
    documents: list[DocumentOut]


class DemandPage(Schema):
    items: list[DemandOut]
    page: int
    pages: int
    total: int


class CaseOut(Schema):
    reference: str
    state: str
    outcome: str
    instrument: str
    agency: str
    due_on: date | None
    engine_action: str


class CasePage(Schema):
    items: list[CaseOut]
    page: int
    pages: int
    total: int


class DecisionOut(Schema):
    action: str
    allowed_categories: list[str]
    overrides_engine: bool
    reason: str
    author: str
    created_at: datetime


class CaseDetailOut(CaseOut):
    request: dict[str, Any]
    decision: dict[str, Any]
    decisions: list[DecisionOut]


class DecisionIn(Schema):
    action: ActionName
    allowed_categories: list[CategoryName] = []
    reason: str = ""
