"""The rules defined by meaning: what a demand's stated reason is about.

They read the demand's stated purpose against vocabularies of kinds (speech acts, their
subjects, offences, dangers) from packs/meaning.toml, never phrases of particular demands.
Each returns the evidence it found (the words that decided it) or an empty list.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, cached_property

from custodes.law.pack import StatuteField, load_vocabularies
from custodes.law.terms import Vocabularies

# How far before an offence a speech act may stand for the offence to be what the speech is
# about ("posted videos of police shootings") rather than the offence under investigation.
# An accusation's object runs on to the end of its clause, however long ("accusing the
# Attorney General of accepting payments … for dropping a consumer-protection case").
_SUBJECT_MATTER_WINDOW = 60
_ACCUSING = re.compile(r"accus|alleg")
# What ends the speech act's object: past it, an offence is the conduct the speech went with
# ("false statements while secretly selling", "posted …, then sold"), not what it is about.
_CLAUSE_BREAK = re.compile(r"[;:.()]|\b(?:while|then|thereby|whereupon)\b")
# How far before a danger term a negation may stand ("nobody is in danger").
_NEGATION_WINDOW = 24
# Handles, addresses and links name accounts; their words ("@roof.scam.alert") are no reason.
_NAMES = re.compile(r"https?://\S+|\S+@\S+\.\w+|(?<![\w@])@[\w.]+", re.IGNORECASE)
# A run of characters between spaces that holds an "@" or a "://", as every name does.
_NAMED_RUN = re.compile(r"(?<!\S)\S*?(?:@|://)\S*")


def _without_names(purpose: str) -> str:
    """The purpose with `_NAMES` masked, read only in the runs that may hold a name (a name
    never holds a space)."""
    if "@" not in purpose and "://" not in purpose:
        return purpose
    return _NAMED_RUN.sub(lambda run: _NAMES.sub(" ", run[0]), purpose)


# The vocabularies read over the whole reason, all in one pass (`Reason.found`).
_READ_WHOLE = (
    ("speech", "acts"),
    ("speech", "claims"),
    ("speech", "subjects"),
    ("speech", "leaks"),
    ("speech", "references"),
    ("crime", "civil_wrongs"),
    ("crime", "violent_threats"),
    ("crime", "offences"),
    ("crime", "deceit_in_trade"),
    ("child_safety", "offences"),
)


@cache
def _one_pass() -> Vocabularies:
    vocabularies = load_vocabularies()
    return Vocabularies(
        {f"{section}.{name}": vocabularies[section][name] for section, name in _READ_WHOLE}
    )


@dataclass(frozen=True)
class Reason:
    """A demand's stated purpose as the rules read it, worked out once for each review: its
    text without names, and where each vocabulary of `_READ_WHOLE` finds its terms in it.
    Made for each review, never kept between reviews."""

    text: str  # the purpose without its names ("" where none is stated)
    lowered: str
    found: dict[str, list[tuple[int, int]]]  # by "section.name"

    @classmethod
    def of(cls, purpose: str | None) -> Reason:
        text = _without_names(purpose) if purpose else ""
        lowered = text.lower()
        return cls(text, lowered, _one_pass().spans(lowered))

    def terms(self, vocabulary: str) -> list[str]:
        """The distinct words of a vocabulary found, in the order they stand."""
        return _texts(self.lowered, self.found[vocabulary])

    def stated(self, vocabulary: str) -> list[tuple[int, int]]:
        """Where a vocabulary's words stand outside a form's own printed words (looked for
        only where the vocabulary has words to place)."""
        found = self.found[vocabulary]
        return _outside(found, self.form_words) if found else found

    @cached_property
    def form_words(self) -> list[tuple[int, int]]:
        """Where a form's own words stand: its boxes with what they say, its labels in capitals
        (the places of `text`, which are those of `lowered` where lower case keeps lengths)."""
        if _FORM_MARKS.isdisjoint(self.text) or len(self.text) != len(self.lowered):
            return []
        return [match.span() for match in _FORM_WORDS.finditer(self.text)]

    @cached_property
    def speech(self) -> list[str]:
        return speech_evidence(self)

    @cached_property
    def danger(self) -> list[str]:
        return danger_evidence(self)

    @cached_property
    def child_safety(self) -> list[str]:
        if not self.text:
            return []
        named = self.terms("child_safety.offences")
        if named:
            return named
        # (read apart, and rarely: few reasons name an offence that may be against anyone)
        vocabularies = load_vocabularies()["child_safety"]
        named = vocabularies["offences_on_a_child"].find(self.lowered)
        return named if named and vocabularies["children"].find(self.lowered) else []


def speech_evidence(reason: Reason) -> list[str]:
    """The speech an account is pursued for, if that and no other crime is the stated reason."""
    if not reason.text:
        return []
    act_spans = _outside(reason.stated("speech.acts"), reason.found["speech.references"])
    acts = _texts(reason.lowered, act_spans)
    claims = _texts(reason.lowered, reason.stated("speech.claims"))
    if not (acts or claims):
        return []
    subjects = _texts(reason.lowered, reason.stated("speech.subjects"))
    if not ((acts and (subjects or claims)) or (claims and subjects)):
        return []
    leaked = bool(reason.found["speech.leaks"])
    if (
        reason.found["crime.violent_threats"]
        or reason.found["crime.civil_wrongs"]
        or _offences_investigated(reason, act_spans, leaked)
    ):
        return []
    return [*acts[:3], *claims[:2], *subjects[:2]]


def _outside(spans: list[tuple[int, int]], others: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that stand inside none of the others."""
    return [(s, e) for s, e in spans if not any(a <= s and e <= b for a, b in others)]


