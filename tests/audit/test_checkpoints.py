"""Signed checkpoints: made on demand, at every report and once a day; the key made once and
kept; a deployment without one told plainly."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import timedelta

import pytest
import time_machine
from click.testing import CliRunner
from django.utils import timezone

from custodes.audit import checkpoints
from custodes.audit.chain import record
from custodes.audit.models import Checkpoint
from custodes.cli import app
from custodes.transparency.aggregate import compute
from custodes.transparency.periods import Period

pytestmark = pytest.mark.django_db


def _note():
    return record("custodes.note.added", "tester", "case:C-TEST", {})


def test_the_command_signs_the_head_and_signs_it_once(deployment_key):
    head = _note()
    said = CliRunner().invoke(app, ["audit", "checkpoint"])
    assert said.exit_code == 0 and f"event #{head.sequence}" in said.stdout
    CliRunner().invoke(app, ["audit", "checkpoint"])
    checkpoint = Checkpoint.objects.get()
    assert (checkpoint.sequence, checkpoint.head_hash) == (head.sequence, head.hash)


def test_without_a_key_the_command_says_what_to_set():
    said = CliRunner().invoke(app, ["audit", "checkpoint"])
    assert said.exit_code == 2 and "CUSTODES_AUDIT_KEY_FILE" in said.stderr
    assert not Checkpoint.objects.exists()


def test_every_report_signs_the_head_it_was_computed_from(deployment_key):
    head = _note()
    report = compute(Period.containing(timezone.localdate()))
    checkpoint = Checkpoint.objects.get(reason=checkpoints.REPORT)
    assert checkpoint.sequence == report.ledger["audit_event"] == head.sequence


def test_the_worker_signs_the_head_once_a_day(deployment_key):
    _note()
    assert checkpoints.make_daily() is not None
    _note()
    assert checkpoints.make_daily() is None
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        assert checkpoints.make_daily().reason == checkpoints.DAILY
    assert Checkpoint.objects.count() == 2


def test_keygen_makes_a_key_only_its_owner_reads_and_never_replaces_it(tmp_path):
    path = tmp_path / "var" / "audit-key.pem"
    made = CliRunner().invoke(app, ["audit", "keygen", str(path)])
    assert made.exit_code == 0 and "Made" in made.stdout
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    first = path.read_bytes()
    kept = CliRunner().invoke(app, ["audit", "keygen", str(path)])
    assert "Kept" in kept.stdout and path.read_bytes() == first


def test_a_file_that_is_not_a_key_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "audit-key.pem"
    path.write_text("not a key")
    said = CliRunner().invoke(app, ["audit", "keygen", str(path)])
    assert said.exit_code == 2 and "custodes audit keygen" in said.stderr
    assert path.read_text() == "not a key"


def _custodes(data_folder, *arguments, **environment) -> subprocess.CompletedProcess:
    """The command as an operator runs it, on its own data folder."""
    settings = {"CUSTODES_DEBUG": "true", "CUSTODES_DATA_DIR": str(data_folder), **environment}
    ours = ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")  # its own SQLite in the data folder
    inherited = {k: v for k, v in os.environ.items() if k not in ours}
    return subprocess.run(
        [sys.executable, "-m", "custodes.cli", *arguments],
        env=inherited | settings,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.slow  # a child process
def test_a_deployment_whose_key_file_is_not_a_key_does_not_start(tmp_path):
    bad = tmp_path / "audit-key.pem"
    bad.write_text("-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n")
    ran = _custodes(tmp_path, "audit", "verify", CUSTODES_AUDIT_KEY_FILE=str(bad))
    assert ran.returncode == 2
    assert "CUSTODES_AUDIT_KEY_FILE does not hold" in ran.stderr and "Traceback" not in ran.stderr


@pytest.mark.slow  # a child process
def test_verify_on_a_database_without_the_log_says_so_in_one_line(tmp_path):
    ran = _custodes(tmp_path, "audit", "verify")
    assert ran.returncode == 2 and "Traceback" not in ran.stderr
    assert ran.stderr.strip().endswith("`custodes migrate` sets up a new one")
