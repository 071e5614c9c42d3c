"""The provider's data, reached where it lives: a TOML file maps each selector kind and each
data category to a parameterised SQL query, run through a SQLAlchemy URL (SQLite,
PostgreSQL, Trino, BigQuery, … whichever dialect is installed). No Django here.

Queries are checked when the file is read (one SELECT each, with the parameters that bound
it) and run read-only: SQLite opened read-only, PostgreSQL in a READ ONLY transaction; give
any other database a role that can only read.
"""

from __future__ import annotations

import re
import tomllib
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import sqlalchemy
from sqlalchemy import text

from custodes.law.vocab import Category, SelectorKind

BATCH = 5000
DEMO = Path(__file__).with_name("connectors") / "demo.toml"


class ConnectorError(ValueError):
    """A connector file that cannot be used; the message names the file and the key."""


SENT, RECEIVED = "sent", "received"
BOTH = frozenset({SENT, RECEIVED})


@dataclass(frozen=True)
class Directions:
    """The account columns of a dataset that holds both sides of a conversation."""

    sent: str  # the account that sent the record
    received: str  # the account that received it


@dataclass(frozen=True)
class Dataset:
    name: str
    category: Category
    description: str
    query: str
    account_column: str  # "" where `directions` names the account's columns
    time_column: str | None  # None: a record with no time (the account's registration)
    holds: str = ""  # a short phrase: "direct messages", "sign-ins"
    terms: tuple[str, ...] = ()  # the words a demand's requested item may use for it
    directions: Directions | None = None

    def account_columns(self, directions: frozenset[str] = BOTH) -> tuple[str, ...]:
        """The columns that must hold the account, for the directions asked for."""
        if self.directions is None:
            return (self.account_column,)
        return tuple(getattr(self.directions, d) for d in (SENT, RECEIVED) if d in directions)


@dataclass(frozen=True)
class Window:
    """The demand's dates as bounds: from the first day's start to the day after the last."""

    start: datetime
    end: datetime

    @classmethod
    def of(cls, first: date, last: date) -> Window:
        start = datetime.combine(first, time(), tzinfo=UTC)
        return cls(start, datetime.combine(last + timedelta(days=1), time(), tzinfo=UTC))


@dataclass(frozen=True)
class Connector:
    url: str
    selectors: dict[SelectorKind, str]
    datasets: tuple[Dataset, ...]
    ip_window: timedelta
    contact: str | None = None  # the account holder's e-mail address, for their notice

    def datasets_for(self, category: str) -> list[Dataset]:
        return [d for d in self.datasets if d.category == category]

    def engine(self) -> sqlalchemy.Engine:
        return _read_only_engine(self.url)


