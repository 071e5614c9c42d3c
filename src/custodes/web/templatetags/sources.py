"""`{% field_source doc_sources "items" 0 %}`: a link from a field of the request to the
lines of the document it was read from (`#L12`), which highlights them while it is hovered
or focused; nothing where the case has no document, and a plain note where the field's
words are not found in it."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def field_source(doc_sources, key: str, index: int | None = None) -> str:
    if doc_sources is None:
        return ""
    key = f"{key}-{index}" if index is not None else key
    span = doc_sources.link(key)
    if span is None:
        return mark_safe(' <span class="citation not-read">not found in the document</span>')
    where = ", ".join(
        f"{first}" if first == last else f"{first}–{last}" for first, last in span.ranges
    )
    lines = "line" if span.ranges == ((span.first, span.first),) else "lines"
    return format_html(
        ' <a class="src-link" id="F-{}" data-field="{}" href="#L{}" '
        'aria-label="{}: read from {} {}">{} {}</a>',
        key,
        key,
        span.first,
        span.label,
        lines,
        where,
        lines,
        where,
    )
