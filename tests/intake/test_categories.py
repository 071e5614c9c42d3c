"""The kinds of data a requested record names, and the lines that introduce a list of records:
a line each must read, and a near miss it must not."""

from __future__ import annotations

import pytest

from custodes.intake.categories import is_ask_intro, unit_categories

NAMES = [
    ("the subscriber's name and address", {"subscriber"}),
    ("the contents of direct messages", {"content"}),
    ("messages sent or received", {"content"}),
    ("IP addresses used to log in", {"subscriber"}),
    ("the account's creation date", {"subscriber"}),
    ("a list of the account's followers", {"transactional"}),
    ("posts made by the account", {"content"}),
    pytest.param(
        "the date the account was closed",
        {"subscriber"},
        marks=pytest.mark.xfail(
            strict=True,
            reason="the day an account was closed (its length of service) reads as no kind",
        ),
    ),
    pytest.param(
        "the times the user logged in",
        {"transactional"},
        marks=pytest.mark.xfail(
            strict=True,
            reason="login times written as a clause reads as no kind ('login' alone does)",
        ),
    ),
]

INTRODUCTIONS = [
    "Please produce the following records:",
    "The following records are requested:",
    "Records:",
    "We request, on an urgent basis:",
    "I respectfully ask, for the week of May 4:",
]

NOT_INTRODUCTIONS = [
    "We thank you for the records.",
    pytest.param(
        "We have received the following records:",
        marks=pytest.mark.xfail(
            strict=True,
            reason="a line ending in a colon after 'the following records' introduces a list "
            "of records asked for, even where it says they were received",
        ),
    ),
    pytest.param(
        "The following were produced last year:",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'the following' and a colon introduce an ask, even of records produced before",
        ),
    ),
]


@pytest.mark.parametrize(("text", "categories"), NAMES)
def test_a_record_is_read_as_its_kind_of_data(text, categories):
    assert {str(c) for c in unit_categories(text)} == categories


@pytest.mark.parametrize("line", INTRODUCTIONS)
def test_a_line_that_introduces_the_records(line):
    assert is_ask_intro(line)


@pytest.mark.parametrize("line", NOT_INTRODUCTIONS)
def test_a_line_that_mentions_records_introduces_none(line):
    assert not is_ask_intro(line)
