"""A database of the benchmark's own, made for one run: SQLite in a temporary folder, or, with
DATABASE_URL set, a new PostgreSQL database beside the one it names (a random name, dropped
when the run ends), so that a benchmark never measures or touches anyone else's data.

Each benchmark puts its folder last on sys.path (bench/queue.py would shadow the standard
library's `queue` if it came first) and calls `start()` before it imports Django's models.
"""

from __future__ import annotations

import atexit
import os
import secrets
import shutil
import tempfile
from pathlib import Path


def start(name: str, audit_key: bool = False) -> Path:
    """Set up Django on a fresh database for the benchmark `name`; returns its data folder."""
    folder = Path(tempfile.mkdtemp(prefix=f"custodes-bench-{name}-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ["CUSTODES_DATA_DIR"] = str(folder)
    os.environ.setdefault("SECRET_KEY", "bench-only")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "custodes.settings")
    if os.environ.get("DATABASE_URL"):
        _fresh_postgresql()
    if audit_key:
        from custodes.audit.keys import generate

        generate(folder / "audit-key.pem")
        os.environ["CUSTODES_AUDIT_KEY_FILE"] = str(folder / "audit-key.pem")

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    return folder


def _fresh_postgresql() -> None:
    import psycopg

    url = os.environ["DATABASE_URL"]
    name = f"custodes_bench_{secrets.token_hex(6)}"
    with psycopg.connect(url, autocommit=True) as server:
        server.execute(f"CREATE DATABASE {name}")

    def drop() -> None:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(url, autocommit=True) as server:
            server.execute(f"DROP DATABASE IF EXISTS {name}")

    atexit.register(drop)
    os.environ["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + name
