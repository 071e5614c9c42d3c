"""The case page's document: its lines in their parts, and where each field was read.

Computed when the page is shown, from the document's text as stored and the request as it
stands (with the reviewers' corrections), rather than stored with the demand: reading the
parts and finding the spans takes a few milliseconds for a demand of a few pages (about a
second for one of 200 KB, so the result is kept in Django's cache by the text's and the
request's hashes), needs no migration, follows each correction (a corrected target is shown
where the document names it, or said to be nowhere) and improves for every case, old ones
too, when the rules do.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field

from django.core.cache import cache

from custodes.intake.parts import Part, role_name
from custodes.intake.sources import Sources, Span, find_sources
from custodes.law.request import Request, RequestError

logger = logging.getLogger(__name__)


@dataclass
class Line:
    number: int
    text: str
    spans: list[Span] = field(default_factory=list)  # the fields read from this line
    starts: list[Span] = field(default_factory=list)  # those whose range begins here
    low: list[tuple[int, int, float]] = field(default_factory=list)  # OCR's unsure words

    @property
    def classes(self) -> str:
        if not self.spans or not self.text.strip():
            return ""  # a blank line inside a span is not highlighted
        return " ".join(["src", *(f"f-{s.field}" for s in self.spans)])


@dataclass
class Segment:
    """A part and its lines, or the blank lines between two parts (`part` None)."""

    part: Part | None
    lines: list[Line]

    @property
    def role_name(self) -> str:
        return role_name(self.part.role) if self.part else ""


@dataclass
class Box:
    """A rectangle on a page image, in percent of its width and height."""

    left: float
    top: float
    width: float
    height: float
    field: str = ""  # the span it highlights ("selectors-0"), or none for a word
    label: str = ""

    @property
    def style(self) -> str:
        return (
            f"left:{self.left:.2f}%;top:{self.top:.2f}%;"
            f"width:{self.width:.2f}%;height:{self.height:.2f}%"
        )


@dataclass
class PageView:
    number: int  # from 1
    highlights: list[Box]  # the spans read from this page
    low: list[Box]  # the words OCR was unsure of
    confidence: float | None  # OCR's mean confidence on the page; None for a text layer


@dataclass
class DocumentSources:
    document: object  # the stored Document these lines are of
    sources: Sources
    segments: list[Segment]
    pages: list[PageView] = field(default_factory=list)  # a PDF's or an image's pages
    ocr: dict | None = None  # the engine, its mean confidence and threshold, where OCR read it

    def link(self, key: str) -> Span | None:
        return self.sources.span(key)

    def unsure(self, span: Span) -> bool:
        """Whether OCR was unsure of a word on the lines `span` was read from."""
        low = {number for number, *_ in (self.document.layout or {}).get("low", [])}
        return any(span.covers(number) for number in low) if self.pages else False


def document_sources(demand) -> DocumentSources | None:
    """The first document's lines and the request's spans, or None without a document."""
    document = demand.documents.order_by("pk").first()
    if document is None or not document.text.strip():
        return None
    try:
        request = Request.from_dict(demand.request)
    except RequestError:
        request = Request.from_dict(demand.extracted)
    key = _cache_key(document, request)
    sources = cache.get(key)
    if sources is None:
        try:
            sources = find_sources(document.text, request)
        except Exception:  # a reading rule that fails must not hide the case: the text is shown
            logger.exception("could not find the sources of demand %s's fields", demand.pk)
            return None
        cache.set(key, sources, CACHE_SECONDS)
    layout = document.layout or {}
    segments = _segments(sources)
    if len(layout.get("lines", ())) != len(sources.lines):
        return DocumentSources(document, sources, segments)  # a layout of another text
    _mark_low(segments, layout)
    return DocumentSources(
        document, sources, segments, page_views(layout, sources), layout.get("ocr")
    )


def page_views(layout: dict, sources: Sources) -> list[PageView]:
    """Each page of the document with the boxes of the spans read from it (a span's lines
    on one page as one box) and of the words OCR was unsure of."""
    pages = [
        PageView(n + 1, [], [], page.get("ocr")) for n, page in enumerate(layout.get("pages", []))
    ]
    boxes = layout["lines"]
    for span in sources.spans:
        on: dict[int, list] = {}
        for first, last in span.ranges:
            for line in range(first, last + 1):
                where = boxes[line - 1]
                if where:
                    on.setdefault(where[0], []).append(where[1:])
        for n, found in on.items():
            if n < len(pages):
                pages[n].highlights.append(_box(found, span.field, span.label))
    for word in layout.get("low", []):
        n = word[5]
        if n < len(pages):
            pages[n].low.append(_box([word[6:10]], "", f"{word[4]} ({word[3]:.0f}%)"))
    return pages


def _box(found: list, key: str, label: str) -> Box:
    left, top = min(b[0] for b in found), min(b[1] for b in found)
    right, bottom = max(b[2] for b in found), max(b[3] for b in found)
    pad = 0.3  # percent: a box drawn just around the letters, not on them
    return Box(
        max(0.0, left * 100 - pad),
        max(0.0, top * 100 - pad),
        (right - left) * 100 + 2 * pad,
        (bottom - top) * 100 + 2 * pad,
        key,
        label,
    )


def _mark_low(segments: list[Segment], layout: dict) -> None:
    """OCR's unsure words on the lines of the text they stand in."""
    by_number = {line.number: line for segment in segments for line in segment.lines}
    for number, start, end, confidence, *_ in layout.get("low", []):
        line = by_number.get(number)
        if line is not None and line.text[start:end]:
            line.low.append((start, end, confidence))


CACHE_SECONDS = 3600


def _cache_key(document, request: Request) -> str:
    """The same text and the same request have the same sources (a long document takes a
    second to read again)."""
    asked = json.dumps(request.to_dict(), sort_keys=True, default=str).encode()
    text = hashlib.sha256(document.text.encode("utf-8", "surrogatepass")).hexdigest()
    return f"custodes.sources:{text}:{hashlib.sha256(asked).hexdigest()}"


def _segments(sources: Sources) -> list[Segment]:
    lines = [Line(n, text) for n, text in enumerate(sources.lines, start=1)]
    for span in sources.spans:
        for first, last in span.ranges:
            lines[first - 1].starts.append(span)
            for line in lines[first - 1 : last]:
                line.spans.append(span)
    segments: list[Segment] = []
    number = 1
    for part in sources.parts:
        if part.last < number:
            continue  # within one shown already
        if part.first > number:
            segments.append(Segment(None, lines[number - 1 : part.first - 1]))
        segments.append(Segment(part, lines[max(part.first, number) - 1 : part.last]))
        number = part.last + 1
    if number <= len(lines):
        segments.append(Segment(None, lines[number - 1 :]))
    return segments
