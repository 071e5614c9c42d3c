"""Every command that uses the database, run on a fresh data folder as a new deployment
would: its tables are made first and said so, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

COMMANDS = [
    ["tick"],
    ["report", "--period", "2026H2"],
    [
        "staff",
        "add",
        "dana",
        "--role",
        "reviewer",
        "--full-name",
        "Dana Whitfield",
        "--title",
        "Custodian of Records",
        "--email",
        "dana@example.org",
    ],
    ["migrate"],
]


def _custodes(folder: Path, *args: str) -> subprocess.CompletedProcess:
    unset = ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env |= {"CUSTODES_DATA_DIR": str(folder), "CUSTODES_DEBUG": "true"}
    command = [str(Path(sys.executable).with_name("custodes")), *args]
    return subprocess.run(
        command, env=env, capture_output=True, text=True, check=False, input="password\n" * 4
    )


@pytest.mark.slow  # a child process
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_command_on_a_fresh_data_folder_sets_up_its_database_first(tmp_path, command):
    ran = _custodes(tmp_path / "fresh", *command)
    assert "Traceback" not in ran.stderr + ran.stdout
    assert ran.returncode == 0, ran.stderr
    said = ran.stderr + ran.stdout
    assert "migrating it first" in said or "The database is up to date." in said


@pytest.mark.slow  # a child process
def test_audit_verify_on_a_fresh_data_folder_says_what_to_run(tmp_path):
    ran = _custodes(tmp_path / "fresh", "audit", "verify")
    assert ran.returncode == 2 and "`custodes migrate` sets up a new one" in ran.stderr
