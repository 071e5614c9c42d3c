"""`{% if user|may_open:"cases" %}`: whether a person's roles open a part of the desk, so
that the navigation shows only what they may open (custodes.web.access decides)."""

from __future__ import annotations

from django import template

from custodes.cases import roles
from custodes.web.access import approves_requesters

register = template.Library()

_OPENS = {
    "cases": roles.works_cases,
    "requesters": approves_requesters,
    "staff": roles.is_admin,
}


@register.filter
def may_open(user, part: str) -> bool:
    return _OPENS[part](user)
