"""Which datasets a demand's items name, and which side of a conversation they ask for, on
the wording of the demands in the shared cases (schedules written by others), against the
demo connector's terms. No database."""

from __future__ import annotations

import pytest

from custodes.production import choice
from custodes.production import connector as connectors
from custodes.production.connector import BOTH, RECEIVED, SENT

DEMO = connectors.load(connectors.DEMO, url="sqlite://")
DATASETS = {d.name: d for d in DEMO.datasets}


@pytest.mark.parametrize(
    ("category", "text", "named"),
    [
        (
            "content",
            "The contents of all direct messages sent or received by the account during the time "
            "period, including the text of each message and any photographs, videos, or files "
            "attached to it.",
            {"messages"},
        ),
        (
            "content",
            "The contents of all posts, comments, direct messages (sent, received, and draft), "
            "photographs, videos and voice notes stored in or associated with the account",
            {"posts", "messages"},
        ),
        (
            "content",
            "All reviews, posts, comments and direct messages authored by the account that refer "
            "to Plaintiffs, Brightline Family Dentistry, or Dr. Marsh",
            {"posts", "messages"},
        ),
        (
            "content",
            "The contents of all direct messages sent from or received by the account, and all "
            "photographs and videos posted to or stored in the account.",
            {"messages"},
        ),
        ("content", "The direct messages exchanged between the two accounts.", {"messages"}),
        (
            "content",
            "The content of all private messages sent and received by the accounts, including "
            "attached images and files (Inhaltsdaten).",
            {"messages"},
        ),
        ("content", "Any DMs and chats", {"messages"}),
        ("content", "photographs and videos stored in the account", set()),
        (
            "transactional",
            "All records of user activity for the account: IP address logs showing the IP "
            "address, source port, date, time and time zone of each login, logout and session",
            {"logins"},
        ),
        (
            "transactional",
            "electronic mail header information (to, from, date/time), excluding message content",
            set(),
        ),
        (
            "location",
            "All location information associated with the account, including GPS coordinates, "
            "location history, check-ins, and geotags embedded in or attached to posts, "
            "photographs and messages.",
            {"locations"},
        ),
    ],
)
def test_an_item_names_the_datasets_of_its_category_whose_words_it_uses(category, text, named):
    theirs = DEMO.datasets_for(category)
    assert {d.name for d in theirs if choice.names(d, text)} == named


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("the contents of direct messages sent or received by the account", BOTH),
        ("direct messages sent from or received by the account", BOTH),
        ("posts, comments, direct messages (sent, received, and draft)", BOTH),
        ("messages to or from the account", BOTH),
        ("The direct messages exchanged between the two accounts.", BOTH),
        ("the contents of all direct messages", BOTH),
        ("direct messages sent by the account", {SENT}),
        ("All reviews, posts, comments and direct messages authored by the account", {SENT}),
        ("messages the account sent to other users", {SENT}),
        ("direct messages received by the account", {RECEIVED}),
        ("messages sent to the target account", {RECEIVED}),
        ("incoming messages", {RECEIVED}),
    ],
)
def test_an_item_asks_for_the_side_of_a_conversation_it_says(text, sides):
    assert choice.directions(text) == sides


def test_words_match_on_their_boundaries_singular_or_plural():
    messages = DATASETS["messages"]
    assert choice.names(messages, "all DMs")
    assert choice.names(messages, "the MESSAGE")
    assert not choice.names(messages, "messaging settings")  # not a message
    assert not choice.names(DATASETS["posts"], "posted to the account")
    assert choice.names(DATASETS["logins"], "sign-ins and IP addresses")


def _preselected(items, categories) -> dict:
    chosen = choice.preselect(DEMO.datasets, items, categories)
    return {s.dataset.name: s for s in chosen}


def test_a_warrant_for_direct_messages_preselects_the_messages_alone_both_ways():
    item = choice.Item("the contents of direct messages sent or received by the account", "content")
    chosen = _preselected([item], ["content"])
    assert list(chosen) == ["messages"]
    assert chosen["messages"].directions == BOTH
    assert chosen["messages"].reasons == (f"named by the item “{item.text}”",)


def test_an_item_that_names_no_dataset_asks_for_its_category_whole():
    item = choice.Item("All stored content of any kind", "content")
    chosen = _preselected([item], ["content"])
    assert set(chosen) == {"posts", "messages"}
    assert "names none of its records" in chosen["posts"].reasons[0]


def test_a_category_no_item_falls_in_is_asked_for_whole():
    chosen = _preselected([], ["subscriber", "content"])
    assert set(chosen) == {"subscriber", "posts", "messages"}
    assert chosen["messages"].directions == BOTH


def test_items_of_a_category_the_decision_does_not_allow_choose_nothing():
    items = [choice.Item("direct messages", "content"), choice.Item("names", "subscriber")]
    assert set(_preselected(items, ["subscriber"])) == {"subscriber"}


def test_the_directions_of_every_item_naming_a_dataset_add_up():
    items = [
        choice.Item("direct messages sent by the account", "content"),
        choice.Item("messages received by the account", "content"),
    ]
    assert _preselected(items, ["content"])["messages"].directions == BOTH
    sent_only = _preselected(items[:1], ["content"])
    assert sent_only["messages"].directions == {SENT}


def test_people_leave_out_and_include_and_the_latest_choice_stands():
    preselected = choice.preselect(DEMO.datasets, [choice.Item("posts", "content")], ["content"])
    content = DEMO.datasets_for("content")
    chosen = [
        choice.Chosen("messages", True, "the affidavit describes messages", "Carl"),
        choice.Chosen("posts", True, "", "Carl", column="body"),
        choice.Chosen("posts", False, "bodies are not at issue", "Rita", column="body"),
    ]
    settled = choice.settle(preselected, content, chosen)
    assert [s.dataset.name for s in settled.selections] == ["posts", "messages"]
    assert settled.selections[0].without == {"body"}
    assert settled.left_out == [
        {"what": "content/posts, column body", "reason": "bodies are not at issue", "by": "Rita"}
    ]
    left = choice.settle(
        preselected, content, [choice.Chosen("posts", False, "out of scope", "Rita")]
    )
    assert left.selections == [] and left.left_out[0]["what"] == "content/posts"


def test_a_dataset_outside_the_allowed_ones_never_goes_in():
    chosen = [choice.Chosen("locations", True, "wanted", "Carl")]
    settled = choice.settle([], DEMO.datasets_for("content"), chosen)
    assert settled.selections == []
