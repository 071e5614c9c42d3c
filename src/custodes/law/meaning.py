"""The rules defined by meaning: what a demand's stated reason is about.

They read the demand's stated purpose against vocabularies of kinds (speech acts, their
subjects, offences, dangers) from packs/meaning.toml, never phrases of particular demands.
Each returns the evidence it found (the words that decided it) or an empty list.
"""

from __future__ import annotations

import re

from custodes.law.pack import StatuteField, load_vocabularies

# How far before an offence a speech act may stand for the offence to be what the speech is
# about ("posted videos of police shootings") rather than the offence under investigation.
_SUBJECT_MATTER_WINDOW = 60
# How far before a danger term a negation may stand ("nobody is in danger").
_NEGATION_WINDOW = 24


def speech_evidence(purpose: str | None) -> list[str]:
    """The speech an account is pursued for, if that and no other crime is the stated reason."""
    if not purpose:
        return []
    vocab = load_vocabularies()
    if vocab["crime"]["violent_threats"].find(purpose) or _offences_investigated(purpose):
        return []
    acts = vocab["speech"]["acts"].find(purpose)
    subjects = vocab["speech"]["subjects"].find(purpose)
    claims = vocab["speech"]["claims"].find(purpose)
    if (acts and (subjects or claims)) or (claims and subjects):
        return [*acts[:3], *claims[:2], *subjects[:2]]
    return []


def _offences_investigated(purpose: str) -> list[str]:
    """Offences named as the reason, leaving out those a speech act is about."""
    vocab = load_vocabularies()
    act_ends = [end for _, end in vocab["speech"]["acts"].spans(purpose)]
    found = []
    for start, end in vocab["crime"]["offences"].spans(purpose):
        is_subject_matter = any(0 <= start - e <= _SUBJECT_MATTER_WINDOW for e in act_ends)
        if not is_subject_matter:
            found.append(purpose[start:end].lower())
    return found


def field_evidence(statute: StatuteField, purpose: str | None) -> list[str] | None:
    """Words of the purpose inside the statute's field; None when there is no purpose to read."""
    if not purpose:
        return None
    return statute.terms.find(purpose)


def child_safety_evidence(purpose: str | None) -> list[str]:
    if not purpose:
        return []
    return load_vocabularies()["child_safety"]["offences"].find(purpose)


def danger_evidence(purpose: str | None) -> list[str]:
    """Danger of death or serious injury stated as fact, not in a boilerplate certification."""
    if not purpose:
        return []
    vocab = load_vocabularies()["emergency"]
    found: list[str] = []
    for sentence in _sentences(purpose):
        if _is_certification(sentence):
            continue
        for start, end in vocab["danger"].spans(sentence):
            before = sentence[max(0, start - _NEGATION_WINDOW) : start]
            if not vocab["negations"].find(before):
                found.append(sentence[start:end].lower())
    return list(dict.fromkeys(found))


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n\s*\n", text) if s.strip()]


def _is_certification(sentence: str) -> bool:
    lowered = sentence.lower()
    return "certify" in lowered or "good faith" in lowered or "i believe in good faith" in lowered
