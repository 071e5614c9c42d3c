"""The report's outputs: `custodes report` as CSV, JSON and HTML, the public page and its
downloads, each stating its period, when it was made and the ledger it was made from."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from click.testing import CliRunner
from django.test import Client

from custodes.audit.chain import record
from custodes.audit.models import Event
from custodes.cli import app
from custodes.transparency import schema
from tests.transparency.ledger import cases, closed_after

pytestmark = pytest.mark.django_db

runner = CliRunner()


@pytest.fixture
def ledger():
    cases(5, disclosed_on=date(2026, 3, 9), secrecy=lambda i: "court_ordered" if i < 2 else "")
    cases(2, instrument="search_warrant", country="GB", **closed_after(12))
    cases(1, instrument="emergency_request", disclosed_on=date(2026, 3, 2))
    record("custodes.case.received", None, "case:C-TEST", {})
    return Event.objects.order_by("-sequence").first()


def _report(*args: str):
    result = runner.invoke(app, ["report", "--period", "2026H1", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_csv_has_the_providers_columns_then_custodes_own(ledger):
    reader = csv.DictReader(io.StringIO(_report("--format", "csv")))
    assert tuple(reader.fieldnames) == schema.CSV_COLUMNS
    rows = {(r["CLDR Territory Code"], r["Legal Process"]): r for r in reader}
    us = rows[("US", "All")]
    assert (us["Period Ending"], us["User Data Requests"], us["Accounts"]) == (
        "2026-06-30",
        "6",
        "6",
    )
    assert (
        us["Percentage disclosed"] == "100" and us["Percentage with non-disclosure order"] == "33"
    )
    gb = rows[("GB", "Search Warrants")]
    assert (gb["Country/Region"], gb["Median days to answer"]) == ("United Kingdom", "12")
    assert rows[("US", "National Security Letters")]["User Data Requests"] == "0-249"


def test_the_json_states_its_period_time_and_ledger(ledger):
    data = json.loads(_report("--format", "json"))
    assert data["period"] == {"label": "2026H1", "start": "2026-01-01", "end": "2026-06-30"}
    assert data["generated_at"]
    assert data["ledger"] == {"audit_event": ledger.sequence, "sha256": ledger.hash}
    assert data["totals"]["requests"] == 8
    assert data["emergency"] == {"requests": 1, "percent_some_data_produced": 100}
    assert data["by_legal_process"]["Search Warrants"]["median_days_to_answer"] == 12


def test_the_html_carries_the_charts_and_the_ledger(ledger, tmp_path):
    out = tmp_path / "report.html"
    runner.invoke(app, ["report", "--period", "2026H1", "--format", "html", "--output", str(out)])
    page = out.read_text()
    assert page.count("<svg") == 2 and ledger.hash in page


def test_a_bad_period_or_format_is_refused_with_what_to_write():
    result = runner.invoke(app, ["report", "--period", "2026H3"])
    assert result.exit_code == 2 and "write a half-year (2026H1)" in result.output
    result = runner.invoke(app, ["report", "--format", "pdf"])
    assert result.exit_code == 2 and "choose csv, json or html" in result.output


def test_the_public_page_needs_no_login_and_offers_the_downloads(ledger):
    client = Client()
    page = client.get("/transparency/?period=2026H1")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="total-requests">8<' in html and "<svg" in html and "<script" not in html
    csv_file = client.get("/transparency/report.csv?period=2026H1")
    assert csv_file["Content-Disposition"] == 'attachment; filename="transparency-2026H1.csv"'
    assert json.loads(client.get("/transparency/report.json?period=2026H1").content)["totals"]
    assert client.get("/transparency/?period=nonsense").status_code == 400
