"""Appending to the chain.

Each event holds the SHA-256 of the event before it and of its own canonical content: every
field as sorted, compact JSON (the database's row id aside: the order is `sequence`). With the
deployment's key configured, each event also carries the key's signature of its hash, so an
event added behind the application's back, whose hash anyone can compute, is told apart.
"""

from __future__ import annotations

import hashlib
import json

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from custodes.audit import keys
from custodes.audit.actions import check
from custodes.audit.models import Event

GENESIS = "0" * 64
SCHEME = 2


def deployment_key() -> Ed25519PrivateKey | None:
    return keys.load(settings.CUSTODES_AUDIT_KEY) if settings.CUSTODES_AUDIT_KEY else None


def digest(event: Event) -> str:
    content = {
        "sequence": event.sequence,
        "at": event.at.isoformat(),
        "actor": event.actor_label,
        "action": event.action,
        "subject": event.subject,
        "data": event.data,
        "previous_hash": event.previous_hash,
    }
    if event.scheme >= 2:
        content |= {"scheme": event.scheme, "actor_id": event.actor_id}
    encoded = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(encoded.encode()).hexdigest()


def record(action: str, actor=None, subject: str = "", data: dict | None = None) -> Event:
    """Append one event. Call it inside the transaction that makes the change it records.
    `action` must be in custodes.audit.actions."""
    check(action)
    key = deployment_key()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # one writer at a time extends the chain
                cursor.execute("LOCK TABLE audit_event IN SHARE ROW EXCLUSIVE MODE")
        last = Event.objects.order_by("-sequence").only("sequence", "hash").first()
        event = Event(
            sequence=(last.sequence + 1) if last else 1,
            scheme=SCHEME,
            at=timezone.now().replace(microsecond=0),
            actor=actor if getattr(actor, "pk", None) else None,
            actor_label=_label(actor),
            action=action,
            subject=subject,
            data=json.loads(json.dumps(data or {}, default=str)),
            previous_hash=last.hash if last else GENESIS,
        )
        event.hash = digest(event)
        event.signature = keys.sign(key, event.hash.encode()) if key else ""
        event.save(force_insert=True)
        return event


def _label(actor) -> str:
    if actor is None:
        return "system"
    if isinstance(actor, str):
        return actor
    return actor.get_username() or "anonymous"
