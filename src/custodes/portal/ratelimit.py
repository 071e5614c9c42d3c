"""Rate limits as token buckets in the database: no extra server for a small deployment.

A bucket holds `capacity` tokens and refills at `capacity / period` per second; a request
takes one. Buckets are keyed by what they limit ("token:ab12…", "addr:203.0.113.7").
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from custodes.portal.models import RateBucket


@dataclass(frozen=True)
class Limit:
    capacity: int
    period_seconds: int

    @property
    def rate(self) -> float:
        return self.capacity / self.period_seconds


def take(key: str, limit: Limit) -> float | None:
    """Take one token; None when allowed, else the seconds to wait before trying again."""
    now = timezone.now()
    with transaction.atomic():
        bucket = RateBucket.objects.select_for_update().filter(key=key).first()
        if bucket is None:
            try:
                with transaction.atomic():
                    RateBucket.objects.create(key=key, tokens=limit.capacity - 1, updated_at=now)
                return None
            except IntegrityError:  # another request created it first
                bucket = RateBucket.objects.select_for_update().get(key=key)
        elapsed = max(0.0, (now - bucket.updated_at).total_seconds())
        tokens = min(limit.capacity, bucket.tokens + elapsed * limit.rate)
        if tokens < 1:
            return (1 - tokens) / limit.rate
        bucket.tokens, bucket.updated_at = tokens - 1, now
        bucket.save(update_fields=["tokens", "updated_at"])
        return None