def load(path: Path, url: str = "", data_dir: Path | None = None) -> Connector:
    """Read and check a connector file; `url`, if given, replaces the file's."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConnectorError(f"{path}: cannot be read ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConnectorError(f"{path}: not valid TOML ({error})") from None
    url = url or raw.get("url", "")
    if not url:
        raise ConnectorError(f"{path}: no `url` (a SQLAlchemy URL of the provider's database)")
    if data_dir is not None:
        url = url.replace("{data_dir}", str(data_dir))
    return Connector(
        url=url,
        selectors=_selectors(path, raw.get("selectors", {})),
        datasets=tuple(_dataset(path, n, d) for n, d in raw.get("datasets", {}).items()),
        ip_window=timedelta(minutes=int(raw.get("ip_window_minutes", 30))),
        contact=_checked(path, "contact", raw["contact"], (":account",))
        if "contact" in raw
        else None,
    )


def _selectors(path: Path, table: dict) -> dict[SelectorKind, str]:
    known = {k.value for k in SelectorKind}
    selectors = {}
    for kind, query in table.items():
        if kind not in known:
            raise ConnectorError(f"{path}: selectors.{kind} is not a selector kind ({known})")
        needs = (":value", ":from", ":to") if kind == SelectorKind.IP else (":value",)
        selectors[SelectorKind(kind)] = _checked(path, f"selectors.{kind}", query, needs)
    return selectors


def _dataset(path: Path, name: str, table: dict) -> Dataset:
    where = f"datasets.{name}"
    category = table.get("category", "")
    if category not in {c.value for c in Category}:
        raise ConnectorError(f"{path}: {where}.category {category!r} is not a data category")
    time_column = table.get("time_column")
    needs = (":account", ":start", ":end") if time_column else (":account",)
    directions = _directions(path, where, table.get("directions"))
    account_column = table.get("account_column", "")
    if not account_column and directions is None:
        raise ConnectorError(f"{path}: {where} needs account_column, the column of the account")
    terms = table.get("terms", [])
    if not isinstance(terms, list) or not all(isinstance(t, str) and t.strip() for t in terms):
        raise ConnectorError(f"{path}: {where}.terms must be a list of words for the records")
    return Dataset(
        name=name,
        category=Category(category),
        description=table.get("description", ""),
        query=_checked(path, where, table.get("query", ""), needs),
        account_column=account_column,
        time_column=time_column,
        holds=table.get("holds", "") or name,
        terms=tuple(terms),
        directions=directions,
    )


_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _directions(path: Path, where: str, table: dict | None) -> Directions | None:
    if table is None:
        return None
    columns = (table.get(SENT, ""), table.get(RECEIVED, ""))
    if not all(isinstance(c, str) and _IDENTIFIER.match(c) for c in columns):
        raise ConnectorError(
            f"{path}: {where}.directions needs `sent` and `received`, the columns of the "
            "account that sent and that received each record"
        )
    return Directions(*columns)


_SELECT = re.compile(r"^\s*(select|with)\b", re.IGNORECASE)
_WRITES = re.compile(
    r"\b(insert|update|delete|merge|drop|alter|create|truncate|grant|attach|pragma|copy)\b",
    re.IGNORECASE,
)


def _checked(path: Path, where: str, query: str, needs: tuple[str, ...]) -> str:
    body = query.strip().rstrip(";")
    if not _SELECT.match(body) or ";" in body or _WRITES.search(body):
        raise ConnectorError(f"{path}: {where} must be one SELECT statement that only reads")
    missing = [p for p in needs if not re.search(re.escape(p) + r"\b", body)]
    if missing:
        raise ConnectorError(f"{path}: {where} must be bounded by {', '.join(missing)}")
    return body


def _read_only_engine(url: str) -> sqlalchemy.Engine:
    parsed = sqlalchemy.make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        uri = f"file:{Path(parsed.database).resolve()}?mode=ro"
        return sqlalchemy.create_engine(
            "sqlite://", creator=lambda: _sqlite_read_only(uri), poolclass=sqlalchemy.NullPool
        )
    engine = sqlalchemy.create_engine(parsed, poolclass=sqlalchemy.NullPool)
    if parsed.get_backend_name() == "postgresql":
        engine = engine.execution_options(postgresql_readonly=True)
    return engine


def _sqlite_read_only(uri: str):
    import sqlite3

    # isolation_level=None: the driver begins nothing by itself; `snapshot` says when.
    return sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)


@contextmanager
def snapshot(connection: sqlalchemy.Connection):
    """One consistent view of the data for everything read inside, so that each file of a
    package, read twice, holds the same rows."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN")
        try:
            yield connection
        finally:
            connection.exec_driver_sql("COMMIT")
        return
    if connection.dialect.name == "postgresql":
        connection.execution_options(isolation_level="REPEATABLE READ")
    with connection.begin():
        yield connection


ISO = "%Y-%m-%dT%H:%M:%S"  # how SQLite databases keep times, as text that sorts


def bound(connection: sqlalchemy.Connection, moment: datetime):
    """A time as the database compares it: SQLite keeps ISO text, others real timestamps."""
    if connection.dialect.name == "sqlite":
        return moment.strftime(ISO)
    return moment


def _dataset_params(connection, dataset: Dataset, account: str, window: Window | None) -> dict:
    """A dataset query's parameters: the account and, for dated records, the dates."""
    if not dataset.time_column:
        return {"account": account}
    if window is None:
        raise ConnectorError(f"{dataset.name} has dated records and the demand gives no dates")
    start, end = bound(connection, window.start), bound(connection, window.end)
    return {"account": account, "start": start, "end": end}


def resolve(
    connector: Connector,
    connection,
    kind: str,
    value: str,
    at: str | None,
    window: Window | None,
    port: int | None = None,
):
    """The ids of the accounts one selector names (several: a person chooses; none: no
    records). Raises ConnectorError for a kind the connector cannot look up. A query that
    names `:port` gets an IP address's source port (None where the demand gave none), which a
    carrier behind shared addresses needs to tell its subscribers apart."""
    query = connector.selectors.get(kind)
    if query is None:
        raise ConnectorError(f"this provider's connector cannot look up a {kind}")
    params = {"value": value}
    if kind == SelectorKind.IP:
        if at:
            moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)
            first, last = moment - connector.ip_window, moment + connector.ip_window
        elif window:
            first, last = window.start, window.end
        else:
            raise ConnectorError("an IP address with neither a time nor dates names no one")
        params |= {"from": bound(connection, first), "to": bound(connection, last)}
        if ":port" in query:
            params["port"] = port
    rows = connection.execute(text(query), params)
    return sorted({str(row[0]) for row in rows})


