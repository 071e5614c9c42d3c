"""The correction form: reading a reviewer's edits of the extracted request, every field of
it, and showing how the request now differs from what intake read."""

from __future__ import annotations

from typing import Any

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from custodes.cases.selector_lines import parse_selector_lines, selector_line
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


def changes_from_form(post) -> dict[str, Any]:
    changes: dict[str, Any] = {field: post.get(field, "").strip() or None for field in _FIELDS}
    changes["authority"] = [a.strip() for a in post.get("authority", "").splitlines() if a.strip()]
    changes["requester"] = _requester(post, _region(changes["country"]))
    changes["signed"] = _SIGNED.get(post.get("signed", ""))
    changes["categories"] = [c for c in post.getlist("categories") if c in _CATEGORIES]
    changes["items"] = _items(post.get("items", ""), changes["categories"])
    changes["selectors"] = parse_selector_lines(post.get("selectors", ""))
    start, end = post.get("date_start", "").strip(), post.get("date_end", "").strip()
    changes["date_range"] = {"start": start or None, "end": end or None} if start or end else None
    changes["nondisclosure"] = {
        "present": post.get("ndo_present") == "on" or post.get("ndo_court_ordered") == "on",
        "court_ordered": post.get("ndo_court_ordered") == "on",
        "expires_on": post.get("ndo_expires_on", "").strip() or None,
    }
    changes["emergency"] = post.get("emergency") == "on"
    return changes


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


def _requester(post, region: str) -> dict[str, str | None]:
    email = post.get("requester_email", "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise Refused(
                f"The requester's e-mail {email!r} is not an address: write it as "
                "name@agency.gov, or leave it empty."
            ) from None
    phone = post.get("requester_phone", "").strip()
    return {
        "name": post.get("requester_name", "").strip() or None,
        "email": email or None,
        "phone": _phone(phone, region) if phone else None,
    }


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
