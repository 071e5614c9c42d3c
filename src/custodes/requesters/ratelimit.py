"""Rate limits as token buckets in the database: no extra server for a small deployment.

A bucket holds `capacity` tokens and refills at `capacity / period` per second; a request
takes one. Taking is one conditional UPDATE, atomic on SQLite and PostgreSQL without a
transaction of its own: it succeeds only where the refilled bucket holds a token. Buckets
are keyed by what they limit ("token:42", "addr:203.0.113.7").
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Least

from custodes.requesters.models import RateBucket


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
    refilled = F("tokens") + (Value(now) - F("refilled_at")) * Value(limit.rate)
    taken = RateBucket.objects.filter(
        key=key, tokens__gte=Value(1.0) - (Value(now) - F("refilled_at")) * Value(limit.rate)
    ).update(
        tokens=Least(Value(float(limit.capacity)), refilled) - Value(1.0), refilled_at=Value(now)
    )
    if taken:
        return None
    bucket = RateBucket.objects.filter(key=key).values_list("tokens", "refilled_at").first()
    if bucket is None:
        try:
            with transaction.atomic():
                RateBucket.objects.create(key=key, tokens=limit.capacity - 1, refilled_at=now)
            return None
        except IntegrityError:  # another request created it first: try once more
            return take(key, limit)
    tokens, refilled_at = bucket
    available = min(limit.capacity, tokens + (now - refilled_at) * limit.rate)
    return max(0.0, (1 - available) / limit.rate)
