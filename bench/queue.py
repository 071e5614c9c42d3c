"""With 100,000 cases on a desk, how fast do the queue and the case page answer?

The data, made for this run in a database of its own (bench/benchdb.py): BENCH_CASES cases
(default 100,000) in the shares the large providers publish — the open ones a desk's last
weeks (15 %, at most 15,000 however large the desk's history), the rest closed; 57 % under a
court's non-disclosure order (Meta's U.S. share, H1 2017), two in three of those with no end
date and a fifth of those already asked of the court once; one in ten asking for secrecy
without an order; preservations on a third of the desk (Meta receives more preservation
requests than requests for data), most released; a notice to the account holder of each case
past review, sent where the law let us tell (a few left in doubt by the mail server) and
waiting where an order in force keeps it back (forever, where the order has no end); the return
dates of open cases spread around today. Each page is then asked for repeatedly through
Django's test client as a signed-in reviewer, and the median printed. Exits 0 whatever the figures.
"""

from __future__ import annotations

import sys

# This file is named queue.py, as asked; its folder first on sys.path would shadow the
# standard library's `queue` module that Django's imports need.
if sys.path and sys.path[0].endswith("bench"):
    sys.path.append(sys.path.pop(0))

import os
import random
import statistics
import time
from datetime import UTC, date, datetime, timedelta

import benchdb

CASES = int(os.environ.get("BENCH_CASES", "100000"))
REPEATS = 30
BATCH = 5000
TODAY = date.today()
OPEN_SHARE = min(0.15, 15_000 / CASES)

benchdb.start("queue")

import django  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402

from custodes.audit.chain import record  # noqa: E402
from custodes.cases.models import Case, Demand, EngineReview, Preservation, Target  # noqa: E402
from custodes.cases.models.case import new_reference  # noqa: E402
from custodes.cases.people import add_staff  # noqa: E402
from custodes.cases.workflow import State  # noqa: E402
from custodes.law import Request, ReviewConfig, review  # noqa: E402
from custodes.notices.models import NonDisclosureOrder, Notice  # noqa: E402
from custodes.outbox.models import Mail  # noqa: E402

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
OPEN_STATES = [s for s in State.values if s != State.CLOSED]


def _decision() -> tuple[dict, dict]:
    request = Request.from_dict(
        {
            "instrument": "grand_jury_subpoena",
            "country": "US",
            "addressed_to": "Parley Social, Inc.",
            "requester": {"email": "agent@fbi.gov"},
            "selectors": [{"kind": "username", "value": "x"}],
            "categories": ["subscriber"],
            "date_range": {"start": "2026-01-01", "end": "2026-10-31"},
            "purpose": "Investigation of wire fraud.",
        }
    )
    decision = review(request, ReviewConfig(received_on=TODAY)).to_dict()
    return request.to_dict(), decision


def _case(rng: random.Random, demand: Demand) -> Case:
    closed = rng.random() >= OPEN_SHARE
    received = TODAY - timedelta(days=rng.randint(0, 900 if closed else 60))
    ordered = rng.random() < 0.57
    requested = not ordered and rng.random() < 0.10
    instrument = rng.choice(INSTRUMENTS)
    return Case(
        reference=new_reference(),
        demand=demand,
        state=State.CLOSED if closed else rng.choice(OPEN_STATES),
        outcome="produced" if closed else "",
        instrument=instrument,
        agency=rng.choice(AGENCIES),
        engine_action="produce",
        received_on=received,
        due_on=received + timedelta(days=rng.randint(10, 45)) if rng.random() < 0.9 else None,
        secrecy="court_ordered" if ordered else "requested" if requested else "",
        secrecy_ends_on=(
            received + timedelta(days=rng.choice((90, 180, 365)))
            if ordered and rng.random() < 1 / 3
            else None
        ),
        disclosed_on=received + timedelta(days=20) if closed else None,
        closed_on=received + timedelta(days=25) if closed else None,
    )


