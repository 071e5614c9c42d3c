"""The rules defined by meaning: what a demand's stated reason is about.

They read the demand's stated purpose against vocabularies of kinds (speech acts, their
subjects, offences, dangers) from packs/meaning.toml, never phrases of particular demands.
Each returns the evidence it found (the words that decided it) or an empty list.
"""

from __future__ import annotations

import re
from functools import lru_cache

from custodes.law.pack import StatuteField, load_vocabularies

# How far before an offence a speech act may stand for the offence to be what the speech is
# about ("posted videos of police shootings") rather than the offence under investigation.
_SUBJECT_MATTER_WINDOW = 60
# How far before a danger term a negation may stand ("nobody is in danger").
_NEGATION_WINDOW = 24
# Handles, addresses and links name accounts; their words ("@roof.scam.alert") are no reason.
_NAMES = re.compile(r"https?://\S+|\S+@\S+\.\w+|(?<![\w@])@[\w.]+", re.IGNORECASE)


@lru_cache(maxsize=64)
def _reason_text(purpose: str | None) -> str:
    """The purpose without its names; each rule reads it, so it is masked once."""
    return _NAMES.sub(" ", purpose) if purpose else ""


def speech_evidence(purpose: str | None) -> list[str]:
    """The speech an account is pursued for, if that and no other crime is the stated reason."""
    text = _reason_text(purpose).lower()
    if not text:
        return []
    speech = load_vocabularies()["speech"]
    act_spans = speech["acts"].spans(text)
    acts = _texts(text, act_spans)
    claims = speech["claims"].find(text)
    if not (acts or claims):
        return []
    subjects = speech["subjects"].find(text)
    if not ((acts and (subjects or claims)) or (claims and subjects)):
        return []
    crime = load_vocabularies()["crime"]
    leaked = bool(speech["leaks"].find(text))
    if (
        _violent_threats(text)
        or crime["civil_wrongs"].find(text)
        or _offences_investigated(text, act_spans, leaked)
    ):
        return []
    return [*acts[:3], *claims[:2], *subjects[:2]]


def _texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return list(dict.fromkeys(text[start:end] for start, end in spans))


def _violent_threats(text: str) -> list[str]:
    return load_vocabularies()["crime"]["violent_threats"].find(text)


def _offences_investigated(text: str, act_spans: list[tuple[int, int]], leaked: bool) -> list[str]:
    """Offences named as the reason, leaving out those a speech act is about and, where the
    reason is the publishing of leaked records, the taking of those records."""
    crime = load_vocabularies()["crime"]
    act_ends = [end for _, end in act_spans]
    found = []
    for start, end in crime["offences"].spans(text):
        is_subject_matter = any(0 <= start - e <= _SUBJECT_MATTER_WINDOW for e in act_ends)
        taking = leaked and crime["taking_records"].pattern.fullmatch(text[start:end])
        if not (is_subject_matter or taking):
            found.append(text[start:end])
    return found


def field_evidence(statute: StatuteField, purpose: str | None) -> list[str] | None:
    """Words of the purpose inside the statute's field; None when there is no purpose to read."""
    if not purpose:
        return None
    return statute.terms.find(_reason_text(purpose))


def child_safety_evidence(purpose: str | None) -> list[str]:
    if not purpose:
        return []
    return load_vocabularies()["child_safety"]["offences"].find(_reason_text(purpose))


def danger_evidence(purpose: str | None) -> list[str]:
    """Danger of death or serious injury stated as fact, not in a boilerplate certification."""
    if not purpose:
        return []
    vocab = load_vocabularies()["emergency"]
    found: list[str] = []
    for written in _sentences(_reason_text(purpose)):
        if _is_certification(written.lower()) or written.rstrip().endswith("?"):
            continue
        sentence = _FORM_WORDS.sub(" ", written).lower()
        for start, end in vocab["danger"].spans(sentence):
            before = sentence[max(0, start - _NEGATION_WINDOW) : start]
            if not vocab["negations"].find(before):
                found.append(sentence[start:end])
    return list(dict.fromkeys(found))


# A form's own words are no facts: its boxes and what they say ("[X] Imminent danger of
# death"), and its labels in capitals ("DESCRIBE THE FACTS SHOWING AN IMMINENT DANGER:").
_FORM_WORDS = re.compile(
    r"(?:\[\s*[xX✓✔]?\s*\]|[☐☒☑□■])[^\[\]☐☒☑□■:.?]{0,100}|\b[A-Z][A-Z ,/()'-]{8,}:"
)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n\s*\n", text) if s.strip()]


def _is_certification(sentence: str) -> bool:
    return "certify" in sentence or "good faith" in sentence
