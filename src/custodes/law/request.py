"""The structured request: what a demand asks for, in the contract's shape.

`Request.from_dict` is the one place a structured request from outside (a `.json` file, the
API) is checked; it raises `RequestError` naming the field that is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from custodes.law.refusal import Refused
from custodes.law.vocab import Category, Instrument, SelectorKind


class RequestError(Refused):
    """A structured request that does not follow the contract. `field` is the path of the
    field that is wrong, dotted ("selectors.0.value"; None for the request as a whole), and the
    message names it as the contract writes it ("selectors[0].value: a selector needs a value").
    """

    def __init__(self, name: str | None, problem: str):
        field = re.sub(r"\[(\d+)\]", r".\1", name) if name else None
        super().__init__(f"{name}: {problem}" if name else problem, field)


@dataclass(frozen=True)
class Selector:
    kind: SelectorKind
    value: str
    at: str | None = None  # ISO timestamp, for an IP address given with its time
    port: int | None = None  # the source port an IP address is given with

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": str(self.kind), "value": self.value}
        if self.at is not None:
            out["at"] = self.at
        if self.port is not None:
            out["port"] = self.port
        return out


@dataclass(frozen=True)
class Item:
    """One record the demand asks for, in its words, and the category it falls in."""

    text: str
    category: Category

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "category": str(self.category)}


@dataclass(frozen=True)
class DateRange:
    start: date | None
    end: date | None

    def to_dict(self) -> dict[str, Any]:
        return {"start": _iso(self.start), "end": _iso(self.end)}


@dataclass(frozen=True)
class Nondisclosure:
    present: bool = False
    court_ordered: bool = False
    expires_on: date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "present": self.present,
            "court_ordered": self.court_ordered,
            "expires_on": _iso(self.expires_on),
        }


@dataclass(frozen=True)
class Requester:
    name: str | None = None
    email: str | None = None
    phone: str | None = None

    @property
    def email_domain(self) -> str | None:
        if not self.email or "@" not in self.email:
            return None
        return self.email.rsplit("@", 1)[1].lower()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "email": self.email, "phone": self.phone}


@dataclass(frozen=True)
class Request:
    instrument: Instrument = Instrument.UNKNOWN
    authority: tuple[str, ...] = ()
    agency: str | None = None
    country: str | None = None
    addressed_to: str | None = None
    requester: Requester = field(default_factory=Requester)
    issued_on: date | None = None
    return_by: date | None = None
    signed: bool | None = None
    selectors: tuple[Selector, ...] = ()
    categories: tuple[Category, ...] = ()
    items: tuple[Item, ...] = ()
    date_range: DateRange | None = None
    nondisclosure: Nondisclosure = field(default_factory=Nondisclosure)
    emergency: bool = False
    execute_by: date | None = None
    purpose: str | None = None
    # An addition to the contract: the class of users a demand reaches without naming
    # accounts ("all users who used #tag", "everyone near Main St"), or None.
    population: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "instrument": str(self.instrument),
            "authority": list(self.authority),
            "agency": self.agency,
            "country": self.country,
            "addressed_to": self.addressed_to,
            "requester": self.requester.to_dict(),
            "issued_on": _iso(self.issued_on),
            "return_by": _iso(self.return_by),
            "signed": self.signed,
            "selectors": [s.to_dict() for s in self.selectors],
            "categories": [str(c) for c in self.categories],
            "items": [i.to_dict() for i in self.items],
            "date_range": self.date_range.to_dict() if self.date_range else None,
            "nondisclosure": self.nondisclosure.to_dict(),
            "emergency": self.emergency,
            "execute_by": _iso(self.execute_by),
            "purpose": self.purpose,
            "population": self.population,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Request:
        if not isinstance(data, dict):
            raise RequestError(None, "a structured request must be a JSON object")
        fields = _Fields(data)
        return cls(
            instrument=fields.enum("instrument", Instrument, Instrument.UNKNOWN),
            authority=tuple(fields.strings("authority")),
            agency=fields.text("agency"),
            country=_country(fields.text("country")),
            addressed_to=fields.text("addressed_to"),
            requester=_requester(data.get("requester")),
            issued_on=fields.date("issued_on"),
            return_by=fields.date("return_by"),
            signed=fields.boolean("signed", None),
            selectors=tuple(_selector(i, s) for i, s in enumerate(fields.list("selectors"))),
            categories=_unique(
                _enum_value(f"categories[{i}]", Category, c)
                for i, c in enumerate(fields.list("categories"))
            ),
            items=tuple(_item(i, item) for i, item in enumerate(fields.list("items"))),
            date_range=_date_range(data.get("date_range")),
            nondisclosure=_nondisclosure(data.get("nondisclosure")),
            emergency=bool(fields.boolean("emergency", False)),
            execute_by=fields.date("execute_by"),
            purpose=fields.text("purpose"),
            population=fields.text("population"),
        )


def _no_nul(name: str, value: str) -> None:
    if "\x00" in value:
        raise RequestError(name, "contains a NUL character; send plain text")


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _unique(items) -> tuple:
    return tuple(dict.fromkeys(items))


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    if len(value) != 2 or not value.isalpha():
        raise RequestError("country", f"{value!r} is not a two-letter country code such as 'US'")
    return value.upper()


def _enum_value(name: str, enum, value: Any):
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise RequestError(name, f"{value!r} is not one of {allowed}") from None


def _parse_date(name: str, value: Any) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise RequestError(name, "expected an ISO date such as '2026-02-03'")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise RequestError(name, f"{value!r} is not an ISO date such as '2026-02-03'") from None


class _Fields:
    """Typed reads of one JSON object's fields, each error naming its field."""

    def __init__(self, data: dict[str, Any], prefix: str = ""):
        self.data = data
        self.prefix = prefix

    def _name(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def text(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise RequestError(self._name(key), "expected text or null")
        _no_nul(self._name(key), value)
        return value.strip() or None

    def strings(self, key: str) -> list[str]:
        items = self.list(key)
        if not all(isinstance(i, str) for i in items):
            raise RequestError(self._name(key), "expected a list of text")
        for item in items:
            _no_nul(self._name(key), item)
        return [i.strip() for i in items if i.strip()]

    def list(self, key: str) -> list[Any]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise RequestError(self._name(key), "expected a list")
        return value

    def boolean(self, key: str, default: bool | None) -> bool | None:
        value = self.data.get(key, default)
        if value is not None and not isinstance(value, bool):
            raise RequestError(self._name(key), "expected true, false or null")
        return value

    def date(self, key: str) -> date | None:
        return _parse_date(self._name(key), self.data.get(key))

    def enum(self, key: str, enum, default):
        value = self.data.get(key)
        return default if value is None else _enum_value(self._name(key), enum, value)


def _object(name: str, value: Any) -> _Fields | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise RequestError(name, "expected an object or null")
    return _Fields(value, prefix=f"{name}.")


def _requester(value: Any) -> Requester:
    fields = _object("requester", value)
    if fields is None:
        return Requester()
    email = fields.text("email")
    return Requester(
        name=fields.text("name"),
        email=email.lower() if email else None,
        phone=fields.text("phone"),
    )


def _selector(index: int, value: Any) -> Selector:
    fields = _object(f"selectors[{index}]", value)
    if fields is None:
        raise RequestError(f"selectors[{index}]", "expected an object with kind and value")
    selector_value = fields.text("value")
    if selector_value is None:
        raise RequestError(f"selectors[{index}].value", "a selector needs a value")
    return Selector(
        kind=fields.enum("kind", SelectorKind, None) or _missing(f"selectors[{index}].kind"),
        value=selector_value,
        at=_instant(f"selectors[{index}].at", fields.text("at")),
        port=_port(f"selectors[{index}].port", fields.data.get("port")),
    )


def _port(name: str, value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 65536:
        raise RequestError(name, f"a port is a whole number from 1 to 65535, not {value!r}")
    return value


def _instant(name: str, text: str | None) -> str | None:
    """An ISO timestamp, such as 2026-10-30T16:22:05-04:00, as given."""
    if text is None:
        return None
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise RequestError(
            name, f"{text[:40]!r} is not an ISO timestamp such as 2026-10-30T16:22:05-04:00"
        ) from None
    return text


def _item(index: int, value: Any) -> Item:
    fields = _object(f"items[{index}]", value)
    if fields is None:
        raise RequestError(f"items[{index}]", "expected an object with text and category")
    return Item(
        text=fields.text("text") or _missing(f"items[{index}].text"),
        category=fields.enum("category", Category, None) or _missing(f"items[{index}].category"),
    )


def _missing(name: str):
    raise RequestError(name, "required")


def _date_range(value: Any) -> DateRange | None:
    fields = _object("date_range", value)
    if fields is None:
        return None
    result = DateRange(start=fields.date("start"), end=fields.date("end"))
    if result.start and result.end and result.start > result.end:
        raise RequestError("date_range", "start is after end")
    return result


def _nondisclosure(value: Any) -> Nondisclosure:
    fields = _object("nondisclosure", value)
    if fields is None:
        return Nondisclosure()
    court_ordered = bool(fields.boolean("court_ordered", False))
    return Nondisclosure(
        present=bool(fields.boolean("present", False)) or court_ordered,
        court_ordered=court_ordered,
        expires_on=fields.date("expires_on"),
    )
