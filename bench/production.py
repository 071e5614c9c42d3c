"""How fast do rows go from the provider's database into a sealed package, and how much
memory does it take?

Makes a provider database (SQLite, in a temporary folder kept between runs) with one account
and BENCH_LOGINS sign-ins (default 5,000,000), then seals a package of that account's
`transactional` records (the demo connector's `logins`: a CSV and a JSON file, the PDFs, the
manifest, age-encrypted) in a fresh child process, once with a fifth of the rows and once with
all, and prints rows per second and the child's peak memory. Exits 0 whatever the figures.
"""

from __future__ import annotations

import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

LOGINS = int(os.environ.get("BENCH_LOGINS", "5000000"))
FOLDER = Path(tempfile.gettempdir()) / "custodes-bench-production"
FIRST, LAST = date(2025, 1, 1), date(2026, 12, 31)


def provider_database(rows: int) -> Path:
    path = FOLDER / f"provider-{rows}.sqlite3"
    if path.exists():
        return path
    FOLDER.mkdir(exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    with sqlite3.connect(partial) as db:
        db.execute("CREATE TABLE accounts (id TEXT PRIMARY KEY, username TEXT)")
        db.execute("CREATE TABLE logins (account_id TEXT, at TEXT, ip TEXT, device TEXT)")
        db.execute("INSERT INTO accounts VALUES ('A-1', 'busy.account')")
        # One sign-in every six seconds from 2025-01-01: 5,000,000 reach into 2025-12.
        db.execute(
            """
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
            INSERT INTO logins
            SELECT 'A-1', strftime('%Y-%m-%dT%H:%M:%S', '2025-01-01', '+' || (i * 6) || ' seconds'),
                   '198.51.100.' || (i % 250), 'iPhone 15, iOS 19.1'
            FROM n
            """,
            (rows - 1,),
        )
        db.execute("CREATE INDEX logins_account_at ON logins (account_id, at)")
    partial.rename(path)
    return path


def seal(database: Path) -> None:
    """In the child: seal the package and print `rows seconds peak_mb`."""
    from pyrage import x25519

    from custodes.production import connector, documents, package

    demo = connector.load(connector.DEMO, url=f"sqlite:///{database}")
    logins = next(d for d in demo.datasets if d.name == "logins")
    window = connector.Window.of(FIRST, LAST)
    facts = documents.Facts(
        "Parley Social, Inc.",
        "C-BENCH",
        "SA Bench, FBI",
        "",
        "a search warrant",
        "",
        "2026-11-23",
        "2026-11-23",
        "Custodian",
        "Custodian of Records",
        ["username busy.account: account A-1"],
        [],
    )
    key = x25519.Identity.generate()
    started = time.perf_counter()
    with demo.engine().connect() as connection, open(os.devnull, "wb") as output:
        part = package.Part(
            "transactional", "logins", lambda: [connector.stream(connection, logins, "A-1", window)]
        )
        contents = package.write(
            output,
            str(key.to_public()),
            [part],
            [],
            lambda written: documents.documents(facts, written),
        )
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(contents.rows["logins"], seconds, peak)


def measure(rows: int) -> tuple[int, float, float]:
    database = provider_database(rows)
    child = subprocess.run(
        [sys.executable, __file__, "--seal", str(database)],
        capture_output=True,
        text=True,
        check=False,
    )
    if child.returncode != 0:
        print(child.stderr, file=sys.stderr)
        return 0, float("nan"), float("nan")
    produced, seconds, peak = child.stdout.split()
    return int(produced), float(seconds), float(peak)


def main() -> None:
    for rows in (LOGINS // 5, LOGINS):
        produced, seconds, peak = measure(rows)
        print(
            f"rows sealed per second, {produced:,} rows: {produced / seconds:,.0f} rows/s "
            "(target 200,000)"
        )
        print(f"peak memory sealing {produced:,} rows: {peak:.0f} MB (target < 200)")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--seal":
        seal(Path(sys.argv[2]))
    else:
        main()
