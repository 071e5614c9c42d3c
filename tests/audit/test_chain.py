"""The audit log: every change leaves one chained event, and tampering is found."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction
from typer.testing import CliRunner

from custodes.audit.chain import GENESIS, record, verify
from custodes.audit.models import Event
from custodes.cli import app

pytestmark = pytest.mark.django_db


def _three_events():
    return [record("custodes.note.added", "tester", "case:C-TEST", {"n": i}) for i in range(3)]


def test_each_event_holds_the_hash_of_the_one_before():
    first, second, third = _three_events()
    assert first.previous_hash == GENESIS
    assert second.previous_hash == first.hash and third.previous_hash == second.hash
    assert verify().ok and verify().events == 3


@pytest.mark.skipif(connection.vendor != "sqlite", reason="on PostgreSQL a trigger refuses edits")
def test_an_event_edited_behind_the_applications_back_is_named():
    _, second, _ = _three_events()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE audit_event SET data = %s WHERE sequence = %s", ['{"n": 99}', second.sequence]
        )
    result = verify()
    assert not result.ok
    assert result.broken_at == second.sequence
    assert "changed" in result.problem


@pytest.mark.skipif(connection.vendor != "sqlite", reason="on PostgreSQL a trigger refuses edits")
def test_a_deleted_event_is_named_by_the_gap_it_leaves():
    _, second, third = _three_events()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_event WHERE sequence = %s", [second.sequence])
    result = verify()
    assert result.broken_at == third.sequence
    assert "missing" in result.problem


@pytest.mark.skipif(connection.vendor != "sqlite", reason="on PostgreSQL a trigger refuses edits")
def test_the_command_names_the_first_event_that_does_not_match():
    _, second, _ = _three_events()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE audit_event SET actor_label = 'mallory' WHERE sequence = %s", [second.sequence]
        )
    result = CliRunner().invoke(app, ["audit", "verify"])
    assert result.exit_code == 1
    assert f"#{second.sequence}" in result.stderr


def test_the_command_reports_an_intact_log():
    _three_events()
    result = CliRunner().invoke(app, ["audit", "verify"])
    assert result.exit_code == 0
    assert "intact: 3 events" in result.stdout


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL")
@pytest.mark.parametrize(
    "statement", ["UPDATE audit_event SET actor_label = 'mallory'", "DELETE FROM audit_event"]
)
def test_on_postgresql_the_trigger_refuses_edits(statement):
    _three_events()
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)
    assert Event.objects.count() == 3 and verify().ok
