"""The words of each data category, read in one pass over a passage, and what a passage
says it does not want. `items` decides which passages are asked for: this module only
names the categories in them.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from importlib import resources

from custodes.intake.layout import sentences_of
from custodes.law.terms import Vocabulary
from custodes.law.vocab import Category

_SCHEDULE_HEADING = re.compile(
    r"(records?|information|documents|data|things|items|materials?)\b.{0,40}"
    r"\b(produc|request|disclos|preserv|seiz|provid|sought|furnish)|"
    r"\b(records?|information)\s+(requested|sought)|"
    r"(produc|disclos|preserv|provid)\w*\s.{0,30}(records?|information|documents)",
    re.IGNORECASE,
)
# Words that ask for what follows, in the first person or in the languages foreign police
# and courts write in: "We request, on an emergency basis:", "Wir bitten um Übermittlung
# folgender Daten …:", "DETERMINO que … forneça, …:", "de bien vouloir nous communiquer, …".
_ASKING = (
    r"(?:(?:we|i) (?:\w+ )?(?:request|ask|seek|require)|"
    r"bitten um|ersuchen um|übermitt\w*|mitzuteilen|herauszugeben|forne[çc]\w*|"
    r"encaminh\w*|solicit(?:ar|a|o|amos|e|ud)|proporcion\w*|suministr\w*|remit(?:a|ir|an)|"
    r"communiquer|fournir|transmettre)"
)
_ASKING_WORDS = re.compile(rf"\b{_ASKING}\b")
# Read against lower-cased text: a case-sensitive pattern is much faster.
_ASK = re.compile(
    r"\b(produce|provide|disclose|preserve|furnish|send(?: over)?|turn over|hand over|"
    r"looking for|seeks?|seeking|requests?(?:ed)? (?:that|the|all|any|for|you)|"
    r"ask(?:s|ing)? (?:you )?(?:for|to provide)|directed to provide|commanded to produce|"
    r"bring|the following|any and all|all records|obtain|want|need|install\w*|"
    r"(?:to|shall) intercept|seize|to search|"
    r"tell (?:me|us)|let (?:me|us) know|who (?:owns|is behind|runs|operates|uses)|identify|"
    r"authoriz\w+ the (?:installation|interception)|to be seized|to be disclosed|"
    rf"{_ASKING})\b|"
    r"^\s*(?:records|information|data|items|documents|things)\b[^:.]{0,40}:",
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
    r"[^.;:]*|\b(?:excluded|exclusions?|not included|not requested|not sought)\s*:[^.;]*",
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"\b(?:does|do|did|will|shall|is|are|need|should|would|must|may|can)\s+not\b|"
    r"\b(?:doesn't|don't|won't|cannot|mustn't|shan't)\b|"
    r"\bno\s+(?:content|contents)\b|\bnot\s+(?:seeking|requesting|asking)\b|\bneither\b|\bnor\b|"
    r"\bnothing\b|\bnão\b|\bnicht\b(?!\s+nur\b)|"
    # a clause that opens with "not" and what is not wanted: "NOT the subject, body, or any
    # attachment"; not "Not later than ten days", "Not only …"
    r"^\W*not\s+(?!later\b|earlier\b|less\b|more\b|only\b|before\b|after\b)(?:the|any|its|their|including)\b",
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
    return tuple(
        (Category(g["category"]), Vocabulary(_with_ocr_slips(g["terms"]))) for g in data["groups"]
    )


def _with_ocr_slips(terms: list[str]) -> list[str]:
    """The terms and the way a scan misreads them: "m" as "rn" ("rnessages"), one letter at a
    time and all at once."""
    out = list(terms)
    for term in terms:
        places = [i for i, char in enumerate(term) if char == "m"]
        if 0 < len(places) <= 3:
            out += [term[:i] + "rn" + term[i + 1 :] for i in places]
            out.append(term.replace("m", "rn"))
    return list(dict.fromkeys(out))


def is_ask_intro(line: str) -> bool:
    if _ACCOUNT_LIST_INTRO.search(line) or _DELIVERY.search(line):
        return False
    return bool(
        _ASK.search(line.lower()) or _SCHEDULE_HEADING.search(line) or _mentions_categories(line)
    )


def asks(introduction: str) -> bool:
    """Whether an introduction wrapped over lines asks for what follows in its words of
    asking ("… me permito solicitar la" / "siguiente información respecto de la cuenta:")."""
    return not _DELIVERY.search(introduction) and bool(_ASKING_WORDS.search(introduction.lower()))


def _mentions_categories(text: str) -> bool:
    return any(vocab.find(text) for _, vocab in _groups())


# A cheap first look: every place the three patterns above can match holds one of these.
# (Each alternative opens with a letter, which the engine looks for at once, and looks back
# past it for the word's start: `(?<!\w.)` is a boundary before the letter.)
_NEGATION_CUE = re.compile(
    r"n(?:(?<!\w.)(?:ot\b|o\s+contents?\b|either\b|or\b|othing\b|ão\b|icht\b)|'t\b)|"
    r"c(?<!\w.)annot\b|"
    r"e(?<!\w.)xc(?:lu|ept\b)|o(?<!\w.)ther\s+than\b|w(?<!\w.)ithout\b"
)


def without_negations(text: str) -> str:
    if not _NEGATION_CUE.search(text.lower()):
        return _DELIVERY_ADDRESS.sub(" ", text) if "address" in text else text
    text = _NEGATED_PAREN.sub(" ", text)
    text = _NEGATED_CLAUSE.sub(" ", text)
    kept = []
    for sentence in sentences_of(text.replace("\n", " \n ")) or [text]:
        clauses = re.split(r";|\bbut\b", sentence)
        kept.extend(c for c in clauses if not _NEGATED.search(c))
    return _DELIVERY_ADDRESS.sub(" ", " ".join(kept))


_REALTIME = {Category.REALTIME_CONTENT, Category.REALTIME_NONCONTENT}


def unit_categories(text: str) -> set[Category]:
    """The categories a lower-cased passage names, in one pass: where terms of two groups
    start at one place the longer wins ("ip address assigned" over "ip address"), and a term
    belongs to the first group, in the file's order, that holds it."""
    every, _ = _every_term()
    found = {category_of(match.group(0)) for match in every.pattern.finditer(text)}
    return {c for c in found if c in _REALTIME} if found & _REALTIME else found


def term_spans(text: str) -> list[tuple[int, int]]:
    """Where each category term stands in a lower-cased passage."""
    every, _ = _every_term()
    return [match.span() for match in every.pattern.finditer(text)]


@lru_cache(maxsize=8192)
def category_of(term: str) -> Category:
    """The first group, in the file's order, that holds a matched term."""
    return next(category for category, vocab in _groups() if vocab.pattern.fullmatch(term))


@cache
def _every_term() -> tuple[Vocabulary, tuple[tuple[Category, Vocabulary], ...]]:
    groups = _groups()
    return Vocabulary(term for _, vocab in groups for term in vocab.terms), groups
