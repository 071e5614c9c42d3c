"""The statements every requester's API call runs, as SQL written once per database.

The ORM compiles a query anew on each call, which cost the status call more than the database
did. These statements are built once per database from the models' own tables and columns,
then run as they are; their rows become model instances as the ORM would make them (each
column's value converted as the ORM converts it, the related objects joined in cached), so
that callers cannot tell the difference. Each statement here is the only one of its kind:
a token taken from a rate-limit bucket (custodes.requesters.ratelimit), the token with its
user and requester, a requester's own case with its demand, a case's newest review, a
demand's documents, and a subject's audit events of one action.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS, connection


def take_token(key: str, capacity: float, rate: float, now: float) -> bool:
    """Take one token from the bucket, created full if new; False if it held none."""
    params = [key, capacity - 1, now, capacity, now, rate, now, capacity, now, rate]
    return _one("take_token", params) is not None


def bucket(key: str) -> tuple[float, float]:
    """(tokens, refilled at) of an existing bucket."""
    return _one("bucket", [key])


def token_user(key_hash: str):
    """(token id, when last used, its user) for this hash, or None; the user's requester, if
    any, is cached on the user."""
    row = _one("token_user", [key_hash])
    if row is None:
        return None
    m = _models()
    token_id, last_used_at = row[0], _convert(m.ApiToken, ["last_used_at"], row[1:2])[0]
    user = _instance(m.User, row[2 : 2 + _width(m.User)])
    requester_row = row[2 + _width(m.User) :]  # all NULL for a user who is not a requester
    requester = None if requester_row[0] is None else _instance(m.Requester, requester_row)
    relation = m.Requester._meta.get_field("user")
    relation.remote_field.set_cached_value(user, requester)
    if requester is not None:
        relation.set_cached_value(requester, user)
    return token_id, last_used_at, user


def own_case(user_id: int, reference: str):
    """The case with this reference whose demand this user submitted, its demand cached."""
    row = _one("own_case", [reference, user_id])
    if row is None:
        return None
    m = _models()
    case = _instance(m.Case, row[: _width(m.Case)])
    demand = _instance(m.Demand, row[_width(m.Case) :])
    relation = m.Case._meta.get_field("demand")
    relation.set_cached_value(case, demand)
    relation.remote_field.set_cached_value(demand, case)
    return case


def newest_review(case_id: int):
    """The case's newest engine review, in the order EngineReview's Meta gives; None before any."""
    row = _one("newest_review", [case_id])
    return None if row is None else _instance(_models().EngineReview, row)


def documents(demand_id: int) -> list[tuple[str, int, str]]:
    """(name, size, SHA-256) of each of the demand's documents, in the order they came."""
    return _all("documents", [demand_id])


def events(subject: str, action: str) -> list[tuple[dict, object]]:
    """(data, at) of each audit event of this action on this subject, oldest first."""
    return [
        tuple(_convert(_models().Event, ["data", "at"], row))
        for row in _all("events", [subject, action])
    ]


def _one(name: str, params: list) -> tuple | None:
    with connection.cursor() as cursor:
        cursor.execute(_statements(cursor.db.vendor)[name], params)
        return cursor.fetchone()


