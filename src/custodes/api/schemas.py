"""What the API reads and writes. Vocabularies are the contract's, as enumerations."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from ninja import Schema
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictBool
from pydantic_core import PydanticCustomError

from custodes.cases.workflow import State
from custodes.law.vocab import Action, Category, Instrument, SelectorKind

InstrumentName = Literal[tuple(i.value for i in Instrument)]  # type: ignore[valid-type]
CategoryName = Literal[tuple(c.value for c in Category)]  # type: ignore[valid-type]
SelectorKindName = Literal[tuple(k.value for k in SelectorKind)]  # type: ignore[valid-type]
ActionName = Literal[tuple(a.value for a in Action)]  # type: ignore[valid-type]
StateName = Literal[tuple(s.value for s in State)]  # type: ignore[valid-type]


def _iso_date_only(value):
    """Dates come as ISO text ("2026-11-23"); a number is not a date, whatever it counts."""
    if value is None or isinstance(value, (str, date)):
        return value
    raise ValueError("must be an ISO date such as 2026-11-23")


IsoDate = Annotated[date, BeforeValidator(_iso_date_only)]


def _a_category(value):
    """A category the contract does not know is refused by name (the schema lists them)."""
    known = [c.value for c in Category]
    if isinstance(value, str) and value not in known:
        raise PydanticCustomError(
            "literal_error",
            "'{value}' is not a data category; the categories are {known}",
            {"value": value, "known": ", ".join(known)},
        )
    return value


KnownCategory = Annotated[CategoryName, BeforeValidator(_a_category)]


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain a NUL character")
    return value


Text = Annotated[str, AfterValidator(_no_nul)]  # PostgreSQL stores no NUL in text or JSON


class ErrorBody(Schema):
    code: str
    message: str
    field: str | None = None


class ErrorOut(Schema):
    error: ErrorBody


class In(BaseModel):
    """What clients send: strict, and fields we do not know are refused, not ignored."""

    model_config = ConfigDict(extra="forbid")


class SelectorIn(In):
    kind: SelectorKindName
    value: Annotated[Text, Field(min_length=1, pattern=r"\S")]
    at: Text | None = None
    port: Annotated[int, Field(ge=1, le=65535)] | None = None  # an IP address's source port


class ItemIn(In):
    """One record the demand asks for, in its words, and the category it falls in."""

    text: Annotated[Text, Field(min_length=1, pattern=r"\S")]
    category: KnownCategory


class DateRangeIn(In):
    start: IsoDate | None = None
    end: IsoDate | None = None


class NondisclosureIn(In):
    present: StrictBool = False
    court_ordered: StrictBool = False
    expires_on: IsoDate | None = None


class EmergencyIn(In):
    nature: Text
    danger: Text
    callback_number: Text


class DemandIn(In):
    instrument: InstrumentName
    authority: list[Text] = []
    agency: Text | None = None
    case_number: Text | None = None
    issued_on: IsoDate | None = None
    return_by: IsoDate | None = None
    signed: StrictBool = False
    selectors: list[SelectorIn]
    categories: list[KnownCategory] = Field(
        default=[],
        description="What the demand asks for, where it lists no items. With items, the "
        "categories asked for are the items' own, and any given here must be the same.",
    )
    items: list[ItemIn] = Field(
        default=[],
        description="The records the demand asks for, one per requested item in its order, "
        "each with its category. Production looks for what each one names.",
    )
    date_range: DateRangeIn | None = None
    nondisclosure: NondisclosureIn | None = None
    purpose: Text | None = None
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


class AttachedOut(DocumentOut):
    notes: list[str]  # what was read with a caveat, e.g. an unknown charset


class RefusedDocumentOut(Schema):
    name: str
    reason: str  # what is wrong with it and what to send instead
    at: datetime


class ItemOut(Schema):
    text: str
    category: str


class DemandOut(Schema):
    reference: str
    state: str
    outcome: str
    instrument: str
    case_number: str
    categories: list[str]
    items: list[ItemOut]
    submitted_at: datetime
    awaiting_you: bool
    withheld: list[WithheldOut]
    problems: list[FindingOut]
    documents: list[DocumentOut]
    refused_documents: list[RefusedDocumentOut]


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


class DecisionIn(In):
    action: ActionName
    allowed_categories: list[CategoryName] = []
    reason: str = ""
