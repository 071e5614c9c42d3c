"""`custodes review` as a person runs it: the JSON, the summary, folders, and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from custodes.cli import app

DEMO = Path(__file__).resolve().parents[1] / "src" / "custodes" / "demo"
runner = CliRunner()


def _run(*args: str, **env: str):
    return runner.invoke(app, ["review", *args], env={"CUSTODES_PROVIDER": "", **env})


def test_json_output_follows_the_contract():
    result = _run(
        str(DEMO / "dhs-summons-agent-sightings.txt"), "--json", "--received-on", "2026-11-23"
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"request", "decision"}
    assert data["request"]["instrument"] == "administrative_subpoena"
    assert data["decision"]["action"] == "escalate"
    codes = [f["code"] for f in data["decision"]["findings"]]
    assert "AUTHORITY_MISMATCH" in codes and "ANONYMOUS_SPEECH_RISK" in codes


def test_the_readable_summary_shows_each_finding_with_its_citation():
    result = _run(str(DEMO / "dhs-summons-agent-sightings.txt"), "--received-on", "2026-11-23")
    assert result.exit_code == 0
    assert "AUTHORITY_MISMATCH" in result.stdout
    assert "19 U.S.C. § 1509(a)" in result.stdout
    assert "Decision: escalate" in result.stdout


def test_the_provider_option_checks_the_addressee():
    demand = str(DEMO / "state-warrant-messages.txt")
    wrong = _run(
        demand, "--json", "--provider", "Chirp Networks LLC", "--received-on", "2026-11-23"
    )
    right = _run(
        demand, "--json", "--provider", "Parley Social, Inc.", "--received-on", "2026-11-23"
    )
    assert json.loads(wrong.stdout)["decision"]["action"] == "reject"
    assert json.loads(right.stdout)["decision"]["action"] == "produce"


def test_the_provider_setting_is_read_from_the_environment():
    demand = str(DEMO / "state-warrant-messages.txt")
    result = _run(
        demand, "--json", "--received-on", "2026-11-23", CUSTODES_PROVIDER="Other Inc.;X LLC"
    )
    codes = [f["code"] for f in json.loads(result.stdout)["decision"]["findings"]]
    assert "WRONG_ADDRESSEE" in codes


def test_a_folder_is_reviewed_with_a_table_of_actions():
    result = _run(str(DEMO), "--received-on", "2026-11-23")
    assert result.exit_code == 0
    assert "Actions" in result.stdout and "escalate" in result.stdout


def test_a_folder_as_json_lists_each_demand():
    result = _run(str(DEMO), "--json", "--received-on", "2026-11-23")
    entries = json.loads(result.stdout)
    assert len(entries) == len([p for p in DEMO.iterdir() if p.is_file()])
    assert all("decision" in e for e in entries)


def test_an_unreadable_demand_exits_2_with_one_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = _run(str(empty))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "empty" in result.stderr


def test_a_folder_without_demands_exits_2(tmp_path):
    result = _run(str(tmp_path))
    assert result.exit_code == 2
    assert "no demands" in result.stderr


def test_a_broken_structured_request_names_the_field(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"instrument": "subpoena", "categories": ["subscriber"]}))
    result = _run(str(bad))
    assert result.exit_code == 2
    assert "instrument" in result.stderr and "administrative_subpoena" in result.stderr


def test_a_bad_setting_is_refused_by_name(tmp_path):
    demand = tmp_path / "d.json"
    shutil.copy(DEMO / "structured-2703d-order.json", demand)
    result = _run(str(demand), CUSTODES_MAX_SELECTORS="lots")
    assert result.exit_code == 2
    assert "CUSTODES_MAX_SELECTORS" in result.stderr


def test_a_bad_received_on_date_is_refused():
    result = _run(str(DEMO / "structured-2703d-order.json"), "--received-on", "23/11/2026")
    assert result.exit_code == 2


CISA_HEADER = "Domain name,Domain type,Organization name,Suborganization name,City,State\n"


def test_domains_refresh_writes_the_snapshot_from_cisas_file(tmp_path):
    cisa = tmp_path / "current-full.csv"
    cisa.write_text(CISA_HEADER + "millbrookor.gov,City,City of Millbrook,,Millbrook,OR\n")
    target = tmp_path / "dotgov.tsv"
    args = ["domains", "refresh", str(cisa), "--as-of", "2026-11-30", "--to", str(target)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "1 .gov domains as of 2026-11-30" in result.stdout
    assert "# as_of: 2026-11-30" in target.read_text()


def test_domains_refresh_refuses_a_broken_file_and_keeps_the_snapshot(tmp_path):
    cisa = tmp_path / "current-full.csv"
    cisa.write_text(CISA_HEADER + "millbrook.com,City,City of Millbrook,,Millbrook,OR\n")
    target = tmp_path / "dotgov.tsv"
    target.write_text("the snapshot before\n")
    args = ["domains", "refresh", str(cisa), "--as-of", "2026-11-30", "--to", str(target)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "line 2: 'millbrook.com' is not a domain directly under .gov" in result.stderr
    assert "The snapshot is unchanged." in result.stderr
    assert target.read_text() == "the snapshot before\n"
