"""The data categories a demand asks for, read from the part of it that asks.

The ask is what stands under a heading about records to produce, what follows an
introduction ending in a colon ("we kindly ask you to provide:"), and each sentence with a
verb of asking ("produce for each account …"). Narrative ("the account published
photographs") is not an ask, and neither is what a demand says it does not want.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from custodes.intake.layout import Layout, flat, is_item, sentences_of
from custodes.law.terms import Vocabulary
from custodes.law.vocab import STORED_CATEGORIES, Category

_SCHEDULE_HEADING = re.compile(
    r"(records?|information|documents|data|things|items|materials?)\b.{0,40}"
    r"\b(produc|request|disclos|preserv|seiz|provid|sought|furnish)|"
    r"\b(records?|information)\s+(requested|sought)|"
    r"(produc|disclos|preserv|provid)\w*\s.{0,30}(records?|information|documents)",
    re.IGNORECASE,
)
# Read against lower-cased text: a case-sensitive pattern is much faster.
_ASK = re.compile(
    r"\b(produce|provide|disclose|preserve|furnish|send(?: over)?|turn over|hand over|"
    r"looking for|seeks?|seeking|requests?(?:ed)? (?:that|the|all|any|for|you)|"
    r"ask(?:s|ing)? (?:you )?(?:for|to provide)|directed to provide|commanded to produce|"
    r"bring|the following|any and all|all records|obtain|want|need|install\w*|"
    r"(?:to|shall) intercept|seize|to search|"
    r"tell (?:me|us)|let (?:me|us) know|who (?:owns|is behind|runs|operates|uses)|identify|"
    r"authoriz\w+ the (?:installation|interception)|to be seized|to be disclosed)\b|"
    r"^\s*(?:records|information|data|items|documents|things)\b[^:.]{0,40}:",
)
# "Background: …", "Issued by: …": a new labelled part, which ends a schedule.
_LABEL_LINE = re.compile(r"^[A-Z][A-Za-z]+(?: [A-Za-z]+){0,3}:\s")
_OTHER_PART = re.compile(
    r"^(?:background|purpose|facts|reason|basis|summary|issued by|contact|point of contact|"
    r"signed|signature|dated?|requested by|submitted by|delivery|instructions|certification)"
    r"\b[^:]{0,20}:",
    re.IGNORECASE,
)
_DELIVERY = re.compile(
    r"\b(deliver\w*|upload|in electronic|form in which|send (?:it|them) to)\b", re.I
)
_ACCOUNT_LIST_INTRO = re.compile(
    r"\b(accounts?|account\(s\)|concerned|identified|listed)\s*:\s*$", re.I
)
_NEGATED_PAREN = re.compile(
    r"\((?:\s*(?:not|excluding|except|other than|but not|without)\b)[^)]*\)", re.IGNORECASE
)
_NEGATED_CLAUSE = re.compile(
    r"\b(?:excluding|not to include|not including|except for|other than|but not|without)\b"
    r"[^.;:]*",
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"\b(?:does|do|did|will|shall|is|are|need|should|would|must|may|can)\s+not\b|"
    r"\b(?:doesn't|don't|won't|cannot|mustn't|shan't)\b|"
    r"\bno\s+(?:content|contents)\b|\bnot\s+(?:seeking|requesting|asking)\b|\bneither\b|\bnor\b",
    re.IGNORECASE,
)
_DELIVERY_ADDRESS = re.compile(
    r"\b(?:to|at)\s+(?:the|my|our)\s+(?:e-?mail\s+)?address(?:es)?\s+(?:below|above|listed|shown)\b|"
    r"\baddress below\b|\baddress above\b",
    re.IGNORECASE,
)


@cache
def _groups() -> tuple[tuple[Category, Vocabulary], ...]:
    path = resources.files("custodes.intake") / "vocab" / "categories.toml"
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return tuple((Category(g["category"]), Vocabulary(g["terms"])) for g in data["groups"])


def asked_text(layout: Layout) -> str:
    """The parts of the demand that ask for records, negations removed."""
    parts: list[str] = []
    lines = layout.lines
    schedules = {
        heading: bool(_SCHEDULE_HEADING.search(heading) and not _DELIVERY.search(heading))
        for heading in {line.heading for line in lines}
    }
    index = 0
    ended: set[str] = set()  # schedule headings whose region a new labelled part has ended
    while index < len(lines):
        line = lines[index]
        stripped = line.stripped
        if schedules[line.heading] and _OTHER_PART.match(stripped):
            ended.add(line.heading)
        if schedules[line.heading] and line.heading not in ended:
            parts.append(stripped)
        elif stripped.endswith(":") and is_ask_intro(stripped):
            block = [stripped]
            index += 1
            while index < len(lines) and not lines[index].stripped:
                index += 1
            # The first paragraph after the introduction is the ask, whatever its layout;
            # items and indented lines after it belong to it too.
            while (
                index < len(lines)
                and not _LABEL_LINE.match(lines[index].text)
                and (
                    lines[index].stripped
                    or is_item(lines[index].text)
                    or lines[index].text.startswith((" ", "\t"))
                )
            ):
                if not lines[index].stripped and not block[-1]:
                    break
                block.append(lines[index].stripped)
                index += 1
            parts.append("\n".join(block))
            continue
        index += 1
    parts.extend(s for s in layout.sentences if _ASK.search(s.lower()))
    return "\n".join(without_negations(p) for p in parts)


def is_ask_intro(line: str) -> bool:
    if _ACCOUNT_LIST_INTRO.search(line) or _DELIVERY.search(line):
        return False
    return bool(
        _ASK.search(line.lower()) or _SCHEDULE_HEADING.search(line) or _mentions_categories(line)
    )


def _mentions_categories(text: str) -> bool:
    return any(vocab.find(text) for _, vocab in _groups())


# A cheap first look: a part with none of these cannot negate anything.
_NEGATION_HINTS = (
    "not",
    "no",
    "exclud",
    "except",
    "other than",
    "without",
    "neither",
    "nor",
    "n't",
)


def without_negations(text: str) -> str:
    lowered = text.lower()
    if not any(hint in lowered for hint in _NEGATION_HINTS):
        return _DELIVERY_ADDRESS.sub(" ", text) if "address" in text else text
    text = _NEGATED_PAREN.sub(" ", text)
    text = _NEGATED_CLAUSE.sub(" ", text)
    kept = []
    for sentence in sentences_of(text.replace("\n", " \n ")) or [text]:
        clauses = re.split(r";|\bbut\b", sentence)
        kept.extend(c for c in clauses if not _NEGATED.search(c))
    return _DELIVERY_ADDRESS.sub(" ", " ".join(kept))


_REALTIME = {Category.REALTIME_CONTENT, Category.REALTIME_NONCONTENT}


# "all records of the account": everything stored, where the demand names nothing narrower.
_EVERYTHING = re.compile(
    r"\ball\s+(?:records|information|data|content and records|records and information)\s+"
    r"(?:\w+\s+){0,3}?(?:associated with|relating to|pertaining to|of|for|concerning)\s+"
    r"(?:the|this|that|each|said)\s+account",
    re.IGNORECASE,
)
# "the IP address 198.51.100.23 …" names a target; it does not ask for IP records.
_IP_AS_TARGET = re.compile(
    r"\bip\s+address(?:es)?\s+(?:of\s+)?(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:]+)",
    re.IGNORECASE,
)


def extract_categories(layout: Layout) -> list[Category]:
    """Each sentence or item of the ask read on its own: where it asks for monitoring going
    forward, its logs and headers are real-time non-content, not stored records."""
    ask = _IP_AS_TARGET.sub(" ", asked_text(layout))
    if not any(vocab.spans(ask) for category, vocab in _groups() if category in _REALTIME):
        found = unit_categories(flat(ask).lower())  # nothing real-time: one pass will do
    else:
        found = set()
        for unit in re.split(r"\n|(?<=[.;])\s+|,\s*and\s+", ask):
            found |= unit_categories(flat(unit).lower())
    if not found and _EVERYTHING.search(ask):
        found = set(STORED_CATEGORIES)  # "all records of the account", and nothing narrower
    return [c for c in Category if c in found]


def unit_categories(text: str) -> set[Category]:
    """The categories a lower-cased passage names, in one pass: where terms of two groups
    start at one place the longer wins ("ip address assigned" over "ip address"), and a term
    belongs to the first group, in the file's order, that holds it."""
    every, groups = _every_term()
    found: set[Category] = set()
    for match in every.pattern.finditer(text):
        term = match.group(0)
        found.add(next(category for category, vocab in groups if vocab.pattern.fullmatch(term)))
    return {c for c in found if c in _REALTIME} if found & _REALTIME else found


@cache
def _every_term() -> tuple[Vocabulary, tuple[tuple[Category, Vocabulary], ...]]:
    groups = _groups()
    return Vocabulary(term for _, vocab in groups for term in vocab.terms), groups
