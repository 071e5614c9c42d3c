"""`{% field_errors "decide" "reason" %}`: the errors of the named form's field, beside it,
after the form was sent and refused (`form_errors` in the page's context, which the case
views keep across the redirect); `{% field_errors "rule_challenge" "ruled_on" c.pk %}` for
one of several forms of one kind on a page."""

from __future__ import annotations

from django import template

register = template.Library()


@register.inclusion_tag("web/_errors.html", takes_context=True)
def field_errors(context, form: str, field: str, *ids) -> dict:
    key = ":".join([form, *map(str, ids)])
    return {"errors": context.get("form_errors", {}).get(key, {}).get(field, [])}
