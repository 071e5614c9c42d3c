"""How much does signing cost the audit log, how fast does `verify` read it, and how is a
sign-in flood turned away?

The data: a database made for this run (SQLite in a temporary folder, or, with DATABASE_URL
set, a new PostgreSQL database of its own on that server, a random name, dropped when it
ends) and a fresh audit key. It records BENCH_EVENTS events (default 20,000), half without
the key and half with it (after a few hundred not timed), verifies the log, then sends 500
wrong passwords for one account from one address. Exits 0 whatever the figures.

The targets: an event is written while a person waits for a page whose budget is 100 ms
(5 ms at most for an event); a year of a busy desk's log, a million events, verifies in
under four minutes (5,000 events/s); a flood is answered, every attempt, without an event for
each (one tally an hour).
"""

from __future__ import annotations

import sys

# bench/queue.py would shadow the standard library's `queue` were this folder first on sys.path.
if sys.path and sys.path[0].endswith("bench"):
    sys.path.append(sys.path.pop(0))

import logging
import os
import time

import benchdb

EVENTS = int(os.environ.get("BENCH_EVENTS", "20000"))
WARM_UP = 200
ATTEMPTS = 500

benchdb.start("audit", audit_key=True)

from django.conf import settings  # noqa: E402
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
    logging.getLogger("django.request").setLevel(logging.ERROR)  # each 429 is no news here
    print(f"# audit: a {connection.vendor} database made for this run, {EVENTS:,} events")
    # unsigned first: a log whose signed events are followed by unsigned ones does not verify
    key, settings.CUSTODES_AUDIT_KEY = settings.CUSTODES_AUDIT_KEY, ""
    per_event(WARM_UP)
    unsigned = per_event(EVENTS // 2)
    settings.CUSTODES_AUDIT_KEY = key
    signed = per_event(EVENTS // 2)
    print(f"audit_record_signed: {signed:,.0f} µs/event (target < 5,000)")
    print(f"audit_record_unsigned: {unsigned:,.0f} µs/event (target < 5,000)")
    make(ON_DEMAND)
    started = time.perf_counter()
    result = verify()
    elapsed = time.perf_counter() - started
    if not result.ok:
        raise SystemExit(f"audit: the log made for the benchmark does not verify: {result.problem}")
    print(f"audit_verify: {result.events / elapsed:,.0f} events/s (target >= 5,000)")

    settings.CUSTODES_SIGNIN_PER_ADDRESS = ATTEMPTS  # the account's budget is the one spent
    mallory = Client(REMOTE_ADDR="203.0.113.66")
    guess = {"username": "rita", "password": "guess", "token": "000000"}
    events_before = result.events
    started = time.perf_counter()
    statuses = [mallory.post("/login/", guess).status_code for _ in range(ATTEMPTS)]
    elapsed = time.perf_counter() - started
    written = verify().events - events_before
    answered = statuses.count(400) + statuses.count(429)
    print(
        f"audit_signin_flood: {ATTEMPTS / elapsed:,.0f} attempts/s, {answered} of {ATTEMPTS} "
        f"answered ({statuses.count(429)} refused with a time to wait) (target: all answered)"
    )
    print(f"audit_signin_flood_events: {written} events for {ATTEMPTS} attempts (target <= 1)")


if __name__ == "__main__":
    main()
