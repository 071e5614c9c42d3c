"""No row outside the chosen datasets, the dates, the accounts or the directions asked for,
and no column left out, ever enters a package, even when the provider's queries return
everything: a property over random demands and choices."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import replace
from datetime import date, timedelta

import pyrage
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyrage import x25519

from custodes.production import connector as connectors
from custodes.production import demo_provider, package
from custodes.production.demo_provider import ACCOUNTS

# Every dataset of the demo, its query replaced by one that returns every row of every account
# at any time, bounded in words only.
LEAKY = {
    "subscriber": "SELECT id AS account, username FROM accounts WHERE :account = :account",
    "logins": "SELECT account_id AS account, at, ip FROM logins "
    "WHERE :account = :account AND :start = :start AND :end = :end",
    "posts": "SELECT account_id AS account, at, body FROM posts "
    "WHERE :account = :account AND :start = :start AND :end = :end",
    "messages": "SELECT sender_id, recipient_id, at, body FROM messages "
    "WHERE :account = :account AND :start = :start AND :end = :end",
    "locations": "SELECT account_id AS account, at, latitude FROM locations "
    "WHERE :account = :account AND :start = :start AND :end = :end",
}
KEY = x25519.Identity.generate()


@pytest.fixture(scope="module")
def leaky(tmp_path_factory):
    path = demo_provider.create(tmp_path_factory.mktemp("provider") / "provider.sqlite3", crowd=20)
    demo = connectors.load(connectors.DEMO, url=f"sqlite:///{path}")
    datasets = {d.name: replace(d, query=LEAKY[d.name]) for d in demo.datasets}
    with demo.engine().connect() as connection:
        yield datasets, connection


demands = st.fixed_dictionaries(
    {
        "accounts": st.lists(
            st.sampled_from([a[0] for a in ACCOUNTS]), min_size=1, max_size=3, unique=True
        ),
        "datasets": st.sets(st.sampled_from(list(LEAKY)), min_size=1),
        # Of the columns that say whose and when a row is, none: the test reads them.
        "without": st.sets(st.sampled_from(["username", "ip", "body", "latitude"])),
        "directions": st.sets(st.sampled_from([connectors.SENT, connectors.RECEIVED]), min_size=1),
        "first": st.dates(min_value=date(2025, 9, 1), max_value=date(2027, 1, 31)),
        "days": st.integers(min_value=0, max_value=200),
    }
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(demand=demands)
def test_no_row_outside_the_choices_dates_or_accounts_enters_a_package(leaky, demand):
    datasets, connection = leaky
    window = connectors.Window.of(demand["first"], demand["first"] + timedelta(days=demand["days"]))
    directions, without = frozenset(demand["directions"]), frozenset(demand["without"])

    def streams(dataset):
        return [
            connectors.stream(connection, dataset, a, window, directions, without)
            for a in demand["accounts"]
        ]

    parts = [
        package.Part(str(d.category), d.name, lambda d=d: streams(d))
        for d in (datasets[name] for name in sorted(demand["datasets"]))
    ]
    output = io.BytesIO()
    package.write(output, str(KEY.to_public()), parts, [], lambda contents: [])
    archive = zipfile.ZipFile(io.BytesIO(pyrage.decrypt(output.getvalue(), [KEY])))

    data = [n for n in archive.namelist() if "/" in n]
    assert {n.split("/")[1].split(".")[0] for n in data} == demand["datasets"]
    start, end = (m.strftime("%Y-%m-%dT%H:%M:%S") for m in (window.start, window.end))
    for name in data:
        if name.endswith(".csv"):
            header, *rows = csv.reader(io.StringIO(archive.read(name).decode()))
        else:
            content = json.loads(archive.read(name))
            header, rows = content["columns"], content["rows"]
        assert header and not without & set(header)
        for row in rows:
            record = dict(zip(header, row, strict=True))
            assert _theirs(record, demand["accounts"], directions)
            if "at" in record:
                assert start <= record["at"] < end


def _theirs(record: dict, accounts: list[str], directions: frozenset[str]) -> bool:
    if "sender_id" not in record:
        return record["account"] in accounts
    sent = connectors.SENT in directions and record["sender_id"] in accounts
    return sent or (connectors.RECEIVED in directions and record["recipient_id"] in accounts)
