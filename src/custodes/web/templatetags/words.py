"""`{{ case.state|words:"state" }}`: a vocabulary's value in the plain words people read
(custodes.law.words); the value itself stays in forms, links, the JSON and the API. A list
reads as its labels joined by commas. `{{ text|plain_codes }}` puts a finding's title where
its code stands in a sentence; `{{ case.state|for_requester }}` is a state as a requester
reads it."""

from __future__ import annotations

import re

from django import template

from custodes.law import words as plain

register = template.Library()

_CODE = re.compile(r"\b([A-Z][A-Z_]+[A-Z])\b(?: \((block|escalate|warn|info)\))?")
_ACTION = re.compile(r"\bis to ([a-z_]+)\b")


@register.filter
def words(value, vocabulary: str) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(words(item, vocabulary) for item in value)
    if value is None or value == "":
        return ""
    return plain.label(vocabulary, str(value))


@register.filter
def plain_codes(text) -> str:
    """A sentence with each finding's code (and its severity, "CODE (escalate)") and each
    decision ("is to produce_partial") in plain words."""

    def finding(match: re.Match) -> str:
        code, severity = match.groups()
        if code not in plain.FINDINGS:
            return match.group(0)
        title = plain.label("finding", code)
        return f"{title} ({plain.label('severity', severity)})" if severity else title

    def action(match: re.Match) -> str:
        return f"is to {plain.label('action', match.group(1))}"

    return _ACTION.sub(action, _CODE.sub(finding, str(text or "")))


@register.filter
def for_requester(state) -> str:
    return plain.REQUESTER_STATES.get(str(state), plain.label("state", str(state)))
