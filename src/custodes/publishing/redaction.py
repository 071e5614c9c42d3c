"""Redactions of a demand before it is published: spans of its text, proposed from what intake
read (the targets' values, the officer's e-mail address and direct line) and from what looks
like a private person's contact details, a name or an account number; a person adds and removes
spans on the rendered page. No Django here."""

from __future__ import annotations

import re
from dataclasses import dataclass

TARGET, EMAIL, PHONE, NAME, ACCOUNT, OTHER = "target", "email", "phone", "name", "account", "other"
LABELS = {
    TARGET: "[target]",
    EMAIL: "[e-mail address]",
    PHONE: "[phone number]",
    NAME: "[name]",
    ACCOUNT: "[account number]",
    OTHER: "[redacted]",
}
WHY = {
    TARGET: "a target of the demand",
    EMAIL: "an e-mail address",
    PHONE: "a phone number",
    NAME: "a private person's name",
    ACCOUNT: "an account number",
    OTHER: "marked by the reviewer",
}

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?<![\w+])(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}(?!\w)"
    r"|(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?!\w)"
)
_ACCOUNT = re.compile(
    r"(?<![\w./:-])(?!\d{4}-\d\d-\d\d(?!\d))\d(?:[ -]?\d){7,18}(?![\w/:-])"  # cards, banks
    r"|\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b"  # an IBAN
)
_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? ([A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2})"
    r"|\b(?:account holder|subscriber|customer|user|subject|target|victim|witness)(?:'s)?"
    r" name(?:d)?\s*[:\-]\s*([A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,3})",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d")


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    kind: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "kind": self.kind}

    @classmethod
    def from_dict(cls, data: dict) -> Span:
        return cls(int(data["start"]), int(data["end"]), str(data["kind"]))


def occurrences(text: str, value: str) -> list[tuple[int, int]]:
    """Where a value appears in the text, whatever its case; a phone number whatever its
    separators; a username with or without its '@'."""
    value = value.strip()
    if not value:
        return []
    digits = "".join(_DIGITS.findall(value))
    if len(digits) >= 7 and len(digits) >= len(value.replace(" ", "")) - 6:
        core = digits[1:] if len(digits) == 11 and digits[0] == "1" else digits  # +1: the US
        pattern = r"[\s().+-]*".join(core)
        return [m.span() for m in re.finditer(rf"(?<![\d(])\(?{pattern}(?!\d)", text)]
    needle = value.lstrip("@")
    return [m.span() for m in re.finditer(re.escape(needle), text, re.IGNORECASE)]


def propose(text: str, targets: list[str], contacts: list[str]) -> list[Span]:
    """The redactions custodes proposes: every occurrence of a target's value and of the
    contacts intake read (the officer's e-mail and direct line), then every e-mail address,
    phone number, account number and private person's name the text holds."""
    found: list[Span] = []
    for value in targets:
        found += [Span(s, e, TARGET) for s, e in occurrences(text, value)]
    for value in contacts:
        kind = EMAIL if "@" in value else PHONE
        found += [Span(s, e, kind) for s, e in occurrences(text, value)]
    for pattern, kind in ((_EMAIL, EMAIL), (_PHONE, PHONE), (_ACCOUNT, ACCOUNT)):
        found += [Span(*m.span(), kind) for m in pattern.finditer(text)]
    for match in _NAME.finditer(text):
        group = 1 if match.group(1) else 2
        found.append(Span(*match.span(group), NAME))
    return merge(found)


def merge(spans: list[Span]) -> list[Span]:
    """Overlapping spans as one, of the kind that came first (a target before all else)."""
    rank = {kind: i for i, kind in enumerate(LABELS)}
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end, rank.get(s.kind, 99))):
        if out and span.start < out[-1].end:
            last = out[-1]
            kind = min(last.kind, span.kind, key=lambda k: rank.get(k, 99))
            out[-1] = Span(last.start, max(last.end, span.end), kind)
        else:
            out.append(span)
    return out


def apply(text: str, spans: list[Span]) -> str:
    """The text with each span replaced by what it was ("[target]")."""
    out, at = [], 0
    for span in merge(spans):
        out += [text[at : span.start], LABELS.get(span.kind, LABELS[OTHER])]
        at = span.end
    out.append(text[at:])
    return "".join(out)


def pieces(text: str, spans: list[Span]) -> list[tuple[str, int | None, Span | None]]:
    """The text cut at the spans, for the review page: (words, the span's index, the span)."""
    out, at = [], 0
    for index, span in enumerate(spans):
        out += [(text[at : span.start], None, None), (text[span.start : span.end], index, span)]
        at = span.end
    out.append((text[at:], None, None))
    return [piece for piece in out if piece[0]]


def still_visible(text: str, values: list[str]) -> list[str]:
    """The values that the (redacted) text still shows."""
    return [value for value in values if occurrences(text, value)]
