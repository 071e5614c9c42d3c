"""How long does the transparency report take over 1,000,000 demands naming 2,500,000
accounts, beside one hand-written GROUP BY for the same figures (the ceiling)?

Builds a throwaway database: SQLite in a temporary folder, or, with DATABASE_URL set, a new
PostgreSQL database of its own on that server (a random name, dropped when it ends). Fills
it in SQL, then times the report's computation and the hand-written query, five times each,
in the same run, and prints the medians; then asks for the public page as a reader does, its
first load (computed) and the median of twenty after it (kept until a case changes). Exits 0
whatever the figures.
"""

from __future__ import annotations

import sys

# bench/queue.py would shadow the standard library's `queue` were this folder first on sys.path.
if sys.path and sys.path[0].endswith("bench"):
    sys.path.append(sys.path.pop(0))

import os
import statistics
import time

import benchdb

DEMANDS = int(os.environ.get("BENCH_DEMANDS", "1000000"))
REPEATS = 5

benchdb.start("report")

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from custodes.transparency.aggregate import compute  # noqa: E402
from custodes.transparency.periods import Period  # noqa: E402

INSTRUMENTS = (
    "grand_jury_subpoena",
    "administrative_subpoena",
    "search_warrant",
    "court_order_2703d",
    "emergency_request",
    "preservation_request",
    "pen_register_order",
    "trial_subpoena",
    "foreign_request",
    "national_security_letter",
)
COUNTRIES = ("US", "US", "US", "GB", "DE", "IN", "BR", "FR", "CA", "AU")
# Names as intake reads them: several spellings of a few agencies, and some no table knows.
AGENCIES = (
    "HSI",
    "ICE HSI",
    "Homeland Security Investigations",
    "FBI",
    "Federal Bureau of Investigation",
    "DEA",
    "Springfield Police Department",
    "Cook County Sheriff''s Office",
    "U.S. Department of Homeland Security",
    "Bureau of Lunar Affairs",
    "",
)
STATUTES = ("8 U.S.C. § 1225(d)", "19 U.S.C. § 1509", "21 U.S.C. § 876", "")
OUTCOMES = (
    "produced",
    "produced",
    "partially_produced",
    "rejected",
    "withdrawn",
    "quashed",
    "preserved",
    "no_records",
    "",
    "",
)


def _pick(values: tuple[str, ...], modulo_of: str) -> str:
    whens = " ".join(f"WHEN {i} THEN '{v}'" for i, v in enumerate(values))
    return f"CASE ({modulo_of}) % {len(values)} {whens} END"


def fill(count: int) -> None:
    sqlite = connection.vendor == "sqlite"
    numbers = (
        f"WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {count - 1})"
        if sqlite
        else ""
    )
    source = "n" if sqlite else f"generate_series(0, {count - 1}) AS n(i)"
    day = (
        "date('2026-01-01', '+' || (i % 181) || ' days')"
        if sqlite
        else ("DATE '2026-01-01' + (i % 181)")
    )
    now = "datetime('now')" if sqlite else "now()"
    with connection.cursor() as cursor:
        cursor.execute(
            f"""{numbers}
            INSERT INTO cases_demand (id, channel, received_on, extracted, request,
                case_number, emergency_details, created_at)
            SELECT i + 1, 'api', {day}, '{{}}', '{{}}', '', '{{}}', {now} FROM {source}"""
        )
        closed = "i % 10 < 8"
        cursor.execute(
            f"""{numbers}
            INSERT INTO cases_case (id, reference, demand_id, state, outcome, instrument, agency,
                engine_action, created_at, updated_at, secrecy, received_on, country,
                accounts_named, blocking_codes, disclosed_on, closed_on, days_to_answer,
                statute, asks_content, real_time, anonymous_speech)
            SELECT i + 1, 'C-' || i, i + 1,
                CASE WHEN {closed} THEN 'closed' ELSE 'in_review' END,
                CASE WHEN {closed} THEN {_pick(OUTCOMES, "i / 7")} ELSE '' END,
                {_pick(INSTRUMENTS, "i")}, {_pick(AGENCIES, "i / 13")}, 'produce', {now}, {now},
                CASE WHEN i % 100 < 57 THEN 'court_ordered' ELSE '' END,
                {day}, {_pick(COUNTRIES, "i / 3")},
                CASE WHEN i % 2 = 0 THEN 2 ELSE 3 END,
                CASE WHEN i % 3 = 0 THEN 'AUTHORITY_MISMATCH' ELSE '' END,
                CASE WHEN i % 100 < 85 THEN {day} ELSE NULL END,
                CASE WHEN {closed} THEN {day} ELSE NULL END,
                CASE WHEN {closed} THEN i % 60 ELSE NULL END,
                CASE WHEN i % 10 = 1 THEN {_pick(STATUTES, "i / 10")} ELSE '' END,
                i % 10 = 2, i % 10 = 6, i % 17 = 0
            FROM {source}"""
        )
        cursor.execute(
            """
            INSERT INTO cases_target (case_id, kind, value, at)
            SELECT c.id, 'username', 'user' || c.id || '-' || k.k, ''
            FROM cases_case c JOIN (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2) k
              ON k.k < c.accounts_named
            """
        )
        cursor.execute("ANALYZE")


