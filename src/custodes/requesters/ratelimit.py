"""Rate limits as token buckets in the database: no extra server for a small deployment.

A bucket holds `capacity` tokens and refills at `capacity / period` per second; a request
takes one. Taking is one statement, atomic on SQLite and PostgreSQL without a transaction of
its own: an INSERT of a full bucket less one token that, where the bucket exists, becomes an
UPDATE taking one token only if the refilled bucket holds one, and RETURNING the row it
wrote. Two requests that find no bucket at once are thus both served, one creating it and the
other taking from it. Buckets are keyed by what they limit ("token:42", "addr:203.0.113.7").
The statements are in `custodes.sql`, written once per database.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from custodes import sql


@dataclass(frozen=True)
class Limit:
    capacity: int
    period_seconds: int

    @property
    def rate(self) -> float:
        return self.capacity / self.period_seconds


def take(key: str, limit: Limit) -> float | None:
    """Take one token; None when allowed, else the seconds to wait before trying again."""
    now = time.time()
    capacity, rate = float(limit.capacity), limit.rate
    if sql.take_token(key, capacity, rate, now):
        return None
    # The bucket exists and held no token when we asked: how long until it holds one.
    tokens, refilled_at = sql.bucket(key)
    available = min(capacity, tokens + max(0.0, now - refilled_at) * rate)
    return max(0.0, (1 - available) / rate)
