"""Production as the demand describes it: the datasets its items name, both sides of a
conversation or the one it asks for, and the datasets and columns people leave out or
include, each with a reason, in the package and on the production page."""

from __future__ import annotations

import json
import sqlite3

import pytest
from django.test import Client

from custodes.audit.models import Event
from custodes.cases import services as cases
from custodes.cases.models import Demand
from custodes.cases.workflow import State
from custodes.production import services as production
from custodes.production.models import DatasetChoice
from tests.conftest import sign_in
from tests.notices.conftest import approve
from tests.production.test_packages import AUTUMN, GAGGED, opened, producing, rows_of, sealed

pytestmark = pytest.mark.django_db

SOMEONE = "30000000002"
LONG = {"start": "2025-10-01", "end": "2026-11-15"}  # long enough for messages both ways
DMS = "the contents of direct messages sent or received by the account"


def warrant(open_case, counsel, *items, date_range=AUTUMN):
    """A search warrant for `someone`, producing, its requested items (text, category)."""
    case = open_case(
        instrument="search_warrant",
        selectors=[{"kind": "username", "value": "someone"}],
        categories=list(dict.fromkeys(category for _, category in items)),
        nondisclosure=GAGGED,
        date_range=date_range,
    )
    # The items as the desk keeps them in the demand's request, whichever reader wrote them.
    asked = [{"text": text, "category": category} for text, category in items]
    Demand.objects.filter(pk=case.demand_id).update(request=case.demand.request | {"items": asked})
    case.refresh_from_db()
    return cases.move(approve(case, counsel), counsel, State.PRODUCING)


def messages_of(provider, account: str) -> list[list[str]]:
    with sqlite3.connect(provider) as db:
        rows = db.execute(
            "SELECT sender_id, recipient_id, at, body FROM messages "
            "WHERE (sender_id = ? OR recipient_id = ?) AND at >= ? AND at < ? ORDER BY at",
            (account, account, "2025-10-01", "2026-11-16"),
        ).fetchall()
    return [list(row) for row in rows]


def test_a_warrant_for_direct_messages_produces_them_both_ways_and_no_posts(
    open_case, counsel, provider
):
    case = warrant(open_case, counsel, (DMS, "content"), date_range=LONG)
    made, key = sealed(case, counsel)
    archive = opened(made, key)
    data = [name for name in archive.namelist() if "/" in name]
    assert data == ["content/messages.csv", "content/messages.json"]
    header, *rows = rows_of(archive, "content/messages.csv")
    assert header == ["sender_id", "recipient_id", "at", "body"]
    assert rows == messages_of(provider, SOMEONE)
    assert {r[0] for r in rows} > {SOMEONE} and {r[1] for r in rows} > {SOMEONE}  # both ways
    assert json.loads(archive.read("content/messages.json"))["rows"] == rows
    assert json.loads(archive.read("left-out.json")) == []


def test_an_item_for_sent_messages_produces_only_those_the_account_sent(
    open_case, counsel, provider
):
    item = ("direct messages sent by the account", "content")
    case = warrant(open_case, counsel, item, date_range=LONG)
    made, key = sealed(case, counsel)
    rows = rows_of(opened(made, key), "content/messages.csv")[1:]
    assert rows == [r for r in messages_of(provider, SOMEONE) if r[0] == SOMEONE]


def test_an_item_for_content_whole_preselects_every_content_dataset(open_case, counsel, provider):
    item = "All stored content associated with the account, of any kind"
    case = warrant(open_case, counsel, (item, "content"))
    production.resolve_targets(case, counsel)
    chosen, counts = production.preview(case)
    assert [s.dataset.name for s in chosen.datasets] == ["posts", "messages"]
    assert all(
        f"the item “{item}” names none of its records" in c["selection"].reasons[0] for c in counts
    )


def test_a_left_out_column_is_in_neither_file_and_listed_with_its_reason(
    open_case, counsel, provider
):
    case = warrant(open_case, counsel, (DMS, "content"), date_range=LONG)
    why = "The warrant reaches who wrote to whom, and the affidavit no text."
    production.choose_dataset(case, counsel, "messages", False, why, column="body")
    made, key = sealed(case, counsel)
    archive = opened(made, key)
    header, *rows = rows_of(archive, "content/messages.csv")
    assert header == ["sender_id", "recipient_id", "at"]
    assert rows == [r[:3] for r in messages_of(provider, SOMEONE)]
    as_json = json.loads(archive.read("content/messages.json"))
    assert as_json["columns"] == header and as_json["rows"] == rows
    listed = {"what": "content/messages, column body", "reason": why, "by": "Carl Chen"}
    assert json.loads(archive.read("left-out.json")) == [listed]
    event = Event.objects.get(action="custodes.production.left_out")
    assert event.data == {"what": "the column body of messages", "reason": why}