CEILING = """
SELECT country, instrument,
       COUNT(*),
       SUM(accounts_named),
       SUM(CASE WHEN disclosed_on IS NOT NULL THEN 1 ELSE 0 END),
       SUM(CASE WHEN secrecy = 'court_ordered' THEN 1 ELSE 0 END),
       SUM(CASE WHEN outcome = 'withdrawn' THEN 1 ELSE 0 END),
       SUM(CASE WHEN outcome = 'quashed' THEN 1 ELSE 0 END),
       SUM(CASE WHEN outcome = 'rejected' THEN 1 ELSE 0 END),
       SUM(CASE WHEN outcome = 'preserved' THEN accounts_named ELSE 0 END)
FROM cases_case
WHERE received_on >= %s AND received_on <= %s AND instrument <> 'national_security_letter'
GROUP BY country, instrument
"""

# The breakdowns by agency, statute, content and timing: the same sums, and the outcomes.
CEILING_DETAIL = """
SELECT agency, instrument, statute, asks_content, real_time, anonymous_speech,
       COUNT(*),
       SUM(accounts_named),
       SUM(CASE WHEN disclosed_on IS NOT NULL THEN 1 ELSE 0 END),
       SUM(CASE WHEN secrecy = 'court_ordered' THEN 1 ELSE 0 END),
       SUM(CASE WHEN outcome = 'withdrawn' THEN 1 ELSE 0 END),
       SUM(CASE WHEN outcome = 'quashed' THEN 1 ELSE 0 END),
       SUM(CASE WHEN outcome = 'rejected' THEN 1 ELSE 0 END),
       SUM(CASE WHEN outcome = 'preserved' THEN accounts_named ELSE 0 END),
       SUM(CASE WHEN outcome = 'produced' THEN 1 ELSE 0 END),
       SUM(CASE WHEN outcome = 'partially_produced' THEN 1 ELSE 0 END),
       SUM(CASE WHEN outcome = 'no_records' THEN 1 ELSE 0 END),
       SUM(CASE WHEN outcome = '' THEN 1 ELSE 0 END)
FROM cases_case
WHERE received_on >= %s AND received_on <= %s AND instrument <> 'national_security_letter'
GROUP BY agency, instrument, statute, asks_content, real_time, anonymous_speech
"""


def ceiling(period: Period) -> None:
    with connection.cursor() as cursor:
        for query in (CEILING, CEILING_DETAIL):
            cursor.execute(query, [period.start, period.end])
            cursor.fetchall()


def median_seconds(work) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    started = time.perf_counter()
    fill(DEMANDS)
    targets = connection.cursor().execute("SELECT COUNT(*) FROM cases_target").fetchone()[0]
    built = time.perf_counter() - started
    period = Period.parse("2026H1")
    report = median_seconds(lambda: compute(period))
    query = median_seconds(lambda: ceiling(period))
    name = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    print(f"(built {DEMANDS:,} demands naming {targets:,} accounts in {built:.0f} s)")
    print(f"transparency report, {DEMANDS:,} demands, {name}: {report:.2f} s (target < 2 s)")
    print(f"hand-written GROUP BY for the same figures, {name}: {query:.2f} s (the ceiling)")
    print(f"report over the ceiling, {name}: {report / query:.2f}x (target within 1.5x)")
    cold, warm = page_ms(f"/transparency/?period={period.label}")
    print(f"report_page_first_load_{name}: {cold:.0f} ms (computed after a change; no target)")
    print(f"report_page_median_{name}: {warm:.1f} ms, {DEMANDS:,} demands (target < 300)")


def page_ms(url: str) -> tuple[float, float]:
    """The public page as a reader gets it: its first load after the cases changed, and the
    median of the loads after it."""
    reader = Client()
    started = time.perf_counter()
    assert reader.get(url).status_code == 200
    first = (time.perf_counter() - started) * 1000
    times = []
    for _ in range(20):
        started = time.perf_counter()
        reader.get(url)
        times.append((time.perf_counter() - started) * 1000)
    return first, statistics.median(times)


if __name__ == "__main__":
    main()
