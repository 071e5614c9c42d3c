"""With 100,000 cases in the database, how fast do the queue and the case page answer?

Builds a throwaway database (SQLite in a temporary folder, or the PostgreSQL in DATABASE_URL),
fills it in bulk, then requests each page repeatedly through Django's test client as a
signed-in reviewer. Prints the median per page; exits 0 whatever the figures.
"""

from __future__ import annotations

import sys

# This file is named queue.py, as asked; run as a script, its folder would lead sys.path and
# shadow the standard library's `queue` module that Django's imports need.
if sys.path and sys.path[0].endswith("bench"):
    sys.path.pop(0)

import os
import random
import statistics
import tempfile
import time
from datetime import date, timedelta

CASES = int(os.environ.get("BENCH_CASES", "100000"))
REPEATS = 30

os.environ.setdefault("CUSTODES_DATA_DIR", tempfile.mkdtemp(prefix="custodes-bench-"))
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "custodes.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402

from custodes.audit.chain import record  # noqa: E402
from custodes.cases.models import Case, Demand, EngineReview, Target  # noqa: E402
from custodes.cases.models.case import new_reference  # noqa: E402
from custodes.cases.people import add_staff  # noqa: E402
from custodes.cases.workflow import State  # noqa: E402
from custodes.law import Request, ReviewConfig, review  # noqa: E402

AGENCIES = [
    "Federal Bureau of Investigation",
    "Immigration and Customs Enforcement",
    "New York State Police",
    "Drug Enforcement Administration",
    "King County Sheriff",
]
INSTRUMENTS = [
    "grand_jury_subpoena",
    "administrative_subpoena",
    "search_warrant",
    "court_order_2703d",
    "emergency_request",
    "preservation_request",
]


def _fill(count: int) -> Case:
    rng = random.Random(7)
    base = {
        "instrument": "grand_jury_subpoena",
        "country": "US",
        "addressed_to": "Parley Social, Inc.",
        "requester": {"email": "agent@fbi.gov"},
        "selectors": [{"kind": "username", "value": "x"}],
        "categories": ["subscriber"],
        "date_range": {"start": "2026-01-01", "end": "2026-10-31"},
        "purpose": "Investigation of wire fraud.",
    }
    request = Request.from_dict(base)
    decision = review(request, ReviewConfig(received_on=date(2026, 11, 23))).to_dict()
    today = date(2026, 11, 23)
    batch = 5000
    for start in range(0, count, batch):
        size = min(batch, count - start)
        with transaction.atomic():
            demands = Demand.objects.bulk_create(
                Demand(
                    channel="portal",
                    received_on=today,
                    extracted=request.to_dict(),
                    request=request.to_dict(),
                )
                for _ in range(size)
            )
            cases = Case.objects.bulk_create(
                Case(
                    reference=new_reference(),
                    demand=demand,
                    state=rng.choice(State.values),
                    instrument=rng.choice(INSTRUMENTS),
                    agency=rng.choice(AGENCIES),
                    engine_action="produce",
                    due_on=today + timedelta(days=rng.randint(-30, 120))
                    if rng.random() < 0.9
                    else None,
                )
                for demand in demands
            )
            EngineReview.objects.bulk_create(
                EngineReview(
                    case=case, pack_version="bench", request=request.to_dict(), decision=decision
                )
                for case in cases
            )
            Target.objects.bulk_create(
                Target(case=case, kind="username", value=f"user{case.pk}") for case in cases
            )
        print(f"  {start + size:,} cases", file=sys.stderr, end="\r")
    print(file=sys.stderr)
    sample = Case.objects.order_by("?").first()
    for n in range(20):
        record("custodes.note.added", None, sample.subject, {"n": n})
    return sample


def _median_ms(client: Client, url: str) -> float:
    client.get(url)  # warm
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times)


def main() -> None:
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    sample = _fill(CASES)
    print(f"  filled in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    user, device = add_staff(
        "bench-reviewer",
        "bench-password-123",
        ["reviewer"],
        full_name="Bench Reviewer",
        title="Reviewer",
    )
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    vendor = django.db.connection.vendor
    queue = _median_ms(client, "/")
    print(f"queue_page_median_{vendor}: {queue:.1f} ms with {CASES:,} cases (target < 100)")
    filtered = _median_ms(client, "/?due=overdue&instrument=search_warrant")
    print(f"queue_filtered_median_{vendor}: {filtered:.1f} ms with {CASES:,} cases (target < 100)")
    case = _median_ms(client, f"/cases/{sample.reference}/")
    print(f"case_page_median_{vendor}: {case:.1f} ms with {CASES:,} cases (target < 100)")


if __name__ == "__main__":
    main()
