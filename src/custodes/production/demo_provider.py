"""The demo provider's own database, made for `make run` and the tests: accounts, their
sign-ins (time, IP address, device), posts, messages between accounts and location points.
The same seed gives the same rows, so tests can name them."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from custodes.production.connector import ISO

SCHEMA = """
CREATE TABLE accounts (
    id TEXT PRIMARY KEY, username TEXT NOT NULL, display_name TEXT, email TEXT, phone TEXT,
    address TEXT, created_at TEXT, created_ip TEXT, payment TEXT
);
CREATE TABLE logins (account_id TEXT NOT NULL, at TEXT NOT NULL, ip TEXT, device TEXT);
CREATE INDEX logins_account_at ON logins (account_id, at);
CREATE INDEX logins_ip_at ON logins (ip, at);
CREATE TABLE posts (account_id TEXT NOT NULL, at TEXT NOT NULL, body TEXT);
CREATE INDEX posts_account_at ON posts (account_id, at);
CREATE TABLE messages (
    sender_id TEXT NOT NULL, recipient_id TEXT NOT NULL, at TEXT NOT NULL, body TEXT
);
CREATE INDEX messages_sender_at ON messages (sender_id, at);
CREATE INDEX messages_recipient_at ON messages (recipient_id, at);
CREATE TABLE locations (
    account_id TEXT NOT NULL, at TEXT NOT NULL, latitude REAL, longitude REAL
);
CREATE INDEX locations_account_at ON locations (account_id, at);
"""

# The accounts the demo demands and the tests name, then a crowd around them.
ACCOUNTS = [
    (
        "70011223344",
        "harbor.ops",
        "Harbor Ops",
        "ops@harbor.example",
        "+14155550110",
        "9 Pier St, San Francisco CA",
        "2025-02-14T10:05:00",
        "198.51.100.10",
        "Visa ending 1188",
    ),
    (
        "55012876431",
        "river.city.plug",
        "River City",
        "rcp@mail.example",
        "+19165550177",
        "unknown",
        "2025-12-01T22:10:00",
        "203.0.113.71",
        "Bitcoin",
    ),
    (
        "61200000099",
        "pills4you",
        "Pills",
        "pillsforyou99@example.net",
        "+16025550142",
        "unknown",
        "2026-01-05T02:13:55",
        "198.51.100.200",
        "Mastercard ending 0042",
    ),
    (
        "48800000001",
        "borderlight_alerts",
        "Borderlight Alerts",
        "alerts@borderlight.example",
        "+19565550142",
        "PO Box 77, McAllen TX",
        "2025-08-19T21:40:00",
        "192.0.2.77",
        "none",
    ),
    (
        "30000000001",
        "northside.alerts",
        "Northside Alerts",
        "alerts@northside.example",
        "+12155550101",
        "14 Dock St, Philadelphia PA",
        "2025-03-02T18:22:10",
        "198.51.100.23",
        "Visa ending 4417",
    ),
    (
        "30000000002",
        "someone",
        "Some One",
        "someone@example.org",
        "+12025550123",
        "1 Main St, Springfield IL",
        "2024-06-11T09:01:44",
        "203.0.113.9",
        "none",
    ),
    # Two accounts whose usernames differ only in case: a selector matches both.
    (
        "30000000003",
        "Riverside.Mutual.Aid",
        "Riverside Mutual Aid",
        "hello@riverside.example",
        "+14155550170",
        "300 River Rd, Oakland CA",
        "2025-11-30T12:00:00",
        "203.0.113.44",
        "none",
    ),
    (
        "30000000004",
        "riverside.mutual.aid",
        "Riverside (old)",
        "old@riverside.example",
        "+14155550171",
        "300 River Rd, Oakland CA",
        "2023-02-01T08:30:00",
        "203.0.113.44",
        "none",
    ),
]
# The demo database's PRAGMA user_version: a database of another schema is made anew.
VERSION = 2
DEVICES = ["iPhone 15, iOS 19.1", "Pixel 9, Android 16", "Firefox 140 on Linux", "Safari on macOS"]


def create(path: Path, crowd: int = 200, seed: int = 2026) -> Path:
    """Write the demo database at `path` (replacing it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    rng = random.Random(seed)
    with sqlite3.connect(path) as db:
        db.executescript(SCHEMA)
        db.execute(f"PRAGMA user_version = {VERSION}")
        people = list(ACCOUNTS) + [_someone(rng, n) for n in range(crowd)]
        db.executemany("INSERT INTO accounts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", people)
        ids = [account[0] for account in people]
        for account in ids:
            _activity(db, rng, account, [other for other in ids if other != account])
    return path


def made(path: Path) -> bool:
    """Whether `path` holds the demo database of this schema."""
    if not path.exists():
        return False
    with sqlite3.connect(path) as db:
        return db.execute("PRAGMA user_version").fetchone()[0] == VERSION


def _someone(rng: random.Random, n: int) -> tuple:
    name = f"user{n:04d}"
    return (
        f"A-{2000 + n}",
        name,
        name.title(),
        f"{name}@mail.example",
        f"+1202555{n:04d}",
        "",
        "2025-01-01T00:00:00",
        f"192.0.2.{rng.randrange(1, 255)}",
        "none",
    )


def _activity(db: sqlite3.Connection, rng: random.Random, account: str, others: list) -> None:
    start = datetime(2025, 10, 1, tzinfo=UTC)
    moments = sorted(start + timedelta(minutes=rng.randrange(0, 60 * 24 * 450)) for _ in range(40))
    stamp = [m.strftime(ISO) for m in moments]
    db.executemany(
        "INSERT INTO logins VALUES (?, ?, ?, ?)",
        [(account, s, f"198.51.100.{rng.randrange(1, 255)}", rng.choice(DEVICES)) for s in stamp],
    )
    db.executemany(
        "INSERT INTO posts VALUES (?, ?, ?)",
        [(account, s, f"post {i} by {account}") for i, s in enumerate(stamp[::4])],
    )
    # Each account writes to others, so each also receives messages.
    db.executemany(
        "INSERT INTO messages VALUES (?, ?, ?, ?)",
        [
            (account, rng.choice(others), s, f"message {i} from {account}")
            for i, s in enumerate(stamp[1::5])
        ],
    )
    db.executemany(
        "INSERT INTO locations VALUES (?, ?, ?, ?)",
        [(account, s, 39.95 + rng.random() / 10, -75.16 + rng.random() / 10) for s in stamp[::3]],
    )


def copy_to(source: Path, url: str) -> None:
    """The demo data in another database (PostgreSQL, in the tests), its times held as real
    timestamps, replacing the tables if they are there."""
    import sqlalchemy as sa

    metadata = sa.MetaData()
    moment = sa.DateTime(timezone=True)
    tables = {
        "accounts": sa.Table(
            "accounts",
            metadata,
            sa.Column("id", sa.Text, primary_key=True),
            *(
                sa.Column(c, sa.Text)
                for c in ("username", "display_name", "email", "phone", "address")
            ),
            sa.Column("created_at", moment),
            sa.Column("created_ip", sa.Text),
            sa.Column("payment", sa.Text),
        ),
        "logins": sa.Table(
            "logins",
            metadata,
            sa.Column("account_id", sa.Text),
            sa.Column("at", moment),
            sa.Column("ip", sa.Text),
            sa.Column("device", sa.Text),
        ),
        "posts": sa.Table(
            "posts",
            metadata,
            sa.Column("account_id", sa.Text),
            sa.Column("at", moment),
            sa.Column("body", sa.Text),
        ),
        "messages": sa.Table(
            "messages",
            metadata,
            sa.Column("sender_id", sa.Text),
            sa.Column("recipient_id", sa.Text),
            sa.Column("at", moment),
            sa.Column("body", sa.Text),
        ),
        "locations": sa.Table(
            "locations",
            metadata,
            sa.Column("account_id", sa.Text),
            sa.Column("at", moment),
            sa.Column("latitude", sa.Float),
            sa.Column("longitude", sa.Float),
        ),
    }
    engine = sa.create_engine(url, poolclass=sa.NullPool)
    metadata.drop_all(engine)
    metadata.create_all(engine)
    with sqlite3.connect(source) as db, engine.begin() as target:
        for name, table in tables.items():
            cursor = db.execute(f"SELECT * FROM {name}")
            columns = [c[0] for c in cursor.description]
            rows = [dict(zip(columns, _timed(row, columns), strict=True)) for row in cursor]
            target.execute(table.insert(), rows)
    engine.dispose()


def drop_from(url: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(url, poolclass=sa.NullPool)
    with engine.begin() as connection:
        for name in ("accounts", "logins", "posts", "messages", "locations"):
            connection.exec_driver_sql(f"DROP TABLE IF EXISTS {name}")
    engine.dispose()


def _timed(row: tuple, columns: list[str]) -> tuple:
    return tuple(
        datetime.fromisoformat(v).replace(tzinfo=UTC) if c in ("at", "created_at") and v else v
        for c, v in zip(columns, row, strict=True)
    )
