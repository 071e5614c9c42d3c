"""Rate limits as token buckets in the database: no extra server for a small deployment.

A bucket holds `capacity` tokens and refills at `capacity / period` per second; a request
takes one. Taking is one statement, atomic on SQLite and PostgreSQL without a transaction of
its own: an INSERT of a full bucket less one token that, where the bucket exists, becomes an
UPDATE taking one token only if the refilled bucket holds one, and RETURNING the row it
wrote. Two requests that find no bucket at once are thus both served, one creating it and the
other taking from it. Buckets are keyed by what they limit ("token:42", "addr:203.0.113.7").
The SQL is written once per database, not rebuilt by the ORM on every call.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import cache

from django.db import connection

from custodes.requesters.models import RateBucket


@dataclass(frozen=True)
class Limit:
    capacity: int
    period_seconds: int

    @property
    def rate(self) -> float:
        return self.capacity / self.period_seconds


@cache
def _statements(vendor: str) -> tuple[str, str]:
    table = connection.ops.quote_name(RateBucket._meta.db_table)
    key, tokens, refilled_at = (
        connection.ops.quote_name(RateBucket._meta.get_field(name).column)
        for name in ("key", "tokens", "refilled_at")
    )
    least, greatest = ("MIN", "MAX") if vendor == "sqlite" else ("LEAST", "GREATEST")
    # The bucket refilled up to now, at most full: parameters capacity, now, rate. A request
    # that read the clock before another wrote the bucket finds `now` behind the bucket's
    # time; it refills nothing rather than draining the bucket, and leaves the time as is.
    since = f"{greatest}(0, %s - {table}.{refilled_at})"
    refilled = f"{least}(%s, {table}.{tokens} + {since} * %s)"
    take = (
        f"INSERT INTO {table} ({key}, {tokens}, {refilled_at}) VALUES (%s, %s, %s) "
        f"ON CONFLICT ({key}) DO UPDATE SET {tokens} = {refilled} - 1, "
        f"{refilled_at} = {greatest}({table}.{refilled_at}, %s) "
        f"WHERE {refilled} >= 1 RETURNING {tokens}"
    )
    read = f"SELECT {tokens}, {refilled_at} FROM {table} WHERE {key} = %s"
    return take, read


def take(key: str, limit: Limit) -> float | None:
    """Take one token; None when allowed, else the seconds to wait before trying again."""
    now = time.time()
    capacity, rate = float(limit.capacity), limit.rate
    take_sql, read_sql = _statements(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(
            take_sql, [key, capacity - 1, now, capacity, now, rate, now, capacity, now, rate]
        )
        if cursor.fetchone() is not None:
            return None
        # The bucket exists and held no token when we asked: how long until it holds one.
        cursor.execute(read_sql, [key])
        tokens, refilled_at = cursor.fetchone()
    available = min(capacity, tokens + max(0.0, now - refilled_at) * rate)
    return max(0.0, (1 - available) / rate)
