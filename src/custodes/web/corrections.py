"""The correction form: reading a reviewer's edits of the extracted request, every field of
it, and showing how the request now differs from what intake read."""

from __future__ import annotations

from typing import Any

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from custodes.cases.selector_lines import parse_selector_lines, selector_line
from custodes.edge import text
from custodes.law import words as plain
from custodes.law.refusal import Refused
from custodes.law.vocab import Category

_FIELDS = (
    "instrument",
    "agency",
    "country",
    "addressed_to",
    "issued_on",
    "return_by",
    "execute_by",
    "purpose",
)
_CATEGORIES = [c.value for c in Category]
_SIGNED = {"yes": True, "no": False}
# The form's name of a field of the request, where it is not the request's own (the dotted
# path a refusal names: "requester.email", "selectors.0.port").
_FORM_NAMES = {
    "requester.email": "requester_email",
    "requester.phone": "requester_phone",
    "requester.name": "requester_name",
    "date_range.start": "date_start",
    "date_range.end": "date_end",
    "nondisclosure.expires_on": "ndo_expires_on",
}


class CorrectionForm(forms.Form):
    """Every field of the request as a reviewer edits it. The dates stay as written: the
    contract (Request.from_dict) judges them, naming the field in its own words."""

    instrument = text()
    agency = text()
    country = text()
    addressed_to = text()
    issued_on = text()
    return_by = text()
    execute_by = text()
    purpose = text()
    authority = text()
    requester_name = text()
    requester_email = text()
    requester_phone = text()
    signed = forms.ChoiceField(choices=[("", ""), *((k, k) for k in _SIGNED)], required=False)
    categories = forms.MultipleChoiceField(choices=[(c, c) for c in _CATEGORIES], required=False)
    items = text()
    selectors = text()
    date_start = text()
    date_end = text()
    ndo_present = forms.BooleanField(required=False)
    ndo_court_ordered = forms.BooleanField(required=False)
    ndo_expires_on = text()
    emergency = forms.BooleanField(required=False)

    def clean_requester_email(self) -> str:
        email = self.cleaned_data["requester_email"]
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise ValidationError(
                    f"The requester's e-mail {email!r} is not an address: write it as "
                    "name@agency.gov, or leave it empty."
                ) from None
        return email

    def clean_selectors(self) -> list[dict]:
        try:
            return parse_selector_lines(self.cleaned_data["selectors"])
        except Refused as error:
            raise ValidationError(str(error)) from None

    def clean(self):
        data = self.cleaned_data
        try:
            if data.get("requester_phone"):
                data["requester_phone"] = _phone(data["requester_phone"], _region(data["country"]))
        except Refused as error:
            self.add_error("requester_phone", str(error))
        try:
            data["items"] = _items(data["items"], data.get("categories", []))
        except Refused as error:
            self.add_error("items", str(error))
        return data

    def field_for(self, path: str) -> str:
        """The form's field a refusal of the request's `path` is shown beside."""
        if path in _FORM_NAMES:
            return _FORM_NAMES[path]
        return path.split(".", 1)[0]

    def changes(self) -> dict[str, Any]:
        """The request's fields as corrected."""
        data = self.cleaned_data
        start, end = data["date_start"], data["date_end"]
        court_ordered = data["ndo_court_ordered"]
        return {
            **{field: data[field] or None for field in _FIELDS},
            "authority": [a.strip() for a in data["authority"].splitlines() if a.strip()],
            "requester": {
                "name": data["requester_name"] or None,
                "email": data["requester_email"] or None,
                "phone": data["requester_phone"] or None,
            },
            "signed": _SIGNED.get(data["signed"]),
            "categories": data["categories"],
            "items": data["items"],
            "selectors": data["selectors"],
            "date_range": {"start": start or None, "end": end or None} if start or end else None,
            "nondisclosure": {
                "present": data["ndo_present"] or court_ordered,
                "court_ordered": court_ordered,
                "expires_on": data["ndo_expires_on"] or None,
            },
            "emergency": data["emergency"],
        }


def form_texts(request: dict) -> dict[str, str]:
    """The form's multi-line fields as a person edits them: one entry a line."""
    return {
        "authority_text": "\n".join(request.get("authority") or []),
        "items_text": "\n".join(
            f"{i['category']}: {i['text']}" for i in request.get("items") or []
        ),
        "selectors_text": "\n".join(selector_line(s) for s in request.get("selectors") or []),
    }


def request_diff(extracted: dict, current: dict) -> list[tuple[str, str, str]]:
    """Each field a reviewer changed, as read and as corrected, in the words people read."""
    return [
        (
            _FIELD_NAMES.get(k, k.replace("_", " ")),
            shown(k, extracted.get(k)),
            shown(k, current.get(k)),
        )
        for k in current
        if extracted.get(k) != current.get(k)
    ]


_FIELD_NAMES = {
    "addressed_to": "addressed to",
    "issued_on": "issued on",
    "return_by": "return by",
    "execute_by": "execute by",
    "date_range": "dates",
    "nondisclosure": "secrecy",
    "selectors": "targets",
    "items": "requested items",
}
_YES_NO = {True: "yes", False: "no"}


def shown(field: str, value: Any) -> str:
    """A field's value in plain words: lists as comma-separated words, never Python's."""
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if field == "instrument":
        return plain.label("instrument", value)
    if field == "categories":
        return ", ".join(plain.label("category", c) for c in value)
    if field == "items":
        return "; ".join(
            f"{plain.label('category', i.get('category') or '')}: {i.get('text')}"
            if i.get("category")
            else str(i.get("text"))
            for i in value
        )
    if field == "selectors":
        return ", ".join(
            f"{plain.label('selector', s.get('kind', ''))} {s.get('value')}"
            + (f" at {s['at']}" if s.get("at") else "")
            for s in value
        )
    if field == "date_range":
        return f"{value.get('start') or '…'} to {value.get('end') or '…'}"
    if field == "nondisclosure":
        if value.get("court_ordered"):
            end = value.get("expires_on")
            return f"ordered by a court until {end}" if end else "ordered by a court, no end date"
        return "asked for, not ordered by a court" if value.get("present") else "none"
    if field == "requester":
        return " ".join(str(v) for v in value.values() if v)
    if isinstance(value, bool):
        return _YES_NO[value]
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _region(country: str | None) -> str:
    """Where a phone number without its country code is read, as intake reads it."""
    return country.upper() if country and len(country) == 2 and country.isalpha() else "US"


def _phone(text: str, region: str) -> str:
    """In E.164, as intake keeps it, so that a call-back to the requester's own number is
    recognised whichever way either was written."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_possible_number(number):
        raise Refused(
            f"The requester's phone {text!r} is not a phone number: write it with its area "
            "code (and its country code outside the country of the demand), e.g. "
            "+1 202 555 0100, or leave it empty."
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _items(text: str, categories: list[str]) -> list[dict[str, str]]:
    items = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        category, separator, words = line.partition(":")
        category = category.strip().lower()
        if not separator or not words.strip():
            raise Refused(
                f"Requested item line {number} should read 'category: text', e.g. "
                "'subscriber: Subscriber names and addresses'."
            )
        if category not in _CATEGORIES:
            raise Refused(
                f"Requested item line {number}: {category!r} is not a data category; the "
                f"categories are {', '.join(_CATEGORIES)}."
            )
        if category not in categories:
            raise Refused(
                f"Requested item line {number} asks for {category} records, but {category} is "
                "not checked under Categories: check it, or change the line."
            )
        items.append({"text": words.strip(), "category": category})
    return items
