"""The connector on SQLite and PostgreSQL: selectors to accounts, rows bounded by account and
dates, read-only, and a connector file that would read too much or write refused."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy

from custodes.production import connector as connectors

pytestmark = pytest.mark.django_db(transaction=True)

JUNE = connectors.Window.of(date(2026, 6, 1), date(2026, 6, 30))


@pytest.fixture
def demo(provider_url):
    found = connectors.load(connectors.DEMO, url=provider_url)
    with found.engine().connect() as connection:
        yield found, connection


@pytest.mark.parametrize(
    ("kind", "value", "accounts"),
    [
        ("account_id", "55012876431", ["55012876431"]),
        ("username", "River.City.Plug", ["55012876431"]),
        ("email", "PillsForYou99@example.net", ["61200000099"]),
        ("phone", "+16025550142", ["61200000099"]),
        ("url", "https://parley.social/northside.alerts", ["30000000001"]),
        ("username", "riverside.mutual.aid", ["30000000003", "30000000004"]),
        ("username", "nobody.here", []),
    ],
)
def test_each_selector_kind_finds_its_accounts(demo, kind, value, accounts):
    found, connection = demo
    assert connectors.resolve(found, connection, kind, value, None, JUNE) == accounts


@pytest.fixture
def first_login(demo):
    """The demo's first sign-in: who, from which address, and when (ISO)."""
    _, connection = demo
    first = connection.execute(
        sqlalchemy.text("SELECT account_id, ip, at FROM logins ORDER BY at LIMIT 1")
    ).one()
    return first, first.at if isinstance(first.at, str) else first.at.isoformat()


def test_an_ip_address_names_who_used_it_near_the_time_given(demo, first_login):
    found, connection = demo
    first, at = first_login
    named = connectors.resolve(found, connection, "ip", first.ip, at, None)
    assert first.account_id in named
    later = "2030-01-01T00:00:00+00:00"
    assert connectors.resolve(found, connection, "ip", first.ip, later, None) == []
    with pytest.raises(connectors.ConnectorError, match="neither a time nor dates"):
        connectors.resolve(found, connection, "ip", first.ip, None, None)


def test_a_query_that_names_the_port_is_given_the_source_port(demo, first_login):
    found, connection = demo
    first, at = first_login
    # a carrier's query: only a session on that port (the demo's logins keep no port)
    by_port = found.selectors["ip"].replace("WHERE", "WHERE :port = 52144 AND", 1)
    carrier = dataclasses.replace(found, selectors={"ip": by_port})
    named = connectors.resolve(carrier, connection, "ip", first.ip, at, None, 52144)
    assert first.account_id in named
    assert connectors.resolve(carrier, connection, "ip", first.ip, at, None, 40000) == []


def test_rows_are_those_of_the_account_inside_the_dates(demo):
    found, connection = demo
    logins = next(d for d in found.datasets if d.name == "logins")
    stream = connectors.stream(connection, logins, "55012876431", JUNE)
    rows = [row for batch in stream.rows for row in batch]
    assert rows and len(rows) == connectors.count(connection, logins, "55012876431", JUNE)
    for account, at, _ip, _device in rows:
        moment = at if isinstance(at, str) else at.strftime("%Y-%m-%dT%H:%M:%S")
        assert account == "55012876431" and "2026-06-01" <= moment < "2026-07-01"
    assert stream.refused == 0


def test_a_query_that_returns_too_much_leaks_nothing(demo, tmp_path):
    found, connection = demo
    leaky = connectors.Dataset(
        name="logins",
        category="transactional",
        description="",
        # Bounded in words only: every row of every account, at any time.
        query="SELECT account_id AS account, at FROM logins "
        "WHERE :account = :account AND :start = :start AND :end = :end",
        account_column="account",
        time_column="at",
    )
    stream = connectors.stream(connection, leaky, "55012876431", JUNE)
    rows = [row for batch in stream.rows for row in batch]
    logins = next(d for d in found.datasets if d.name == "logins")
    assert len(rows) == connectors.count(connection, logins, "55012876431", JUNE)
    total = connection.execute(sqlalchemy.text("SELECT COUNT(*) FROM logins")).scalar_one()
    assert stream.refused == total - len(rows)


def test_the_connection_cannot_write(provider_sqlite):
    found = connectors.load(connectors.DEMO, url=f"sqlite:///{provider_sqlite}")
    with found.engine().connect() as connection, pytest.raises(sqlalchemy.exc.OperationalError):
        connection.exec_driver_sql("DELETE FROM logins")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            'url = "sqlite://"\n[selectors]\nusername = "DELETE FROM accounts WHERE :value"',
            "one SELECT statement that only reads",
        ),
        (
            'url = "sqlite://"\n[selectors]\nusername = "SELECT id FROM a; DROP TABLE a"',
            "one SELECT statement that only reads",
        ),
        (
            'url = "sqlite://"\n[datasets.x]\ncategory = "content"\naccount_column = "a"\n'
            'time_column = "at"\nquery = "SELECT a, at FROM posts WHERE a = :account"',
            "must be bounded by :start, :end",
        ),
        (
            'url = "sqlite://"\n[datasets.x]\ncategory = "gossip"\nquery = "SELECT 1"',
            "is not a data category",
        ),
        (
            'url = "sqlite://"\n[selectors]\nshoe_size = "SELECT 1 WHERE :value"',
            "is not a selector kind",
        ),
        (
            'url = "sqlite://"\ncontact = "SELECT email FROM accounts"',
            "contact must be bounded by :account",
        ),
        ("[selectors", "not valid TOML"),
        ("[selectors]", "no `url`"),
    ],
)
def test_a_connector_file_that_could_read_too_much_or_write_is_refused(tmp_path, text, message):
    path = Path(tmp_path / "provider.toml")
    path.write_text(text)
    with pytest.raises(connectors.ConnectorError, match=message):
        connectors.load(path)