def contact(connector: Connector, connection, account: str) -> str:
    """The account holder's e-mail address in the provider's records, or ""."""
    if connector.contact is None:
        return ""
    row = connection.execute(text(connector.contact), {"account": account}).first()
    return str(row[0]).strip().lower() if row and row[0] else ""


@dataclass
class Stream:
    """The rows of one dataset for one account, checked as they pass; `refused` counts rows
    the query returned that belong to another account or fall outside the dates."""

    columns: list[str]
    rows: Iterator[list[tuple]]
    refused: int = 0


def stream(
    connection,
    dataset: Dataset,
    account: str,
    window: Window | None,
    directions: frozenset[str] = BOTH,
    without: frozenset[str] = frozenset(),
) -> Stream:
    """The dataset's rows for the account, the dates and the directions asked for, without
    the columns a person left out."""
    params = _dataset_params(connection, dataset, account, window)
    cursor = _driver_cursor(connection, dataset.query, params)
    columns = [column[0] for column in cursor.description]
    kept = [i for i, name in enumerate(columns) if name not in without]
    checked = Stream([columns[i] for i in kept], iter(()))
    keep = _row_check(columns, dataset, account, window, directions)
    whole = len(kept) == len(columns)

    def batches():
        try:
            while batch := cursor.fetchmany(BATCH):
                rows = keep(batch)
                checked.refused += len(batch) - len(rows)
                yield rows if whole else [tuple(row[i] for i in kept) for row in rows]
        finally:
            cursor.close()

    checked.rows = batches()
    return checked


def _driver_cursor(connection, query: str, params: dict):
    """The driver's own cursor, its rows plain tuples (SQLAlchemy's Row objects cost a third
    of the time on millions of rows); on PostgreSQL a server-side cursor, so rows come as they
    are read, never all at once."""
    compiled = text(query).bindparams(**params).compile(dialect=connection.dialect)
    values = compiled.construct_params()
    if compiled.positional:
        values = tuple(values[name] for name in compiled.positiontup)
    driver = connection.connection.dbapi_connection
    if connection.dialect.name == "postgresql":
        cursor = driver.cursor(name=f"custodes_{uuid.uuid4().hex}")
        cursor.itersize = BATCH
    else:
        cursor = driver.cursor()
    cursor.execute(compiled.string, values)
    return cursor


def _row_check(
    columns: list[str], dataset: Dataset, account: str, window: Window | None, directions
):
    """A function that keeps, of a batch of rows, those of the account (in the directions
    asked for) inside the dates."""
    needed = [*dataset.account_columns(directions), *filter(None, [dataset.time_column])]
    missing = [name for name in needed if name not in columns]
    if missing:
        raise ConnectorError(f"{dataset.name}: the query returns no column {missing[0]!r}")
    who = [columns.index(name) for name in dataset.account_columns(directions)]
    when = columns.index(dataset.time_column) if dataset.time_column else None

    def theirs(row) -> bool:
        return any(str(row[w]) == account for w in who)

    if when is None:
        return lambda batch: [row for row in batch if theirs(row)]
    text_start, text_end = window.start.strftime(ISO), window.end.strftime(ISO)

    def inside(moment) -> bool:
        if isinstance(moment, str):
            return text_start <= moment < text_end
        if isinstance(moment, datetime):
            aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
            return window.start <= aware < window.end
        return False  # a time custodes cannot read is not produced

    def keep(batch: list) -> list:
        if len(who) == 1 and batch and isinstance(batch[0][when], str):
            # The common case of one account column and ISO times, without a call per row.
            [w] = who
            if isinstance(batch[0][w], str):
                return [
                    row for row in batch if row[w] == account and text_start <= row[when] < text_end
                ]
        return [row for row in batch if theirs(row) and inside(row[when])]

    return keep


def count(
    connection, dataset: Dataset, account: str, window: Window | None, directions=BOTH
) -> int:
    """How many rows the dataset holds for the account, dates and directions (the preview)."""
    params = _dataset_params(connection, dataset, account, window)
    query = f"SELECT COUNT(*) FROM ({dataset.query}) AS counted"
    if dataset.directions is not None:
        either = " OR ".join(f"counted.{c} = :account" for c in dataset.account_columns(directions))
        query += f" WHERE {either or '1 = 0'}"
    return int(connection.execute(text(query), params).scalar_one())


def columns(connection, dataset: Dataset, window: Window | None) -> list[str]:
    """The columns the dataset's query returns, read without reading a row."""
    params = _dataset_params(connection, dataset, "", window)
    query = f"SELECT * FROM ({dataset.query}) AS probed LIMIT 0"
    return list(connection.execute(text(query), params).keys())
