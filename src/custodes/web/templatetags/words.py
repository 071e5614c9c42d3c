"""`{{ case.state|words:"state" }}`: a vocabulary's value in the plain words people read
(custodes.law.words); the value itself stays in forms, links, the JSON and the API. A list
reads as its labels joined by commas."""

from __future__ import annotations

from django import template

from custodes.law import words as plain

register = template.Library()


@register.filter
def words(value, vocabulary: str) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(words(item, vocabulary) for item in value)
    if value is None or value == "":
        return ""
    return plain.label(vocabulary, str(value))
