# custodes: `make run` sets up and starts the staff web app on a demo desk;
# `make test` sets up and runs every test, on SQLite and, where it answers, on PostgreSQL.
PYTHON ?= python3
# `make test` runs the pure core's tests again on this Python, where it is installed
# (pyenv's 3.13 where it has one, or a python3.13 on the PATH).
OTHER_PYTHON ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/3.13*/bin/python3.13) python3.13)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
POSTGRES_URL ?= postgresql://postgres@127.0.0.1:5432/test

.PHONY: run test test-fast lint format bench bench-tools browser imap ocr screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert (3, 11) <= sys.version_info[:2] <= (3, 13), "custodes needs Python 3.11 to 3.13"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

AUDIT_KEY := var/audit-key.pem

run: $(STAMP) ocr
	$(BIN)/custodes audit keygen $(AUDIT_KEY)
	CUSTODES_AUDIT_KEY_FILE=$(AUDIT_KEY) CUSTODES_DEBUG=true CUSTODES_PROVIDER="Parley Social, Inc." \
		$(BIN)/custodes serve --demo

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

# Debian's Chromium for the browser tests (Playwright's own browser download is not used).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Debian's Dovecot for the legal-process mailbox's tests, which start it on loopback in a
# temporary folder with a configuration of their own (the system's server is not used).
imap:
	@command -v dovecot >/dev/null 2>&1 && test -x /usr/lib/dovecot/imap || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dovecot-imapd >/dev/null; }

# Debian's Tesseract and its English model for reading scans and faxes (intake/ocr.py), and
# the DejaVu font the OCR tests draw their scans in. `make run` needs it too: an uploaded scan
# is read by it (without it a scan is refused with a message saying to run `make ocr`).
ocr:
	@command -v tesseract >/dev/null 2>&1 && test -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		tesseract-ocr tesseract-ocr-eng fonts-dejavu-core >/dev/null; }

test: lint browser imap ocr
	$(BIN)/python -m pytest
	@if $(BIN)/python -c "import psycopg; psycopg.connect('$(POSTGRES_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		echo "PostgreSQL answers at $(POSTGRES_URL): the suite again on it"; \
		DATABASE_URL=$(POSTGRES_URL) $(BIN)/python -m pytest --create-db; \
	else \
		echo "PostgreSQL does not answer at $(POSTGRES_URL): the suite ran on SQLite only"; \
	fi
	@if command -v $(OTHER_PYTHON) >/dev/null 2>&1 && $(OTHER_PYTHON) --version >/dev/null 2>&1; then \
		echo "The pure core's tests (law, intake) again on $$($(OTHER_PYTHON) --version)"; \
		$(MAKE) --no-print-directory PYTHON=$(OTHER_PYTHON) VENV=.venv-other .venv-other/.installed-stamp && \
		.venv-other/bin/python -m pytest -q tests/law tests/intake; \
	else \
		echo "$(OTHER_PYTHON) is not installed: the suite ran on $$($(BIN)/python --version) only"; \
	fi

# Every test but the slow ones (the `slow` mark: a browser, a real SMTP server, a port served,
# a child process, real threads, the walks and corpus runs), on SQLite, spread over the cores
# (pytest-xdist: each worker its own database file): the loop to run while working. The test
# modules' bytecode is kept between runs even where the shell sets PYTHONDONTWRITEBYTECODE
# (else each run rewrites the asserts of every module again, some seconds of each run), and
# schemathesis, whose only tests are slow, is not loaded (1.5 s of each process).
test-fast: export PYTHONDONTWRITEBYTECODE =
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow" -n auto -p no:schemathesis --ignore=tests/api/test_schema.py

# The README's pictures, retaken by the browser tests (which otherwise save them to a temporary
# folder).
screenshots: $(STAMP) browser
	CUSTODES_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q -k browser

# The C tools bench/production.py measures custodes beside (Debian's sqlite3 and age; gzip,
# tee and sha256sum come with the system).
bench-tools:
	@command -v sqlite3 >/dev/null 2>&1 && command -v age >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 age >/dev/null; }

bench: $(STAMP) bench-tools ocr
	$(BIN)/python bench/review.py
	$(BIN)/python bench/queue.py
	$(BIN)/python bench/production.py
	$(BIN)/python bench/report.py
	$(BIN)/python bench/audit.py
	@if $(BIN)/python -c "import psycopg; psycopg.connect('$(POSTGRES_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		DATABASE_URL=$(POSTGRES_URL) $(BIN)/python bench/report.py; \
	fi

clean:
	rm -rf $(VENV) .venv-other .pytest_cache .hypothesis .ruff_cache var
