"""Mallory, with the database but not the deployment's key, tries to cut the record quietly:
each attempt the issue names is found by `custodes audit verify`, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from django.db import connection

from custodes.audit import checkpoints
from custodes.audit.chain import SCHEME, digest, record
from custodes.audit.models import Checkpoint, Event
from custodes.audit.verifying import verify
from custodes.cli import app
from tests.audit.conftest import behind_the_back

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_log(deployment_key, reviewer):
    """Rita's account added (#1), her three notes (#2–#4), the head signed, one more (#5)."""
    for n in range(3):
        record("custodes.note.added", reviewer, "case:C-TEST", {"n": n})
    checkpoints.make(checkpoints.ON_DEMAND)
    record("custodes.note.added", reviewer, "case:C-TEST", {"n": 3})
    return list(Event.objects.all())


def _verify(exit_code: int) -> str:
    result = CliRunner().invoke(app, ["audit", "verify"])
    assert result.exit_code == exit_code, result.stdout
    return " ".join((result.stdout + result.stderr).split())


def _refused() -> str:
    return _verify(1)


def test_a_signed_log_verifies_with_its_checkpoint(signed_log):
    said = _verify(0)
    assert "intact: 5 events" in said and "covers #4; 1 events follow it" in said
    assert all(event.signature for event in signed_log)


def test_deleting_the_last_events_is_found_against_the_checkpoint(signed_log):
    behind_the_back("DELETE FROM audit_event WHERE sequence >= 4")
    problem = _refused()
    assert "holds 3 events" in problem and "signed 4" in problem
    assert "event #4 is missing from its end" in problem


def test_changing_an_events_actor_is_found(signed_log, counsel):
    behind_the_back("UPDATE audit_event SET actor_id = %s WHERE sequence = %s", [counsel.pk, 2])
    problem = _refused()
    assert "#2" in problem and "changed" in problem


def test_an_event_appended_with_a_recomputed_hash_is_found(signed_log, reviewer):
    head = signed_log[-1]
    forged = Event(
        sequence=head.sequence + 1,
        scheme=SCHEME,
        at=head.at,
        actor=reviewer,
        actor_label="rita",
        action="custodes.decision.recorded",
        subject="case:C-TEST",
        data={"action": "produce"},
        previous_hash=head.hash,
    )
    forged.hash = digest(forged)
    forged.save(force_insert=True)
    problem = _refused()
    assert f"#{forged.sequence}" in problem and "not signed" in problem


def test_the_last_event_rewritten_with_a_recomputed_hash_is_found(signed_log):
    fifth = signed_log[-1]
    fifth.data = {"n": "rewritten"}
    behind_the_back(
        "UPDATE audit_event SET data = %s, hash = %s WHERE sequence = 5",
        ['{"n": "rewritten"}', digest(fifth)],
    )
    problem = _refused()
    assert "#5" in problem and "not signed by this deployment's key" in problem


def test_emptying_the_log_is_found(signed_log):
    # TRUNCATE on PostgreSQL (the owner turned the trigger off); SQLite has none: DELETE
    emptying = (
        "TRUNCATE audit_event" if connection.vendor == "postgresql" else "DELETE FROM audit_event"
    )
    behind_the_back(emptying)
    problem = _refused()
    assert "holds 0 events" in problem and "#1–#4 are missing" in problem


def test_a_checkpoint_forged_without_the_key_is_found(signed_log):
    real = Checkpoint.objects.get()
    Checkpoint.objects.create(
        at=real.at,
        reason="daily",
        sequence=1,
        head_hash=signed_log[0].hash,
        public_key=real.public_key,
        signature="00" * 64,
    )
    assert "not signed by this deployment's key" in _refused()


def test_what_no_checkpoint_sees_is_an_event_cut_after_the_latest(signed_log):
    """Why the worker signs the head every day, and every report signs it."""
    behind_the_back("DELETE FROM audit_event WHERE sequence = 5")
    assert verify().ok
