"""The deployment's audit key, and Mallory: an insider with the database owner's rights but
not the key file, who edits the audit tables directly."""

from __future__ import annotations

import pytest
from django.db import connection


@pytest.fixture
def deployment_key(settings, tmp_path):
    from custodes.audit.keys import generate

    path = tmp_path / "audit-key.pem"
    generate(path)
    settings.CUSTODES_AUDIT_KEY = path.read_text()
    return path


def behind_the_back(sql: str, params=()) -> None:
    """Mallory's statement; on PostgreSQL she first turns the append-only triggers off, as
    the tables' owner can (and, inside the test's transaction, settles its deferred checks:
    TRUNCATE refuses to run beside them)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = origin")
