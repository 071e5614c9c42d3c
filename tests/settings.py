"""Settings for the tests: the real settings with a throwaway data folder and a fast hasher."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")
os.environ.setdefault("CUSTODES_DATA_DIR", tempfile.mkdtemp(prefix="custodes-tests-"))
os.environ.setdefault("CUSTODES_PROVIDER", "Parley Social, Inc.")

from custodes.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False

# The browser tests' server thread must not hold a connection past the test (PostgreSQL
# then cannot drop the test database).
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

# A test database in a file, not in memory, so that a `custodes tick` run as a child process
# (the outbox's crash tests) works on the same data.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "tests.sqlite3")}  # noqa: F405

# The test runner empties the tables between transactional tests with TRUNCATE, which the
# audit log's triggers refuse unless a test database's connection asks for it.
if DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c custodes.erase_audit_log=yes"  # noqa: F405

# Each test sees the report as computed from its own data (tests/transparency/test_cache.py
# turns the cache on).
CUSTODES_REPORT_CACHE_SECONDS = 0

# No test reads a mailbox the environment names: the mailbox's tests start their own server.
CUSTODES_MAILBOX = None
