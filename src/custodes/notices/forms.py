"""The account holder's form: their objection, with their lawyer where they have one."""

from __future__ import annotations

from django import forms

from custodes.edge import text


class ObjectionForm(forms.Form):
    lawyer = text()
    statement = text()
