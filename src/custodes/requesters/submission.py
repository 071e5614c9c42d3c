"""A requester's submission form, read into the contract's structured request.

Errors are collected per field so the form can show each beside its field and keep
everything the requester typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django import forms

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


# The form's name of a field of the request the contract refuses, where it is not the
# request's own (the dotted path the refusal names).
_FORM_NAMES = {
    "items": "records",
    "date_range.start": "date_start",
    "date_range.end": "date_end",
    "nondisclosure.expires_on": "ndo_expires_on",
}


def _form_name(path: str) -> str:
    head = path.split(".", 1)[0]
    return _FORM_NAMES.get(path) or _FORM_NAMES.get(head) or head


class SubmissionForm(forms.Form):
    """A requester's submission (or one staff type in), read into the contract's structured
    request (`request`); each error is kept beside its field. The dates stay as written: the
    contract judges them, naming the field in its own words."""

    instrument = forms.ChoiceField(
        choices=[(i, i) for i in INSTRUMENTS],
        error_messages={
            "required": "Choose the kind of process you are serving.",
            "invalid_choice": "Choose the kind of process you are serving.",
        },
    )
    authority = forms.CharField(required=False)
    agency = forms.CharField(required=False)
    case_number = forms.CharField(required=False)
    issued_on = forms.CharField(required=False, strip=False)
    return_by = forms.CharField(required=False, strip=False)
    signed = forms.BooleanField(required=False)
    selectors = forms.CharField(required=False, strip=False)
    categories = forms.Field(widget=forms.SelectMultiple, required=False)
    records = forms.CharField(required=False, strip=False)
    date_start = forms.CharField(required=False, strip=False)
    date_end = forms.CharField(required=False, strip=False)
    ndo_present = forms.BooleanField(required=False)
    ndo_court_ordered = forms.BooleanField(required=False)
    ndo_expires_on = forms.CharField(required=False, strip=False)
    purpose = forms.CharField(required=False)
    nature = forms.CharField(required=False)
    danger = forms.CharField(required=False)
    callback_number = forms.CharField(required=False)

    _EMERGENCY = {
        "nature": "Describe the emergency.",
        "danger": "Say who is in danger of death or serious physical injury, and why now.",
        "callback_number": "Give a number at your agency where we can call you back.",
    }

    def __init__(self, data, sender: Sender):
        super().__init__(data)
        self.sender = sender
        self.request: Request | None = None
        self.emergency_details: dict = {}

    def clean_categories(self) -> list[str]:
        """The data chosen; a value the form never offers is left out."""
        return [c for c in self.cleaned_data["categories"] or [] if c in CATEGORIES]

    def clean_selectors(self) -> list[dict]:
        try:
            selectors = parse_selector_lines(self.cleaned_data["selectors"])
        except Refused as error:
            raise forms.ValidationError(str(error)) from None
        if not selectors:
            raise forms.ValidationError(
                "Name at least one account: 'username: …', 'email: …', 'account_id: …'."
            )
        return selectors

    def clean_records(self) -> tuple[list[dict[str, str]], list[int]]:
        try:
            return parse_record_lines(self.cleaned_data["records"])
        except Refused as error:
            raise forms.ValidationError(str(error)) from None

    def clean(self):
        data = self.cleaned_data
        categories, (items, lines) = data.get("categories", []), data.get("records", ([], []))
        if not categories and not items and "records" not in self.errors:
            self.add_error(
                "categories", "List the records you ask for, or choose the data you ask for."
            )
        if data.get("instrument") == Instrument.EMERGENCY_REQUEST:
            self.emergency_details = {key: data[key] for key in self._EMERGENCY}
            for key, message in self._EMERGENCY.items():
                if not data[key]:
                    self.add_error(key, message)
        if self.errors:
            return data
        fields = {
            "instrument": data["instrument"],
            "authority": [a.strip() for a in re.split(r"[;\n]", data["authority"]) if a.strip()],
            "agency": data["agency"] or None,
            "issued_on": data["issued_on"] or None,
            "return_by": data["return_by"] or None,
            "signed": data["signed"],
            "selectors": data["selectors"],
            "categories": categories,
            "items": items,
            "date_range": _date_range(data),
            "nondisclosure": {
                "present": data["ndo_present"] or data["ndo_court_ordered"],
                "court_ordered": data["ndo_court_ordered"],
                "expires_on": data["ndo_expires_on"] or None,
            },
            "purpose": data["purpose"] or None,
        }
        try:
            self.request = requester_request(fields, self.sender, self.emergency_details or None)
        except ItemsDisagree as error:
            self._disagree(error, categories, lines)
        except RequestError as error:
            name = _form_name(error.field or "")
            self.add_error(name if name in self.fields else None, str(error))
        return data

    def _disagree(self, error: ItemsDisagree, categories: list[str], lines: list[int]) -> None:
        label = plain.label("category", error.category)
        if error.index is None:
            self.add_error(
                "categories",
                f"You chose {label}, but no record you list asks for it: add a line "
                f"'{label}: …', or clear {label}.",
            )
        else:
            self.add_error(
                "records",
                f"Line {lines[error.index]} asks for {label}, which is not among the data you "
                f"chose ({', '.join(plain.label('category', c) for c in categories)}): choose "
                "it as well, or choose none and the records you list say what you ask for.",
            )


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


def _date_range(data: dict) -> dict | None:
    start, end = data["date_start"] or None, data["date_end"] or None
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
