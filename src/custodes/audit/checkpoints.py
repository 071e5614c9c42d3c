"""Signed checkpoints of the chain's head: at every transparency report, once a day from the
worker, and on demand (`custodes audit checkpoint`). A checkpoint is what lets `verify` see
that events were cut from the end, or the whole log emptied: the hashes alone cannot.

A checkpoint is not itself an audit event: it would move the head it signs.
"""

from __future__ import annotations

import json
from datetime import timedelta

from django.utils import timezone

from custodes.audit import keys
from custodes.audit.chain import GENESIS, deployment_key
from custodes.audit.models import Checkpoint, Event

REPORT, DAILY, ON_DEMAND = "report", "daily", "on demand"


def message(checkpoint: Checkpoint) -> bytes:
    """What the key signs: every field of the checkpoint but the signature."""
    content = {
        "at": checkpoint.at.isoformat(),
        "reason": checkpoint.reason,
        "sequence": checkpoint.sequence,
        "head_hash": checkpoint.head_hash,
        "public_key": checkpoint.public_key,
    }
    return json.dumps(content, sort_keys=True, separators=(",", ":")).encode()


def make(reason: str) -> Checkpoint | None:
    """Sign the chain's head as it is now; None when the deployment has no key. The latest
    checkpoint is returned again when the head has not moved since it."""
    key = deployment_key()
    if key is None:
        return None
    head = Event.objects.order_by("-sequence").only("sequence", "hash").first()
    sequence, head_hash = (head.sequence, head.hash) if head else (0, GENESIS)
    public = keys.public_hex(key)
    latest = latest_checkpoint()
    if latest and (latest.sequence, latest.head_hash, latest.public_key) == (
        sequence,
        head_hash,
        public,
    ):
        return latest
    checkpoint = Checkpoint(
        at=timezone.now().replace(microsecond=0),
        reason=reason,
        sequence=sequence,
        head_hash=head_hash,
        public_key=public,
    )
    checkpoint.signature = keys.sign(key, message(checkpoint))
    checkpoint.save(force_insert=True)
    return checkpoint


def make_daily() -> Checkpoint | None:
    """The worker's once a day: a checkpoint unless one was made in the last day."""
    latest = Checkpoint.objects.order_by("-at").only("at").first()
    if latest and latest.at > timezone.now() - timedelta(days=1):
        return None
    return make(DAILY)


def latest_checkpoint() -> Checkpoint | None:
    return Checkpoint.objects.order_by("-sequence", "-id").first()