def _texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return list(dict.fromkeys(text[start:end] for start, end in spans))


def _offences_investigated(
    reason: Reason, act_spans: list[tuple[int, int]], leaked: bool
) -> list[str]:
    """Offences named as the reason (deceit in trade among them), leaving out those a speech
    act is about and, where the reason is the publishing of leaked records, the taking of
    those records."""
    taking_records = load_vocabularies()["crime"]["taking_records"]
    text = reason.lowered
    reach = [
        (end, len(text) if _ACCUSING.match(text, start) else _SUBJECT_MATTER_WINDOW)
        for start, end in act_spans
    ]
    found = []
    offences = reason.found["crime.offences"] + reason.found["crime.deceit_in_trade"]
    if '"' in text or "“" in text:  # what the account is quoted as saying ("a political hack")
        offences = _outside(offences, [m.span() for m in _QUOTED.finditer(text)])
    for start, end in sorted(offences):
        is_subject_matter = any(
            0 <= start - e <= window and not _CLAUSE_BREAK.search(text, e, start)
            for e, window in reach
        )
        taking = leaked and taking_records.pattern.fullmatch(text[start:end])
        if not (is_subject_matter or taking):
            found.append(text[start:end])
    return found


_QUOTED = re.compile(r'"[^"]{1,200}"|“[^”]{1,200}”')


def field_evidence(statute: StatuteField, reason: Reason) -> list[str] | None:
    """Words of the purpose inside the statute's field; None when there is no purpose to read.
    An agency's name and the law a demand says it issues under are no purpose: "pursuant to
    the Controlled Substances Act" names the authority that the purpose is tested against."""
    if not reason.text:
        return None
    names = load_vocabularies()["names"]["agencies"].spans(reason.lowered)
    names += [match.span() for match in _UNDER_A_LAW.finditer(reason.lowered)]
    return _texts(reason.lowered, _outside(statute.terms.spans(reason.lowered), names))


# "pursuant to the Controlled Substances Act", "under the authority of the Tariff Act of 1930"
_UNDER_A_LAW = re.compile(
    r"\b(?:pursuant to|under|by (?:the )?authority of|authori[sz]ed by)\s+(?:the\s+)?"
    r"(?:[a-z][\w&,-]*\s+){1,6}?(?:act|code)\b(?:\s+of\s+\d{4})?"
)


def danger_evidence(reason: Reason) -> list[str]:
    """Danger of death or serious injury stated as fact, not in a boilerplate certification."""
    if not reason.text:
        return []
    vocab = load_vocabularies()["emergency"]
    sentences = []
    for written in _sentences(reason.text):
        if _is_certification(written.lower()) or written.rstrip().endswith("?"):
            continue
        if not _FORM_MARKS.isdisjoint(written):
            written = _FORM_WORDS.sub(" ", written)
        sentences.append(written.lower())
    # The sentences read in one pass, each apart: no term holds a NUL or runs over one, and
    # a NUL before or after a term is, as a sentence's start or end is, no letter.
    text = "\0".join(sentences)
    starts = list(itertools.accumulate((len(s) + 1 for s in sentences[:-1]), initial=0))
    found: list[str] = []
    for start, end in vocab["danger"].spans(text):
        sentence_start = starts[bisect_right(starts, start) - 1]
        before = text[max(sentence_start, start - _NEGATION_WINDOW) : start]
        if not vocab["negations"].find(before):
            found.append(text[start:end])
    return list(dict.fromkeys(found))


# A form's own words are no facts: its boxes and what they say ("[X] Imminent danger of
# death"), and its labels in capitals ("DESCRIBE THE FACTS SHOWING AN IMMINENT DANGER:").
# (It opens with the characters either starts with, which the engine looks for at once.)
_FORM_WORDS = re.compile(
    r"[\[(☐☒☑□■A-Z](?:(?<=\[)\s*[xX✓✔]?\s*\][^\[\]☐☒☑□■:.?]{0,100}|"
    # a round box has a space inside or a radio's dot, as `intake.boxes` reads it: "( X )"
    r"(?<=\()(?:\s+[xX✓✔*•]?|[xX✓✔](?=\s)|[*•])\s*\)[^\[\]☐☒☑□■:.?]{0,100}|"
    r"(?<=[☐☒☑□■])[^\[\]☐☒☑□■:.?]{0,100}|(?<=[A-Z])(?<!\w.)[A-Z ,/()'-]{8,}:)"
)


# What `_FORM_WORDS` needs one of: a sentence without any has no form words to blank.
_FORM_MARKS = frozenset("[(:☐☒☑□■")


# Where a sentence ends: white space after a full stop, "!" or "?", or a blank line. Written to
# open with `\s` (each ending's look-behind after it), so that the regex engine tries only at
# white space rather than at every character: a third faster than "(?<=[.!?])\s+|\n\s*\n",
# which splits at the same places.
_SENTENCE_END = re.compile(r"\s(?:(?<=[.!?]\s)\s*|(?<=\n)\s*\n)")


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def _is_certification(sentence: str) -> bool:
    return "certify" in sentence or "good faith" in sentence