def test_a_left_out_dataset_is_listed_and_a_dataset_not_preselected_can_be_included(
    open_case, counsel, reviewer, provider
):
    case = warrant(open_case, counsel, (DMS, "content"), date_range=LONG)
    production.choose_dataset(case, reviewer, "posts", True, "The affidavit quotes a post.")
    production.choose_dataset(case, counsel, "messages", False, "Counsel: messages later.")
    made, key = sealed(case, counsel)
    archive = opened(made, key)
    data = [n for n in archive.namelist() if "/" in n]
    assert data == ["content/posts.csv", "content/posts.json"]
    [left_out] = json.loads(archive.read("left-out.json"))
    assert left_out == {
        "what": "content/messages",
        "reason": "Counsel: messages later.",
        "by": "Carl Chen",
    }
    assert Event.objects.filter(action="custodes.production.included").count() == 1


def test_a_choice_without_a_reason_is_refused(open_case, counsel, provider):
    case = warrant(open_case, counsel, (DMS, "content"))
    with pytest.raises(cases.Refused, match="Say why"):
        production.choose_dataset(case, counsel, "messages", False, "  ", column="body")
    assert not DatasetChoice.objects.exists()
    assert not Event.objects.filter(action="custodes.production.left_out").exists()


def test_a_reviewer_cannot_include_a_dataset_outside_the_allowed_categories(
    open_case, counsel, reviewer, provider
):
    # A subpoena reaches subscriber records; the content it asks for is withheld.
    case = producing(
        open_case,
        counsel,
        selectors=[{"kind": "username", "value": "someone"}],
        categories=["subscriber", "content"],
    )
    with pytest.raises(cases.Refused, match="does not allow: it cannot be included"):
        production.choose_dataset(case, reviewer, "messages", True, "The agent insists.")
    # Even a choice written around the service never puts it in the package.
    DatasetChoice.objects.create(
        case=case, dataset="messages", include=True, reason="forged", chosen_by=reviewer
    )
    made, key = sealed(case, counsel)
    data = [n for n in opened(made, key).namelist() if "/" in n]
    assert data == ["subscriber/subscriber.csv", "subscriber/subscriber.json"]


def test_a_column_the_dataset_does_not_have_is_refused(open_case, counsel, provider):
    case = warrant(open_case, counsel, (DMS, "content"))
    with pytest.raises(cases.Refused, match="has no column 'shoe_size'"):
        production.choose_dataset(case, counsel, "messages", False, "why", column="shoe_size")


def test_the_page_leaves_a_column_out_and_shows_who_and_why(open_case, counsel, provider):
    case = warrant(open_case, counsel, (DMS, "content"), date_range=LONG)
    client = sign_in(Client(), counsel)
    page = f"/cases/{case.reference}/production/"
    client.post(page + "resolve/")
    preview = client.get(page + "?preview=1").content.decode()
    assert f"named by the item “{DMS}”" in preview
    assert "received and sent" in preview or "sent and received" in preview
    refused = client.post(
        page + "datasets/", {"dataset": "messages", "column": "body", "reason": ""}, follow=True
    )
    assert "Say why" in refused.content.decode()
    answer = client.post(
        page + "datasets/",
        {"dataset": "messages", "column": "body", "reason": "No text is asked for."},
    )
    assert answer["Location"].endswith("?preview=1")
    shown = client.get(answer["Location"]).content.decode()
    assert "<del>body</del>" in shown
    assert "No text is asked for." in shown and "left out by Carl Chen" in shown


def test_no_one_without_a_case_role_makes_a_choice(open_case, counsel, outsider, provider):
    case = warrant(open_case, counsel, (DMS, "content"))
    client = sign_in(Client(), outsider)
    post = {"dataset": "messages", "reason": "curious"}
    assert client.post(f"/cases/{case.reference}/production/datasets/", post).status_code == 403
    assert not DatasetChoice.objects.exists()
