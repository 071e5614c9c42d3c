"""The API's shapes for the letters to a requester and the requester's answers."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema
from pydantic import Field, StrictBool

from custodes.api.schemas import (
    DateRangeIn,
    In,
    InstrumentName,
    IsoDate,
    ItemIn,
    KnownCategory,
    SelectorIn,
    Text,
)


class LetterOut(Schema):
    id: int
    kind: str
    subject: str
    body: str
    sent_at: datetime
    pdf_sha256: str


class AmendmentIn(In):
    """The demand as amended: give only what changes."""

    instrument: InstrumentName | None = None
    authority: list[Text] | None = None
    issued_on: IsoDate | None = None
    return_by: IsoDate | None = None
    signed: StrictBool | None = None
    selectors: list[SelectorIn] | None = None
    categories: list[KnownCategory] | None = Field(
        default=None,
        description="Narrowed without items, the items of the categories left are kept.",
    )
    items: list[ItemIn] | None = None
    date_range: DateRangeIn | None = None
    purpose: Text | None = None


class ReplyIn(In):
    message: Text = ""
    amend: AmendmentIn | None = None


class ReplyOut(Schema):
    id: int
    state: str
    changed: list[str]
    engine_action: str
    engine_action_before: str
