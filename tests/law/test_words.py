"""Every value of every closed vocabulary, and every state and outcome of a case, has the plain
words people read; the notices' longer phrases are built on the same labels."""

from __future__ import annotations

from enum import StrEnum

import pytest

from custodes.cases.workflow import Outcome, State
from custodes.law import vocab, words

VOCABULARIES = {
    vocab.Instrument: "instrument",
    vocab.Category: "category",
    vocab.SelectorKind: "selector",
    vocab.Action: "action",
    vocab.NoticeAction: "notice",
    vocab.Severity: "severity",
    vocab.Code: "finding",
    State: "state",
    Outcome: "outcome",
}


def test_every_closed_vocabulary_of_the_contract_is_worded():
    closed = {
        value
        for value in vars(vocab).values()
        if isinstance(value, type) and issubclass(value, StrEnum) and value is not StrEnum
    }
    assert closed <= set(VOCABULARIES)


@pytest.mark.parametrize(
    ("value", "vocabulary"),
    [(member.value, name) for enum, name in VOCABULARIES.items() for member in enum],
)
def test_every_value_has_plain_words(value, vocabulary):
    label = words.LABELS[vocabulary][value]
    assert label.strip() and "_" not in label


def test_pages_read_short_labels():
    assert words.label("instrument", "administrative_subpoena") == "administrative subpoena"
    assert words.label("action", "produce_partial") == "produce in part"
    assert words.label("state", "in_review") == "in review"
    assert words.label("category", "subscriber") == "basic subscriber information"


def test_a_value_not_yet_worded_reads_as_itself():
    assert words.label("finding", "SOMETHING_NEW") == "SOMETHING_NEW"


def test_notices_read_the_longer_phrase_built_on_the_label():
    assert words.instrument("administrative_subpoena") == (
        "an administrative subpoena (issued by an agency, not a judge)"
    )
    assert words.instrument("no_such_thing") == "a legal demand"
    assert words.categories(["subscriber", "location"]) == [
        "basic subscriber information (name, address, session times, phone, payment details, "
        "IP address at sign-up)",
        "location history",
    ]
