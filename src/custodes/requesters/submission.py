"""A requester's submission form, read into the contract's structured request.

Errors are collected per field so the form can show each beside its field and keep
everything the requester typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from custodes.cases.selector_lines import parse_selector_lines
from custodes.law import Decision, Request, RequestError
from custodes.law import words as plain
from custodes.law.refusal import Refused
from custodes.law.vocab import Category, Instrument, Severity
from custodes.provider import provider_name

INSTRUMENTS = [
    i.value for i in Instrument if i not in (Instrument.UNKNOWN, Instrument.INFORMAL_REQUEST)
]
CATEGORIES = [c.value for c in Category]

# What a requester may write before the colon of a record asked for: a category's plain
# words (as the form shows them) or its value in the contract, in any case.
_CATEGORY_NAMES = {
    **{value: value for value in CATEGORIES},
    **{plain.label("category", value).lower(): value for value in CATEGORIES},
}


@dataclass(frozen=True)
class Sender:
    """Who sends the demand: a signed-in requester, or the person a staff member types in."""

    name: str | None
    email: str | None
    phone: str | None
    agency: str | None

    @classmethod
    def of(cls, requester) -> Sender:
        return cls(requester.name, requester.user.email, requester.phone, requester.agency)


@dataclass
class Submission:
    request: Request | None = None
    case_number: str = ""
    emergency_details: dict = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def read_submission(data, sender: Sender) -> Submission:
    out = Submission(case_number=data.get("case_number", "").strip())
    instrument = data.get("instrument", "")
    if instrument not in INSTRUMENTS:
        out.errors["instrument"] = "Choose the kind of process you are serving."
    try:
        selectors = parse_selector_lines(data.get("selectors", ""))
    except Refused as error:
        selectors, out.errors["selectors"] = [], str(error)
    if not selectors and "selectors" not in out.errors:
        out.errors["selectors"] = (
            "Name at least one account: 'username: …', 'email: …', 'account_id: …'."
        )
    categories = [c for c in data.getlist("categories") if c in CATEGORIES]
    try:
        items, lines = parse_record_lines(data.get("records", ""))
    except Refused as error:
        items, lines, out.errors["records"] = [], [], str(error)
    if not categories and not items and "records" not in out.errors:
        out.errors["categories"] = "List the records you ask for, or choose the data you ask for."
    purpose = data.get("purpose", "").strip()
    emergency = instrument == Instrument.EMERGENCY_REQUEST
    if emergency:
        out.emergency_details = {
            key: data.get(key, "").strip() for key in ("nature", "danger", "callback_number")
        }
        for key, message in (
            ("nature", "Describe the emergency."),
            ("danger", "Say who is in danger of death or serious physical injury, and why now."),
            ("callback_number", "Give a number at your agency where we can call you back."),
        ):
            if not out.emergency_details[key]:
                out.errors[key] = message
    if out.errors:
        return out
    fields = {
        "instrument": instrument,
        "authority": [
            a.strip() for a in re.split(r"[;\n]", data.get("authority", "")) if a.strip()
        ],
        "agency": data.get("agency", "").strip() or None,
        "issued_on": data.get("issued_on") or None,
        "return_by": data.get("return_by") or None,
        "signed": data.get("signed") == "on",
        "selectors": selectors,
        "categories": categories,
        "items": items,
        "date_range": _date_range(data),
        "nondisclosure": {
            "present": data.get("ndo_present") == "on" or data.get("ndo_court_ordered") == "on",
            "court_ordered": data.get("ndo_court_ordered") == "on",
            "expires_on": data.get("ndo_expires_on") or None,
        },
        "purpose": purpose or None,
    }
    try:
        out.request = requester_request(fields, sender, out.emergency_details or None)
    except ItemsDisagree as error:
        label = plain.label("category", error.category)
        if error.index is None:
            out.errors["categories"] = (
                f"You chose {label}, but no record you list asks for it: add a line "
                f"'{label}: …', or clear {label}."
            )
        else:
            out.errors["records"] = (
                f"Line {lines[error.index]} asks for {label}, which is not among the data you "
                f"chose ({', '.join(plain.label('category', c) for c in categories)}): choose "
                "it as well, or choose none and the records you list say what you ask for."
            )
    except RequestError as error:
        name = (error.field or "").split(".", 1)[0]
        name = "records" if name == "items" else name  # the form's name for the items
        out.errors[name if name in {*fields, "records"} else "form"] = str(error)
    return out


def parse_record_lines(text: str) -> tuple[list[dict[str, str]], list[int]]:
    """The records a requester lists, one a line as 'kind of data: the record', as requested
    items of the contract, and the number of the line each was written on."""
    items, lines = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        name, separator, record = line.partition(":")
        if not separator or not record.strip():
            raise Refused(
                f"Line {number} should read 'kind of data: the record', e.g. "
                "'content: the contents of direct messages sent or received'."
            )
        category = _CATEGORY_NAMES.get(" ".join(name.lower().split()))
        if category is None:
            kinds = ", ".join(plain.label("category", c) for c in CATEGORIES)
            raise Refused(
                f"Line {number}: '{name.strip()}' is not a kind of data we know; begin the line "
                f"with one of {kinds}."
            )
        items.append({"text": record.strip(), "category": category})
        lines.append(number)
    return items, lines


class ItemsDisagree(RequestError):
    """The categories chosen and the requested items' categories do not agree: an item
    (`index`) outside the categories chosen, or (`index` None) a category with no item."""

    def __init__(self, index: int | None, category: str, chosen: list[str]):
        self.index, self.category = index, category
        if index is None:
            super().__init__(
                "categories",
                f"{category!r} is asked for but no item is of it; add an item of it, or leave "
                "it out of categories",
            )
        else:
            super().__init__(
                f"items[{index}].category",
                f"{category!r} is not among the categories asked for ({', '.join(chosen)}); "
                "add it to categories, or leave categories empty to ask for the categories of "
                "the items",
            )


def asked_categories(chosen: list[str], items: list[dict]) -> list[str]:
    """The categories a submission asks for: those of its requested items where it lists
    them (categories chosen beside them must be the same), otherwise those chosen."""
    if not items:
        return list(chosen)
    of_items = {item["category"] for item in items}
    for index, item in enumerate(items):
        if chosen and item["category"] in CATEGORIES and item["category"] not in chosen:
            raise ItemsDisagree(index, item["category"], chosen)
    for category in chosen:
        if category not in of_items:
            raise ItemsDisagree(None, category, chosen)
    return [c for c in CATEGORIES if c in of_items]


def requester_request(fields: dict, sender: Sender, emergency: dict | None) -> Request:
    """The structured request of a submission, by form or API (or typed in by staff): the
    sender is the signed-in account (or the one staff name), it is addressed to this
    provider, the categories are its requested items' where it lists them, and an
    emergency's nature and danger open its stated purpose. Raises RequestError naming the
    field that is wrong."""
    danger = [emergency.get("nature"), emergency.get("danger")] if emergency else []
    purpose = " ".join(filter(None, [*danger, fields.get("purpose")]))
    items = fields.get("items") or []
    return Request.from_dict(
        {
            **fields,
            "categories": asked_categories(fields.get("categories") or [], items),
            "items": items,
            "agency": fields.get("agency") or sender.agency,
            "country": "US",
            "addressed_to": provider_name(None),
            "requester": {
                "name": sender.name or None,
                "email": sender.email or None,
                "phone": sender.phone or None,
            },
            "emergency": bool(emergency),
            "purpose": purpose or None,
        }
    )


def _date_range(data) -> dict | None:
    start, end = data.get("date_start") or None, data.get("date_end") or None
    return {"start": start, "end": end} if start or end else None


def requester_feedback(decision: Decision) -> dict:
    """What the requester is told at once: what the process does not reach, and what is
    missing or wrong. Counsel's internal questions (escalations) are not theirs to read."""
    said = {item.reason for item in decision.withheld}
    problems = [
        f.to_dict()
        for f in decision.findings
        if f.severity in (Severity.BLOCK, Severity.WARN) and f.message not in said
    ]
    return {"withheld": [w.to_dict() for w in decision.withheld], "problems": problems}
