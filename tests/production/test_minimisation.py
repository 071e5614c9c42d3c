"""No row outside the allowed categories, the dates or the accounts ever enters a package,
even when the provider's queries return everything: a property over random demands."""

from __future__ import annotations

import csv
import io
import json
import zipfile
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
    "messages": "SELECT sender_id AS account, at, body FROM messages "
    "WHERE :account = :account AND :start = :start AND :end = :end",
    "locations": "SELECT account_id AS account, at, latitude FROM locations "
    "WHERE :account = :account AND :start = :start AND :end = :end",
}
KEY = x25519.Identity.generate()


@pytest.fixture(scope="module")
def leaky(tmp_path_factory):
    path = demo_provider.create(tmp_path_factory.mktemp("provider") / "provider.sqlite3", crowd=20)
    demo = connectors.load(connectors.DEMO, url=f"sqlite:///{path}")
    datasets = [
        connectors.Dataset(d.name, d.category, "", LEAKY[d.name], d.account_column, d.time_column)
        for d in demo.datasets
    ]
    with demo.engine().connect() as connection:
        yield datasets, connection


demands = st.fixed_dictionaries(
    {
        "accounts": st.lists(
            st.sampled_from([a[0] for a in ACCOUNTS]), min_size=1, max_size=3, unique=True
        ),
        "categories": st.sets(
            st.sampled_from(["subscriber", "transactional", "content", "location"]), min_size=1
        ),
        "first": st.dates(min_value=date(2025, 9, 1), max_value=date(2027, 1, 31)),
        "days": st.integers(min_value=0, max_value=200),
    }
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(demand=demands)
def test_no_row_outside_the_categories_dates_or_accounts_enters_a_package(leaky, demand):
    datasets, connection = leaky
    window = connectors.Window.of(demand["first"], demand["first"] + timedelta(days=demand["days"]))
    chosen = [d for d in datasets if d.category in demand["categories"]]
    parts = [
        package.Part(
            str(d.category),
            d.name,
            lambda d=d: [connectors.stream(connection, d, a, window) for a in demand["accounts"]],
        )
        for d in chosen
    ]
    output = io.BytesIO()
    package.write(output, str(KEY.to_public()), parts, [], lambda contents: [])
    archive = zipfile.ZipFile(io.BytesIO(pyrage.decrypt(output.getvalue(), [KEY])))

    data = [n for n in archive.namelist() if "/" in n]
    assert {n.split("/")[0] for n in data} <= demand["categories"]
    start, end = (m.strftime("%Y-%m-%dT%H:%M:%S") for m in (window.start, window.end))
    for name in data:
        if name.endswith(".csv"):
            header, *rows = csv.reader(io.StringIO(archive.read(name).decode()))
        else:
            content = json.loads(archive.read(name))
            header, rows = content["columns"], content["rows"]
        for row in rows:
            record = dict(zip(header, row, strict=True))
            assert record["account"] in demand["accounts"]
            if "at" in record:
                assert start <= record["at"] < end
