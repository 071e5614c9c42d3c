"""Throughput and tail latency of the API's status endpoint under gunicorn, on loopback.

Starts gunicorn (2 sync workers) on 127.0.0.1 with a fresh SQLite database, then drives two
URLs from a second process with a bounded load (a fixed number of requests, at most
`SECONDS` each): `GET /api/v1/demands/{ref}` with a requester's token (authentication, the
rate-limit buckets, the database, the JSON) and a bare Django view (the ceiling). Prints
requests per second and p99 for each, and the ratio; exits 0 whatever the figures.
"""

from __future__ import annotations

import sys

# bench/queue.py (named as asked) would shadow the standard library's `queue` if this
# script's folder led sys.path; multiprocessing needs the real one.
if sys.path and sys.path[0].endswith("bench"):
    sys.path.pop(0)

import http.client
import multiprocessing
import os
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "3000"))
SECONDS = 20.0
THREADS = 8
HERE = Path(__file__).resolve().parent


def _environment(data_dir: str) -> dict[str, str]:
    return {
        **os.environ,
        "CUSTODES_DATA_DIR": data_dir,
        "SECRET_KEY": "bench-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "CUSTODES_API_PER_TOKEN": "100000000",
        "CUSTODES_API_PER_ADDRESS": "100000000",
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "PYTHONPATH": os.pathsep.join([str(HERE / "api_site"), os.environ.get("PYTHONPATH", "")]),
    }


def _prepare(environment: dict[str, str]) -> tuple[str, str]:
    """Migrate, and make an approved requester with a token and one demand."""
    script = """
import django; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from custodes.cases import services
from custodes.cases.people import add_staff, current_code
from custodes.law import Request
from custodes.requesters import accounts, tokens
requester = accounts.sign_up("SA Bench", "bench@fbi.gov", "FBI", "", "bench-password-2026")
accounts.confirm_authenticator(requester, current_code(accounts.confirm_email(requester)))
counsel = add_staff(
    "bench-counsel", "bench-password-2026", ["counsel"], full_name="Bench Counsel", title="Counsel"
)[0]
accounts.decide(requester, counsel, True)
demand = Request.from_dict({"instrument": "grand_jury_subpoena", "categories": ["subscriber"],
    "selectors": [{"kind": "username", "value": "someone"}], "purpose": "Bank fraud."})
case = services.open_case(demand, "api", requester.user, __import__("datetime").date.today())
print(tokens.issue(requester.user), case.reference)
"""
    output = subprocess.run(
        [sys.executable, "-c", script],
        env=environment,
        check=True,
        capture_output=True,
        text=True,
        cwd=HERE.parent,
    ).stdout.split()
    return output[-2], output[-1]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port: int) -> None:
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def _drive(port: int, path: str, headers: dict, results) -> None:
    """Runs in the load process: THREADS clients share REQUESTS requests."""
    latencies: list[float] = []
    lock = threading.Lock()
    remaining = [REQUESTS]
    failures = [0]
    stop_at = time.perf_counter() + SECONDS

    def client():
        while time.perf_counter() < stop_at:
            with lock:
                if remaining[0] <= 0:
                    return
                remaining[0] -= 1
            started = time.perf_counter()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
            finally:
                connection.close()
            with lock:
                latencies.append(time.perf_counter() - started)
                failures[0] += 0 if ok else 1

    began = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99) - 1] if latencies else float("nan")
    results.put((len(latencies) / elapsed, p99 * 1000, failures[0], len(latencies)))


def _measure(port: int, path: str, headers: dict) -> tuple[float, float, int, int]:
    results = multiprocessing.Queue()
    process = multiprocessing.Process(target=_drive, args=(port, path, headers, results))
    process.start()
    figures = results.get()
    process.join()
    return figures


def main() -> None:
    environment = _environment(tempfile.mkdtemp(prefix="custodes-bench-api-"))
    token, reference = _prepare(environment)
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "custodes.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=environment,
        cwd=HERE.parent,
    )
    try:
        _wait_for(port)
        _measure(port, "/bare/", {})  # warm both workers
        bare = _measure(port, "/bare/", {})
        status = _measure(
            port, f"/api/v1/demands/{reference}", {"Authorization": f"Bearer {token}"}
        )
    finally:
        server.terminate()
        server.wait(timeout=10)
    for name, (rate, p99, failures, done) in (("bare_django_view", bare), ("api_status", status)):
        print(
            f"{name}_throughput: {rate:,.0f} requests/s over {done:,} requests, {failures} failed"
        )
        print(f"{name}_p99: {p99:.1f} ms")
    print(f"api_status_share_of_ceiling: {status[0] / bare[0]:.0%} (target >= 50%)")


if __name__ == "__main__":
    main()
