"""The guidelines as a PDF, in the same plain letter layout as the production's documents."""

from __future__ import annotations

from functools import lru_cache

from custodes.law.guidelines import Guidelines, Row
from custodes.law.policy import Commitment

# The production's page, heading and paragraph, so that every PDF custodes writes looks alike.
from custodes.production.documents import _heading, _page, _para


# Writing it takes half a second and anyone may ask for it: the same guidelines give the same
# bytes, so they are written once per version of the pack and the settings.
@lru_cache(maxsize=4)
def guidelines_pdf(guidelines: Guidelines, commitments: tuple[Commitment, ...]) -> bytes:
    pdf = _page(f"{guidelines.provider}: {guidelines.title}")
    _para(
        pdf,
        f"Rule pack {guidelines.pack} ({guidelines.pack_title}), version {guidelines.version}, "
        f"in effect from {guidelines.dated.isoformat()}.",
        9,
    )
    for section in guidelines.sections:
        _heading(pdf, section.title)
        for paragraph in section.paragraphs:
            _para(pdf, paragraph)
        for row in section.rows:
            _para(pdf, _row_text(row), 9)
    _heading(pdf, "Our commitments")
    for item in commitments:
        backing = "; ".join(f"{b.name} ({b.value})" for b in item.backed_by)
        text = f"{item.framework} {item.element}: {item.asks}.\n{item.commitment}"
        _para(pdf, f"{text}\nCarried out by: {backing or item.page}", 9)
    return bytes(pdf.output())


def _row_text(row: Row) -> str:
    lines = [f"{row.title}: {row.sentence}"]
    if row.key.startswith("instruments."):
        lines.append(f"Reaches: {', '.join(row.reaches) or 'nothing'}.")
        if row.withheld:
            lines.append(f"Does not reach: {', '.join(row.withheld)}.")
    if row.field:
        lines.append(f"Field: {row.field}.")
    lines.append(f"Citation: {row.citation}")
    return "\n".join(lines)