def _all(name: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(_statements(cursor.db.vendor)[name], params)
        return cursor.fetchall()


@cache
def _models() -> SimpleNamespace:
    from custodes.audit.models import Event
    from custodes.cases.models import Case, Demand, Document, EngineReview
    from custodes.requesters.models import ApiToken, RateBucket, Requester

    return SimpleNamespace(
        ApiToken=ApiToken,
        Case=Case,
        Demand=Demand,
        Document=Document,
        EngineReview=EngineReview,
        Event=Event,
        RateBucket=RateBucket,
        Requester=Requester,
        User=get_user_model(),
    )


@cache
def _statements(vendor: str) -> dict[str, str]:
    return {**_bucket_statements(vendor), **_read_statements()}


def _bucket_statements(vendor: str) -> dict[str, str]:
    model = _models().RateBucket
    table, key, tokens, refilled_at = (
        _table(model),
        *(_column(model, name) for name in ("key", "tokens", "refilled_at")),
    )
    least, greatest = ("MIN", "MAX") if vendor == "sqlite" else ("LEAST", "GREATEST")
    # The bucket refilled up to now, at most full: parameters capacity, now, rate. A request
    # that read the clock before another wrote the bucket finds `now` behind the bucket's
    # time; it refills nothing rather than draining the bucket, and leaves the time as is.
    since = f"{greatest}(0, %s - {table}.{refilled_at})"
    refilled = f"{least}(%s, {table}.{tokens} + {since} * %s)"
    return {
        "take_token": (
            f"INSERT INTO {table} ({key}, {tokens}, {refilled_at}) VALUES (%s, %s, %s) "
            f"ON CONFLICT ({key}) DO UPDATE SET {tokens} = {refilled} - 1, "
            f"{refilled_at} = {greatest}({table}.{refilled_at}, %s) "
            f"WHERE {refilled} >= 1 RETURNING {tokens}"
        ),
        "bucket": f"SELECT {tokens}, {refilled_at} FROM {table} WHERE {key} = %s",
    }


def _read_statements() -> dict[str, str]:
    m = _models()
    return {
        "token_user": (
            f"SELECT t.{_column(m.ApiToken, 'id')}, t.{_column(m.ApiToken, 'last_used_at')}, "
            f"{_select(m.User, 'u')}, {_select(m.Requester, 'r')} FROM {_table(m.ApiToken)} t "
            f"JOIN {_table(m.User)} u ON u.{_column(m.User, 'id')} = "
            f"t.{_column(m.ApiToken, 'user')} LEFT JOIN {_table(m.Requester)} r "
            f"ON r.{_column(m.Requester, 'user')} = u.{_column(m.User, 'id')} "
            f"WHERE t.{_column(m.ApiToken, 'key_hash')} = %s"
        ),
        "own_case": (
            f"SELECT {_select(m.Case, 'c')}, {_select(m.Demand, 'd')} "
            f"FROM {_table(m.Case)} c JOIN {_table(m.Demand)} d "
            f"ON d.{_column(m.Demand, 'id')} = c.{_column(m.Case, 'demand')} "
            f"WHERE c.{_column(m.Case, 'reference')} = %s "
            f"AND d.{_column(m.Demand, 'submitted_by')} = %s"
        ),
        "newest_review": (
            f"SELECT {_select(m.EngineReview, 'v')} FROM {_table(m.EngineReview)} v "
            f"WHERE v.{_column(m.EngineReview, 'case')} = %s "
            f"ORDER BY {_ordering(m.EngineReview, 'v')} LIMIT 1"
        ),
        "documents": (
            f"SELECT {_column(m.Document, 'original_name')}, {_column(m.Document, 'size')}, "
            f"{_column(m.Document, 'sha256')} FROM {_table(m.Document)} "
            f"WHERE {_column(m.Document, 'demand')} = %s ORDER BY {_column(m.Document, 'id')}"
        ),
        "events": (
            f"SELECT {_column(m.Event, 'data')}, {_column(m.Event, 'at')} FROM {_table(m.Event)} "
            f"WHERE {_column(m.Event, 'subject')} = %s AND {_column(m.Event, 'action')} = %s "
            f"ORDER BY {_column(m.Event, 'sequence')}"
        ),
    }


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _column(model, name: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(name).column)


def _select(model, alias: str) -> str:
    return ", ".join(f"{alias}.{_column(model, f.name)}" for f in model._meta.concrete_fields)


def _ordering(model, alias: str) -> str:
    return ", ".join(
        f"{alias}.{_column(model, name.lstrip('-'))} {'DESC' if name.startswith('-') else 'ASC'}"
        for name in model._meta.ordering
    )


def _width(model) -> int:
    return len(model._meta.concrete_fields)


def _instance(model, values: Sequence):
    fields = model._meta.concrete_fields
    converted = _convert(model, [f.name for f in fields], values)
    return model.from_db(DEFAULT_DB_ALIAS, [f.attname for f in fields], converted)


def _convert(model, names: list[str], values: Sequence) -> list:
    """Each value as the ORM would give it (dates on SQLite, JSON, booleans)."""
    converters = _converters(model, tuple(names))
    return [
        value if value is None else convert(value)
        for convert, value in zip(converters, values, strict=True)
    ]


@cache  # for the default database, the only one read here
def _converters(model, names: tuple[str, ...]) -> list[Callable]:
    return [_converter(model._meta.get_field(name), model._meta.db_table) for name in names]


def _converter(field, table: str) -> Callable:
    column = field.get_col(table)
    steps = connection.ops.get_db_converters(column) + field.get_db_converters(connection)

    def convert(value):
        for step in steps:
            value = step(value, column, connection)
        return value

    return convert
