"""How fast do rows go from the provider's database into a sealed package, beside the same
work done by C tools, and how much memory does it take?

The data: a provider database (SQLite) made for this run in a temporary folder and removed
at its end, with one account and BENCH_LOGINS sign-ins (default 5,000,000). custodes seals
a package of that account's `transactional` records (the demo connector's `logins`: a CSV
and a JSON file, the PDFs, the manifest, SHA-256 of each, deflated, age-encrypted) in a
fresh child process, with a fifth of the rows and with all; each BENCH_RUNS times (default
3), the median printed, with the child's peak memory.

Beside it, the same rows through C tools, CSV and then JSON: `sqlite3` | `sha256sum` (by
`tee`) | `gzip -1` | `age` (each tool a process of its own, so they run on every core), run
after each run of custodes; the median of the ratios is printed. A machine without one of
those tools gets a line saying so and no comparison. Exits 0
whatever the figures.
"""

from __future__ import annotations

import sys

# bench/queue.py would shadow the standard library's `queue` were this folder on sys.path.
if sys.path and sys.path[0].endswith("bench"):
    sys.path.pop(0)

import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import tempfile
import time
from datetime import date
from pathlib import Path

LOGINS = int(os.environ.get("BENCH_LOGINS", "5000000"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
FIRST, LAST = date(2025, 1, 1), date(2026, 12, 31)
C_TOOLS = ("sqlite3", "sha256sum", "tee", "gzip", "age", "age-keygen")
# The demo connector's query for the dataset, with its parameters written in.
QUERY = (
    "SELECT account_id AS account, at, ip, device FROM logins WHERE account_id = 'A-1' "
    "AND at >= '2025-01-01T00:00:00' AND at < '2027-01-01T00:00:00' ORDER BY at"
)


def provider_database(folder: Path, rows: int) -> Path:
    path = folder / f"provider-{rows}.sqlite3"
    with sqlite3.connect(path) as db:
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


def sealed(database: Path) -> tuple[int, float, float]:
    child = subprocess.run(
        [sys.executable, __file__, "--seal", str(database)],
        capture_output=True,
        text=True,
        check=False,
    )
    if child.returncode != 0:
        raise SystemExit(f"production: the sealing child failed:\n{child.stderr}")
    produced, seconds, peak = child.stdout.split()
    return int(produced), float(seconds), float(peak)


def c_tools_seconds(database: Path, folder: Path) -> float:
    """The time the C tools take to write the rows as CSV and then as JSON, each hashed,
    deflated and encrypted."""
    identity = folder / "age-key.txt"
    if not identity.exists():
        subprocess.run(["age-keygen", "-o", str(identity)], capture_output=True, check=True)
    public = next(
        line.split(": ")[1]
        for line in identity.read_text().splitlines()
        if line.startswith("# public key")
    )
    started = time.perf_counter()
    for mode in ("-csv", "-json"):
        pipeline = (
            f"sqlite3 -readonly {mode} -header '{database}' \"{QUERY}\" "
            f"| tee >(sha256sum >/dev/null) | gzip -1 | age -r {public} >/dev/null"
        )
        subprocess.run(["bash", "-o", "pipefail", "-c", pipeline], check=True)
    return time.perf_counter() - started


def main() -> None:
    print(
        f"# production: the demo connector's `logins` of one account, {LOGINS:,} sign-ins in a "
        f"SQLite database made for this run; medians of {RUNS} runs"
    )
    missing = [tool for tool in C_TOOLS if shutil.which(tool) is None]
    with tempfile.TemporaryDirectory(prefix="custodes-bench-production-") as name:
        folder = Path(name)
        for rows in (LOGINS // 5, LOGINS):
            database = provider_database(folder, rows)
            compared = rows == LOGINS and not missing
            runs, ratios = [], []
            for _ in range(RUNS):  # each run of custodes beside one of the tools, so that the
                runs.append(sealed(database))  # machine's load weighs on both alike
                if runs[-1][0] != rows:
                    raise SystemExit(f"production: sealed {runs[-1][0]:,} rows of {rows:,}")
                if compared:
                    tools = c_tools_seconds(database, folder)
                    ratios.append(tools / runs[-1][1])
            rate = rows / statistics.median(seconds for _, seconds, _ in runs)
            peak = max(peak for _, _, peak in runs)
            print(f"production_rows_sealed_{rows}: {rate:,.0f} rows/s (target >= 200,000)")
            print(f"production_peak_memory_{rows}: {peak:.0f} MB (target < 200, flat)")
            if compared:
                ratio = statistics.median(ratios)
                print(f"production_c_tools_{rows}: {rate / ratio:,.0f} rows/s (the ceiling)")
                print(f"production_vs_c_tools: {ratio:.2f}x (target >= 0.6x)")
            elif rows == LOGINS:
                print(
                    f"production_vs_c_tools: not measured ({', '.join(missing)} not installed; "
                    "on Debian: apt-get install sqlite3 age, or make bench-tools)"
                )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--seal":
        seal(Path(sys.argv[2]))
    else:
        main()
