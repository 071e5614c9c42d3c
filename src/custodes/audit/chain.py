"""Appending to the chain and proving it untouched.

Each event holds the SHA-256 of the event before it and of its own canonical content (its
fields as sorted, compact JSON). Changing, removing or reordering any event breaks the chain
at that event, and `verify` names it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from custodes.audit.actions import check
from custodes.audit.models import Event

GENESIS = "0" * 64


def canonical(
    sequence: int, at: str, actor_label: str, action: str, subject: str, data: Any, previous: str
) -> bytes:
    content = {
        "sequence": sequence,
        "at": at,
        "actor": actor_label,
        "action": action,
        "subject": subject,
        "data": data,
        "previous_hash": previous,
    }
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _digest(event: Event) -> str:
    content = canonical(
        event.sequence,
        event.at.isoformat(),
        event.actor_label,
        event.action,
        event.subject,
        event.data,
        event.previous_hash,
    )
    return hashlib.sha256(content).hexdigest()


def record(action: str, actor=None, subject: str = "", data: dict | None = None) -> Event:
    """Append one event. Call it inside the transaction that makes the change it records.
    `action` must be in custodes.audit.actions."""
    check(action)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # one writer at a time extends the chain
                cursor.execute("LOCK TABLE audit_event IN SHARE ROW EXCLUSIVE MODE")
        last = Event.objects.order_by("-sequence").only("sequence", "hash").first()
        event = Event(
            sequence=(last.sequence + 1) if last else 1,
            at=timezone.now().replace(microsecond=0),
            actor=actor if getattr(actor, "pk", None) else None,
            actor_label=_label(actor),
            action=action,
            subject=subject,
            data=json.loads(json.dumps(data or {}, default=str)),
            previous_hash=last.hash if last else GENESIS,
        )
        event.hash = _digest(event)
        event.save(force_insert=True)
        return event


def _label(actor) -> str:
    if actor is None:
        return "system"
    if isinstance(actor, str):
        return actor
    return actor.get_username() or "anonymous"


@dataclass(frozen=True)
class Verification:
    events: int
    broken_at: int | None = None  # the sequence number of the first event that does not match
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify() -> Verification:
    previous, expected_sequence, count = GENESIS, 1, 0
    for event in _all_events():
        count += 1
        if event.sequence != expected_sequence:
            return Verification(
                count, event.sequence, f"event #{expected_sequence} is missing before it"
            )
        if event.previous_hash != previous:
            return Verification(count, event.sequence, "it does not follow the event before it")
        if _digest(event) != event.hash:
            return Verification(
                count, event.sequence, "its content was changed after it was written"
            )
        previous, expected_sequence = event.hash, expected_sequence + 1
    return Verification(count)


def _all_events() -> Iterator[Event]:
    return Event.objects.order_by("sequence").iterator(chunk_size=2000)
