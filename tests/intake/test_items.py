"""The records a demand asks for, one item at a time: an item each must read as its kinds of
data, and a near miss (an unticked box, a record it says it does not want, narrative, the
provider's own name) it must not."""

from __future__ import annotations

import pytest

from custodes.intake.items import item_categories, requested_items
from custodes.intake.layout import Layout

SCHEDULE = "ATTACHMENT B\nRECORDS TO BE PRODUCED\n\n{}\n"


def asked(text: str, own_names=("Parley Social, Inc.",)) -> list[tuple[str, str]]:
    return [(i.text, str(i.category)) for i in requested_items(Layout.of(text), own_names)]


ITEMS = [
    ("1. The subscriber's name, address and telephone number.", {"subscriber"}),
    ("1. Login records with IP addresses and timestamps.", {"transactional"}),
    ("1. The contents of private messages sent or received.", {"content"}),
    ("1. Geotags attached to posts.", {"location"}),
    ("[X] Account creation date and registration e-mail", {"subscriber"}),
    (
        "1. Photographs uploaded to the account, including their location metadata.",
        {"content", "location"},
    ),
]


@pytest.mark.parametrize(("item", "categories"), ITEMS)
def test_an_item_in_the_schedule_is_read_as_its_kinds_of_data(item, categories):
    assert {category for _, category in asked(SCHEDULE.format(item))} == categories


NOT_ITEMS = [
    "[ ] The contents of private messages",  # an unticked box
    "Parley Social, Inc. keeps its records in California.",  # the provider's own name
]


@pytest.mark.parametrize("text", NOT_ITEMS)
def test_a_near_miss_asks_for_nothing(text):
    assert asked(SCHEDULE.format(text)) == []


NARRATIVE = [
    "Dear custodian,\n\nThe officer reviewed the messages and photographs last week.",
    pytest.param(
        "The group asks its followers to share the video of the march.",
        marks=pytest.mark.xfail(
            strict=True,
            reason="what the account asks of others (“asks its followers to share the "
            "video”) is read as an ask of the provider: followers and video as records "
            "(transactional, content)",
        ),
    ),
]


@pytest.mark.parametrize("text", NARRATIVE)
def test_narrative_outside_the_schedule_asks_for_nothing(text):
    assert asked(text) == []


def test_an_item_not_wanted_is_dropped():
    text = SCHEDULE.format("1. Subscriber information (but not the contents of any message)")
    assert {category for _, category in asked(text)} == {"subscriber"}


def test_a_sentence_that_asks_the_provider_is_read_without_a_schedule():
    text = "Please provide the login history of the account for May 2026."
    assert {category for _, category in asked(text)} == {"transactional"}


CATEGORIES = [
    ("records of payments, including for promoted posts", ["subscriber"]),
    ("records (the subscriber's name and address)", ["subscriber"]),
    ("the contents of messages, intercepted in real time", ["realtime_content"]),
]


@pytest.mark.parametrize(("text", "categories"), CATEGORIES)
def test_one_items_categories(text, categories):
    assert [str(c) for c in item_categories(text)] == categories


def test_under_a_prospective_introduction_what_an_item_names_is_captured_as_it_happens():
    assert [str(c) for c in item_categories("IP addresses", prospective=True)] == [
        "realtime_noncontent"
    ]


# To whom the records go, named before them, is no record; a record named in capitals is one.
@pytest.mark.parametrize(
    ("text", "categories"),
    [
        (
            "You are directed to furnish the Drug Enforcement Administration (DEA) the name, "
            "address and length of service of the account.",
            {"subscriber"},
        ),
        (
            "You are directed to furnish Agent Marlow all login records of the account.",
            {"transactional"},
        ),
        (
            "You are directed to furnish the Subscriber Information for the account.",
            {"subscriber"},
        ),
    ],
)
def test_the_recipient_before_the_records_is_not_read_as_them(text, categories):
    assert {category for _, category in asked(text)} == categories
