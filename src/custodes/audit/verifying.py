"""Proving the log untouched: every event follows the one before it and matches its hash,
carries the deployment's signature once events are signed, and the log still holds every
event a signed checkpoint covers.

Without a key configured the hashes are checked, and the result says the log is unsigned.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from custodes.audit import keys
from custodes.audit.chain import GENESIS, SCHEME, deployment_key, digest
from custodes.audit.checkpoints import message
from custodes.audit.models import Checkpoint, Event


@dataclass(frozen=True)
class Verification:
    events: int
    broken_at: int | None = None  # the sequence number of the first event that does not match
    problem: str = ""
    signed: bool = False  # a key was configured: signatures and checkpoints were checked
    unsigned_events: int = 0  # written before the deployment had its key
    checkpoint: Checkpoint | None = None  # the latest signed checkpoint

    @property
    def ok(self) -> bool:
        return not self.problem


class _Broken(Exception):
    def __init__(self, problem: str, at: int | None = None):
        super().__init__(problem)
        self.problem, self.at = problem, at


def verify() -> Verification:
    key = deployment_key()
    public = keys.public_hex(key) if key else None
    checkpoints = list(Checkpoint.objects.order_by("sequence", "id")) if public else []
    walk = _Walk(public, checkpoints)
    try:
        walk.check_checkpoint_signatures()
        walk.run(_all_events())
        walk.check_length()
    except _Broken as broken:
        return Verification(walk.count, broken.at, broken.problem, public is not None)
    latest = checkpoints[-1] if checkpoints else None
    return Verification(walk.count, None, "", public is not None, walk.unsigned, latest)


class _Walk:
    def __init__(self, public: str | None, checkpoints: list[Checkpoint]):
        self.public, self.checkpoints = public, checkpoints
        self.covering = defaultdict(list)
        for checkpoint in checkpoints:
            self.covering[checkpoint.sequence].append(checkpoint)
        self.count = self.unsigned = 0
        self.signing_began = False

    def check_checkpoint_signatures(self) -> None:
        for checkpoint in self.checkpoints:
            if checkpoint.public_key != self.public or not keys.signed_by(
                self.public, message(checkpoint), checkpoint.signature
            ):
                raise _Broken(
                    f"the checkpoint of {_when(checkpoint)} is not signed by this deployment's "
                    "key: it was written behind the application's back"
                )
        for checkpoint in self.covering.get(0, []):
            if checkpoint.head_hash != GENESIS:
                raise _Broken(f"the checkpoint of {_when(checkpoint)} names no event")

    def run(self, events: Iterator[Event]) -> None:
        previous, scheme = GENESIS, 1
        for event in events:
            self.count += 1
            if event.sequence != self.count:
                raise _Broken(f"event #{self.count} is missing before it", event.sequence)
            if event.previous_hash != previous:
                raise _Broken("it does not follow the event before it", event.sequence)
            if not scheme <= event.scheme <= SCHEME:
                raise _Broken("its hashing scheme was changed after it was written", event.sequence)
            if digest(event) != event.hash:
                raise _Broken("its content was changed after it was written", event.sequence)
            self._check_signature(event)
            for checkpoint in self.covering.get(event.sequence, []):
                if checkpoint.head_hash != event.hash:
                    raise _Broken(
                        f"it is not the event the checkpoint of {_when(checkpoint)} signed",
                        event.sequence,
                    )
            previous, scheme = event.hash, event.scheme

    def _check_signature(self, event: Event) -> None:
        if self.public is None:
            return
        if event.signature:
            if not keys.signed_by(self.public, event.hash.encode(), event.signature):
                raise _Broken("it is not signed by this deployment's key", event.sequence)
            self.signing_began = True
        elif self.signing_began:
            raise _Broken(
                "it is not signed, though the events before it are: it was written behind "
                "the application's back",
                event.sequence,
            )
        else:
            self.unsigned += 1

    def check_length(self) -> None:
        longest = self.checkpoints[-1] if self.checkpoints else None
        if longest and longest.sequence > self.count:
            missing = (
                f"event #{self.count + 1} is"
                if longest.sequence == self.count + 1
                else f"events #{self.count + 1}–#{longest.sequence} are"
            )
            raise _Broken(
                f"the log holds {self.count} events, but the checkpoint of {_when(longest)} "
                f"signed {longest.sequence}: {missing} missing from its end"
            )


def _when(checkpoint: Checkpoint) -> str:
    return f"{checkpoint.at:%Y-%m-%d %H:%M} UTC ({checkpoint.reason})"


def _all_events() -> Iterator[Event]:
    return Event.objects.order_by("sequence").iterator(chunk_size=2000)
