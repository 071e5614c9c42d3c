"""How much does signing cost the audit log, how fast does `verify` read it, and how fast is
a sign-in flood turned away?

Builds a throwaway database (SQLite in a temporary folder, or the PostgreSQL in DATABASE_URL)
with a fresh audit key, records BENCH_EVENTS events with and without the key, verifies the
log, then sends wrong passwords for one account from one address. Prints the figures; exits
0 whatever they are.
"""

from __future__ import annotations

import sys

# bench/queue.py would shadow the standard library's `queue` were this folder on sys.path.
if sys.path and sys.path[0].endswith("bench"):
    sys.path.pop(0)

import os
import tempfile
import time
from pathlib import Path

EVENTS = int(os.environ.get("BENCH_EVENTS", "20000"))
ATTEMPTS = 500

folder = Path(tempfile.mkdtemp(prefix="custodes-bench-"))
os.environ.setdefault("CUSTODES_DATA_DIR", str(folder))
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "custodes.settings")

from custodes.audit.keys import generate  # noqa: E402

generate(folder / "audit-key.pem")
os.environ["CUSTODES_AUDIT_KEY_FILE"] = str(folder / "audit-key.pem")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from custodes.audit.chain import record  # noqa: E402
from custodes.audit.checkpoints import ON_DEMAND, make  # noqa: E402
from custodes.audit.verifying import verify  # noqa: E402


def per_event(count: int) -> float:
    started = time.perf_counter()
    for n in range(count):
        record("custodes.note.added", "bench", f"case:C-{n}", {"n": n})
    return (time.perf_counter() - started) / count * 1e6


def main() -> None:
    call_command("migrate", verbosity=0)
    print(f"audit log on {connection.vendor}, {EVENTS} events")
    # unsigned first: a log whose signed events are followed by unsigned ones does not verify
    key, settings.CUSTODES_AUDIT_KEY = settings.CUSTODES_AUDIT_KEY, ""
    unsigned = per_event(EVENTS // 2)
    settings.CUSTODES_AUDIT_KEY = key
    signed = per_event(EVENTS // 2)
    print(f"  record: {signed:.0f} µs an event signed, {unsigned:.0f} µs unsigned")
    make(ON_DEMAND)
    started = time.perf_counter()
    result = verify()
    elapsed = time.perf_counter() - started
    print(f"  verify: {result.events / elapsed:,.0f} events/s ({elapsed:.2f} s), ok={result.ok}")

    settings.CUSTODES_SIGNIN_PER_ADDRESS = ATTEMPTS  # the account's budget is the one spent
    mallory = Client(REMOTE_ADDR="203.0.113.66")
    guess = {"username": "rita", "password": "guess", "token": "000000"}
    events_before = result.events
    started = time.perf_counter()
    statuses = [mallory.post("/login/", guess).status_code for _ in range(ATTEMPTS)]
    elapsed = time.perf_counter() - started
    written = verify().events - events_before
    print(
        f"  sign-in flood: {ATTEMPTS} wrong passwords in {elapsed:.2f} s "
        f"({ATTEMPTS / elapsed:,.0f}/s): {statuses.count(400)} checked, "
        f"{statuses.count(429)} refused with a time to wait, {written} audit events written"
    )


if __name__ == "__main__":
    main()
