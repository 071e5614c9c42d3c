"""What every face's forms share: the fields they are built of, and a refusal put beside the
field it names.

A service refuses with `Refused(message, field)`; a form shows it next to that field where
the form has one, and above the form where it has not (or where no field is named). The
forms parse (dates, choices, numbers, files); the services stay the authority on what the
values may be, for every face alike."""

from __future__ import annotations

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.files.uploadedfile import UploadedFile

from custodes.cases.uploads import read_uploaded
from custodes.law.refusal import Refused

DATE_FORMAT = "Give the date as YYYY-MM-DD."


def refuse(form: forms.Form, error: Refused) -> None:
    """`error` beside the field it names; a form whose names are not the service's says
    which of its fields a name is (`field_for`)."""
    field = error.field and getattr(form, "field_for", str)(error.field)
    form.add_error(field if field in form.fields else None, str(error))


def every_error(form: forms.Form) -> list[str]:
    """The form's errors in the order of its fields, for a page that lists them above it."""
    return [message for messages in form.errors.values() for message in messages]


def first_errors(form: forms.Form) -> dict[str, str]:
    """Each field's first error, by name (`form` for the form as a whole), for a page that
    shows one beside each field."""
    return {
        ("form" if name == NON_FIELD_ERRORS else name): messages[0]
        for name, messages in form.errors.items()
    }


class Day(forms.DateField):
    """A day as ISO's YYYY-MM-DD, the one way the pages' date inputs send it."""

    input_formats = ["%Y-%m-%d"]
    default_error_messages = {"required": DATE_FORMAT, "invalid": DATE_FORMAT}


def text(**kwargs) -> forms.CharField:
    """Free text, stripped; blank unless the service that reads it says otherwise (with its
    own words, beside the field)."""
    return forms.CharField(required=False, **kwargs)


def choice(choices, label: str, required: bool = False) -> forms.TypedChoiceField:
    """One of a vocabulary's values, as its member; an unknown one refused beside the field.
    None sent is "" where the service asks for it in its own words (not `required`)."""
    return forms.TypedChoiceField(
        choices=[(c.value, c.value) for c in choices],
        coerce=choices,
        required=required,
        empty_value="",
        error_messages={
            "invalid_choice": f"%(value)s is not {label} custodes knows.",
            "required": f"Choose {label}.",
        },
    )


def yes_no() -> forms.TypedChoiceField:
    """A button's "yes" (True) or "no" (False); nothing sent is no."""
    return forms.TypedChoiceField(
        choices=[("yes", "yes"), ("no", "no")],
        coerce=lambda value: value == "yes",
        required=False,
        empty_value=False,
    )


class Upload(forms.FileField):
    """An uploaded document, empty or not: the upload checks (cases/uploads.py) judge its
    content, with their own words."""

    def __init__(self, **kwargs):
        super().__init__(required=False, allow_empty_file=True, **kwargs)


class _Several(forms.ClearableFileInput):
    allow_multiple_selected = True


class Uploads(Upload):
    """Any number of documents under one name."""

    def __init__(self, **kwargs):
        super().__init__(widget=_Several, **kwargs)

    def clean(self, data, initial=None):
        return [super(Uploads, self).clean(one, initial) for one in data or []]


def uploaded(data: dict) -> dict:
    """A form's values with its documents read as the services take them, (bytes, name) or
    a list of them; a file over the limit is refused beside its field."""
    return {name: _read(value) for name, value in data.items()}


def _read(value):
    if isinstance(value, list):
        return [_read(one) for one in value]
    if isinstance(value, UploadedFile):
        return read_uploaded(value), value.name
    return value
