"""The portal's forms: signing up, confirming the authenticator, answering a letter. Each
parses what the requester sent and shows what it cannot take beside its field; the services
(requesters.accounts, letters.replies) decide what the values may be."""

from __future__ import annotations

from django import forms

from custodes.edge import Day, Upload, text
from custodes.law.vocab import Category


class SignupForm(forms.Form):
    name = text()
    email = text()
    agency = text()
    phone = text()
    password = text(strip=False)


class LoginForm(forms.Form):
    """Which of the three is wrong is never said: a refusal is the form's as a whole."""

    email = text()
    password = text(strip=False)
    token = text()

    def clean_email(self) -> str:
        return self.cleaned_data["email"].lower()


class AuthenticatorForm(forms.Form):
    token = text()


class DocumentForm(forms.Form):
    """A demand's document, sent with it or after it."""

    document = Upload()


class ReplyForm(forms.Form):
    """A message, amendments of the demand (its categories, its dates) and a document."""

    message = text(strip=False)
    categories_shown = forms.BooleanField(required=False)
    categories = forms.TypedMultipleChoiceField(
        choices=[(c.value, c.value) for c in Category],
        coerce=Category,
        required=False,
        error_messages={"invalid_choice": "%(value)s is not a data category custodes knows."},
    )
    date_start = Day(required=False)
    date_end = Day(required=False)
    replaces = forms.BooleanField(required=False)
    document = Upload()

    def changes(self, request: dict) -> dict:
        """The amendments that differ from the demand as it stands (`request`, as stored)."""
        data, changes = self.cleaned_data, {}
        if data["categories_shown"]:
            chosen = [str(c) for c in data["categories"]]
            if sorted(chosen) != sorted(request.get("categories") or []):
                changes["categories"] = chosen
        start, end = data["date_start"], data["date_end"]
        if start or end:
            dates = {"start": start and start.isoformat(), "end": end and end.isoformat()}
            if dates != (request.get("date_range") or {}):
                changes["date_range"] = dates
        return changes
