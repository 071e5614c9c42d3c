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
    link = format_html(
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
    if doc_sources.unsure(span):  # a word OCR was unsure of stands on those lines
        link += mark_safe(
            ' <span class="citation low-ocr-field">read by OCR with little confidence: '
            "check it on the page</span>"
        )
    return link


@register.simple_tag
def document_lines(doc_sources) -> str:
    """The document's lines in their parts, each part labelled with its role, each line
    with its number as an anchor (`#L12`) and the fields read from it. Written here rather
    than in a template loop: a long document has thousands of lines."""
    out: list[str] = []
    for segment in doc_sources.segments:
        part = segment.part
        if part is not None:
            where = (
                f"line {part.first}"
                if part.first == part.last
                else (f"lines {part.first}–{part.last}")
            )
            within = (
                f" · {part.attachment.lower()}"
                if part.attachment and part.role != "attachment"
                else ""
            )
            out.append(
                format_html(
                    '<div class="part role-{}"><div class="part-role">{}{} <span>{}</span></div>',
                    part.role,
                    segment.role_name,
                    within,
                    where,
                )
            )
        for line in segment.lines:
            read = "".join(
                format_html('<a href="#F-{}" title="{}">{}</a>', s.field, s.value, s.label)
                for s in line.starts
            )
            out.append(
                format_html(
                    '<div class="line {}" id="L{}"><a class="ln" href="#L{}" aria-label="line {}">'
                    '{}</a><span class="tx">{}</span>{}</div>',
                    line.classes,
                    line.number,
                    line.number,
                    line.number,
                    line.number,
                    _with_low(line),
                    format_html('<span class="read">{}</span>', mark_safe(read)) if read else "",
                )
            )
        if part is not None:
            out.append("</div>")
    return mark_safe("\n".join(out))


def _with_low(line) -> str:
    """The line's text, the words OCR was unsure of marked with its confidence."""
    if not line.low:
        return line.text
    out, at = [], 0
    for start, end, confidence in sorted(line.low):
        if start < at:
            continue
        out.append(format_html("{}", line.text[at:start]))
        out.append(
            format_html(
                '<mark class="low-ocr" title="read by OCR with {}% confidence">{}</mark>',
                f"{confidence:.0f}",
                line.text[start:end],
            )
        )
        at = end
    out.append(format_html("{}", line.text[at:]))
    return mark_safe("".join(out))
