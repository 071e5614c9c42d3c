"""The stated purpose: the sentences that say why a demand is made. A sentence each must
keep as the purpose, and a near miss (an agency's name, a command, a penalty clause, a
request for silence) it must leave out."""

from __future__ import annotations

import pytest

from custodes.intake.layout import Layout
from custodes.intake.purpose import extract_purpose

COMMAND = "You are commanded to produce the records listed below."

REASONS = [
    "The records are sought in an investigation of bank fraud.",
    "They relate to threats made against a school board member.",
    "The subscriber is suspected of selling stolen gift cards.",
    "A teenager has been missing since Friday and may be in danger.",
    "The information will be used to identify the person who posted the images.",
]

NEAR_MISSES = [
    # an agency's name holds the word, not a reason
    "This subpoena is issued by the Federal Bureau of Investigation, Denver Field Office.",
    # a command says what, not why
    "Produce the subscriber records by January 12, 2027.",
    # the penalty clause of a form
    "Failure to comply with this subpoena may result in contempt of court.",
]


@pytest.mark.parametrize("reason", REASONS)
def test_a_sentence_of_why_is_read_as_the_purpose(reason):
    assert extract_purpose(Layout.of(f"{COMMAND}\n\n{reason}")) == reason


@pytest.mark.parametrize("sentence", NEAR_MISSES)
def test_a_near_miss_is_no_purpose(sentence):
    assert extract_purpose(Layout.of(f"{COMMAND}\n\n{sentence}")) is None


def test_why_to_keep_quiet_is_not_why_the_records_are_sought():
    text = (
        f"{COMMAND}\n\nDo not notify the subscriber, because notice would threaten the "
        "investigation.\n\nThe account was used to sell counterfeit pills."
    )
    assert extract_purpose(Layout.of(text)) == "The account was used to sell counterfeit pills."


def test_a_background_section_is_read_whole():
    text = (
        f"{COMMAND}\n\nBackground: On May 2 a van was taken from a lot in Ogden. "
        "Its driver later posted photographs of it."
    )
    assert extract_purpose(Layout.of(text)) == (
        "Background: On May 2 a van was taken from a lot in Ogden. "
        "Its driver later posted photographs of it."
    )


def test_a_forms_instruction_to_whoever_fills_it_in_is_no_fact():
    form = (
        f"{COMMAND}\n\nPART 3 - FACTS\n"
        "Set out the facts showing a danger of death or serious injury to any person.\n"
        "The owner of the shop reported two laptops stolen on May 4.\n"
    )
    assert (
        extract_purpose(Layout.of(form))
        == "The owner of the shop reported two laptops stolen on May 4."
    )


def test_the_answer_after_an_instructions_colon_is_read():
    form = (
        f"{COMMAND}\n\nDescribe the emergency (facts showing a danger to life): a man posted a "
        "video of himself with a rifle outside the clinic at 9 a.m.\n"
    )
    assert extract_purpose(Layout.of(form)) == (
        "a man posted a video of himself with a rifle outside the clinic at 9 a.m."
    )


def test_a_choice_left_unticked_is_no_reason_even_where_it_wraps():
    form = (
        f"{COMMAND}\n\nReason for the request:\n"
        "  [ ] A person faces a danger of death or of serious physical\n"
        "      injury that will not wait for process\n"
        "  [X] The account was used to sell forged tickets to a concert.\n"
    )
    purpose = extract_purpose(Layout.of(form)) or ""
    assert "forged tickets" in purpose
    assert "danger" not in purpose and "injury" not in purpose