def _records(rng: random.Random, cases: list[Case], user) -> None:
    """The orders, preservations and notices that make the queue's deadlines."""
    orders, kept, mails, notices = [], [], [], []
    for case in cases:
        unbounded = case.secrecy == "court_ordered" and case.secrecy_ends_on is None
        if unbounded and rng.random() < 0.2:
            asked = case.received_on + timedelta(days=rng.randint(300, 400))
            orders.append(NonDisclosureOrder(case=case, last_asked_on=asked, updated_by=user))
        if case.instrument == "preservation_request" or rng.random() < 0.2:
            ends = case.received_on + timedelta(days=90)
            released = ends if case.state == State.CLOSED or rng.random() < 0.5 else None
            kept.append(
                Preservation(
                    case=case,
                    preserved_on=case.received_on,
                    ends_on=ends,
                    released_on=released,
                    recorded_by=user,
                )
            )
        if case.state not in (State.NOTICE_PERIOD, State.PRODUCING, State.CLOSED):
            continue
        # A notice waits while a court's order holds it (forever, where the order has no
        # end); the others went out, a few left in doubt by the mail server.
        held = case.secrecy == "court_ordered" and (
            case.secrecy_ends_on is None or case.secrecy_ends_on > TODAY
        )
        mail = None
        if not held:
            status = Mail.Status.SENT if rng.random() < 0.99 else Mail.Status.UNCERTAIN
            sent_at = datetime.combine(case.received_on, datetime.min.time(), UTC)
            mail = Mail(
                key=f"notice:{case.reference}",
                purpose="notice",
                about=f"case:{case.reference}",
                to=["holder@example.org"],
                subject="A request for your data",
                body="…",
                message_id=f"<{case.reference}@bench>",
                status=status,
                sent_at=sent_at if status == Mail.Status.SENT else None,
            )
            mails.append(mail)
        notices.append(
            Notice(
                case=case,
                address="holder@example.org",
                added_by=user,
                mail=mail,
                queued_on=None if held else case.received_on,
                offers_objection=not held,
            )
        )
    NonDisclosureOrder.objects.bulk_create(orders)
    Preservation.objects.bulk_create(kept)
    Mail.objects.bulk_create(mails)
    Notice.objects.bulk_create(notices)


def _fill(count: int, user) -> Case:
    rng = random.Random(7)
    request, decision = _decision()
    for start in range(0, count, BATCH):
        size = min(BATCH, count - start)
        with transaction.atomic():
            demands = Demand.objects.bulk_create(
                Demand(channel="portal", received_on=TODAY, extracted=request, request=request)
                for _ in range(size)
            )
            cases = Case.objects.bulk_create(_case(rng, demand) for demand in demands)
            EngineReview.objects.bulk_create(
                EngineReview(case=case, pack_version="bench", request=request, decision=decision)
                for case in cases
            )
            Target.objects.bulk_create(
                Target(case=case, kind="username", value=f"user{case.pk}") for case in cases
            )
            _records(rng, cases, user)
        print(f"  {start + size:,} cases", file=sys.stderr, end="\r")
    print(file=sys.stderr)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    sample = Case.objects.exclude(state=State.CLOSED).order_by("?").first()
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


def _signed_in() -> tuple[Client, object]:
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
    return client, user


def main() -> None:
    client, user = _signed_in()
    started = time.perf_counter()
    sample = _fill(CASES, user)
    ordered = Case.objects.filter(secrecy="court_ordered").count()
    print(
        f"# queue: a {connection.vendor} database made for this run, {CASES:,} cases, "
        f"{ordered / CASES:.0%} under a court's order, {Notice.objects.count():,} notices, "
        f"{Preservation.objects.count():,} preservations "
        f"(filled in {time.perf_counter() - started:.0f} s)"
    )
    vendor = django.db.connection.vendor
    pages = {
        "queue_page": "/",
        "queue_filtered": "/?due=overdue&instrument=search_warrant",
        "queue_all_deep": "/?state=all&page=1000",
        "case_page": f"/cases/{sample.reference}/",
    }
    for name, url in pages.items():
        print(f"{name}_median_{vendor}: {_median_ms(client, url):.1f} ms (target < 100)")


if __name__ == "__main__":
    main()
