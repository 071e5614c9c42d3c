"""Vocabularies of terms: one read over many vocabularies finds what each would alone, and
the stated reason loses its names however it is read."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from custodes.law.meaning import _NAMES, _READ_WHOLE, Reason, _without_names
from custodes.law.pack import load_vocabularies
from custodes.law.terms import Vocabularies, Vocabulary


def test_a_term_with_a_wildcard_end_is_kept_beside_a_longer_one_it_begins():
    vocabulary = Vocabulary(["threat*", "threat* to kill"])
    assert vocabulary.find("he threatened her") == ["threatened"]
    assert vocabulary.find("threats to kill") == ["threats to kill"]


def test_one_read_of_two_vocabularies_finds_what_each_finds_alone():
    threats = Vocabulary(["threat* to kill", "bomb*"])
    words = Vocabulary(["threat*", "kill", "to kill"])
    both = Vocabularies({"threats": threats, "words": words})
    text = "threats to kill; a threat, bombing. kill to kill"
    assert both.spans(text) == {"threats": threats.spans(text), "words": words.spans(text)}


_WORDS = sorted(
    {
        word
        for section, name in _READ_WHOLE
        for term in load_vocabularies()[section][name].terms
        for word in term.replace("*", "").split()
    }
)
_PASSAGES = st.lists(
    st.sampled_from(_WORDS) | st.sampled_from([" ", "-", ".", ", ", "\n", "s", "ed", "'"]),
    max_size=40,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_PASSAGES)
def test_the_reasons_one_read_finds_what_each_vocabulary_finds_alone(passage):
    vocabularies = load_vocabularies()
    found = Reason.of(passage).found
    for section, name in _READ_WHOLE:
        lowered = passage.lower()
        assert found[f"{section}.{name}"] == vocabularies[section][name].spans(lowered)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab@.:/hps_ \n\t-1", max_size=40).map(lambda t: t.replace("1", "http")))
def test_names_are_masked_as_the_one_pattern_masks_them(text):
    assert _without_names(text) == _NAMES.sub(" ", text)


def test_a_purpose_keeps_its_words_and_loses_its_names():
    reason = Reason.of("Threats sent from x.y@mail.example and https://t.example/x to @roof.")
    assert "mail.example" not in reason.text and "t.example" not in reason.text
    assert "@roof" not in reason.text and reason.text.startswith("Threats sent from")
