"""Every sample demand in shared/cases gets the request and decision its expected file states."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.helpers import CASES

pytestmark = pytest.mark.skipif(
    not CASES.is_dir(), reason=f"{CASES} is absent: the sample demands are not beside this clone"
)


def _cases():
    if not CASES.is_dir():
        return []
    return sorted(CASES.glob("*.txt"))


def _providers() -> list[str]:
    return [line.strip() for line in (CASES / "PROVIDER").read_text().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def reviews() -> dict[str, dict]:
    """Each case reviewed once through the real command, as the contract specifies it."""
    results = {}
    for path in _cases():
        args = [sys.executable, "-m", "custodes.cli", "review", str(path), "--json"]
        args += ["--received-on", "2026-11-23"]
        for name in _providers():
            args += ["--provider", name]
        completed = subprocess.run(args, capture_output=True, text=True, check=False)
        assert completed.returncode == 0, completed.stderr
        results[path.name] = json.loads(completed.stdout)
    return results


def _pairs(selectors) -> set[tuple[str, str]]:
    return {(s["kind"], s["value"]) for s in selectors}


@pytest.mark.slow  # a child process
@pytest.mark.parametrize("path", _cases(), ids=lambda p: p.stem)
def test_the_case_gets_its_expected_review(path, reviews):
    expected = json.loads(path.with_name(f"{path.stem}.expected.json").read_text())
    got = reviews[path.name]
    request, decision = got["request"], got["decision"]
    want_request, want_decision = expected["request"], expected["decision"]

    assert request["instrument"] == want_request["instrument"]
    assert request["country"] == want_request["country"]
    assert set(request["categories"]) == set(want_request["categories"])
    assert _pairs(request["selectors"]) == _pairs(want_request["selectors"])
    assert request["nondisclosure"]["present"] == want_request["nondisclosure_present"]
    assert request["emergency"] == want_request["emergency"]

    raised = {f["code"] for f in decision["findings"]}
    assert decision["action"] == want_decision["action"]
    assert set(decision["allowed_categories"]) == set(want_decision["allowed_categories"])
    assert decision["notice"]["action"] == want_decision["notice"]
    assert set(want_decision["findings"]) <= raised, "expected findings missing"
    assert not set(want_decision["not_findings"]) & raised, "findings raised that must not be"
    for finding in decision["findings"]:
        assert finding["citation"] and finding["message"]
