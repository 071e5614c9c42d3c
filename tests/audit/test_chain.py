"""The audit log: every change leaves one chained event, and an edit is found."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from custodes.audit.chain import GENESIS, SCHEME, digest, record
from custodes.audit.models import Event
from custodes.audit.verifying import verify
from custodes.cli import app
from tests.audit.conftest import behind_the_back

pytestmark = pytest.mark.django_db


def _three_events():
    return [record("custodes.note.added", "tester", "case:C-TEST", {"n": i}) for i in range(3)]


def test_each_event_holds_the_hash_of_the_one_before():
    first, second, third = _three_events()
    assert first.previous_hash == GENESIS
    assert second.previous_hash == first.hash and third.previous_hash == second.hash
    assert verify().ok and verify().events == 3


def test_an_event_edited_behind_the_applications_back_is_named():
    _, second, _ = _three_events()
    behind_the_back(
        "UPDATE audit_event SET data = %s WHERE sequence = %s", ['{"n": 99}', second.sequence]
    )
    result = verify()
    assert not result.ok
    assert result.broken_at == second.sequence
    assert "changed" in result.problem


def test_a_deleted_event_is_named_by_the_gap_it_leaves():
    _, second, third = _three_events()
    behind_the_back("DELETE FROM audit_event WHERE sequence = %s", [second.sequence])
    result = verify()
    assert result.broken_at == third.sequence
    assert "missing" in result.problem


def test_the_command_names_the_first_event_that_does_not_match():
    _, second, _ = _three_events()
    behind_the_back(
        "UPDATE audit_event SET actor_label = 'mallory' WHERE sequence = %s", [second.sequence]
    )
    result = CliRunner().invoke(app, ["audit", "verify"])
    assert result.exit_code == 1
    assert f"#{second.sequence}" in result.stderr


def test_without_a_key_the_command_reports_an_intact_but_unsigned_log():
    _three_events()
    result = CliRunner().invoke(app, ["audit", "verify"])
    assert result.exit_code == 0
    assert "intact: 3 events" in result.stdout
    assert "unsigned" in result.stdout and "CUSTODES_AUDIT_KEY_FILE" in result.stdout


def test_an_event_hashed_before_the_actor_was_hashed_still_verifies():
    """A log written by an earlier custodes (scheme 1) keeps verifying; what follows it is
    hashed in full."""
    old = Event(
        sequence=1,
        scheme=1,
        at=timezone.now().replace(microsecond=0),
        actor_label="rita",
        action="custodes.note.added",
        subject="case:C-0",
        data={},
        previous_hash=GENESIS,
    )
    old.hash = digest(old)
    old.save(force_insert=True)
    new = record("custodes.note.added", "tester", "case:C-1", {})
    assert new.scheme == SCHEME and new.previous_hash == old.hash
    assert verify().ok and verify().events == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the triggers exist on PostgreSQL")
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_event SET actor_label = 'mallory'",
        "DELETE FROM audit_event",
        "TRUNCATE audit_event",
        "TRUNCATE audit_checkpoint",
    ],
)
def test_on_postgresql_the_triggers_refuse_edits_and_truncation(statement):
    _three_events()
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        # what every connection but the test runner's has: no leave to empty the log
        cursor.execute("SET LOCAL custodes.erase_audit_log = 'no'")
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # TRUNCATE runs beside none
        cursor.execute(statement)
    assert Event.objects.count() == 3 and verify().ok
