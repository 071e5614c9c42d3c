"""Every demand with an expected review, in every folder: the shared samples and each other
provider's desk beside them (read from ../shared/cases, skipped where absent), and the
project's own corpus in tests/intake/corpus, written in other styles by other hands.

A demand custodes does not yet read exactly is listed in `corpus/KNOWN_MISSES` and expected
to fail (strictly: once it passes, the list must lose it). A demand whose miss would let
data leave that must not is listed apart in `corpus/KNOWN_UNSAFE`, and a new one fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from custodes.law.vocab import Action
from custodes.reviewing import review_file
from tests.helpers import CASES, config

# A review of every demand in every corpus: slow (`make test` runs it, `make test-fast` does
# not).
pytestmark = pytest.mark.slow

CORPUS = Path(__file__).parent / "corpus"
RELEASING = {Action.PRODUCE, Action.PRODUCE_PARTIAL}


def _folders() -> list[Path]:
    roots = [CASES, *sorted(CORPUS.iterdir())] if CASES.is_dir() else sorted(CORPUS.iterdir())
    shared = sorted(p for p in CASES.iterdir() if p.is_dir()) if CASES.is_dir() else []
    return [f for f in [*roots[:1], *shared, *roots[1:]] if (f / "PROVIDER").is_file()]


def _demands() -> list[Path]:
    return [
        p
        for folder in _folders()
        for p in sorted(folder.iterdir())
        if p.suffix in (".txt", ".eml", ".pdf") and p.with_suffix(".expected.json").is_file()
    ]


def _name(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _listed(name: str) -> set[str]:
    lines = (CORPUS / name).read_text().splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


KNOWN_MISSES, KNOWN_UNSAFE = _listed("KNOWN_MISSES"), _listed("KNOWN_UNSAFE")


def _reviewed(path: Path):
    providers = tuple(
        line.strip() for line in (path.parent / "PROVIDER").read_text().splitlines() if line.strip()
    )
    return review_file(path, config(providers=providers))


def misses(path: Path) -> list[str]:
    """What the review gets wrong against the expected file, field by field."""
    expected = json.loads(path.with_suffix(".expected.json").read_text())
    result = _reviewed(path)
    request, decision = result.request.to_dict(), result.decision.to_dict()
    want, want_decision = expected["request"], expected["decision"]
    raised = {f["code"] for f in decision["findings"]}
    pairs = {(s["kind"], s["value"]) for s in request["selectors"]}
    checks = {
        "instrument": request["instrument"] == want["instrument"],
        "country": request["country"] == want["country"],
        "categories": set(request["categories"]) == set(want["categories"]),
        "selectors": pairs == {(s["kind"], s["value"]) for s in want["selectors"]},
        "secrecy": request["nondisclosure"]["present"] == want["nondisclosure_present"],
        "emergency": request["emergency"] == want["emergency"],
        "action": decision["action"] == want_decision["action"],
        "allowed": set(decision["allowed_categories"]) == set(want_decision["allowed_categories"]),
        "notice": decision["notice"]["action"] == want_decision["notice"],
        "findings": set(want_decision["findings"]) <= raised,
        "not_findings": not set(want_decision["not_findings"]) & raised,
    }
    return [field for field, right in checks.items() if not right]


def unsafe(path: Path) -> bool:
    """Whether the review would let out data that the expected review keeps in."""
    expected = json.loads(path.with_suffix(".expected.json").read_text())["decision"]
    decision = _reviewed(path).decision
    kept_in = expected["action"] not in RELEASING
    more = set(decision.allowed_categories) - set(expected["allowed_categories"])
    return (decision.action in RELEASING and kept_in) or (
        decision.action in RELEASING and bool(more)
    )


def _param(path: Path):
    name = _name(path)
    marks = [pytest.mark.xfail(strict=True, reason="a known miss")] if name in KNOWN_MISSES else []
    return pytest.param(path, id=name, marks=marks)


@pytest.mark.parametrize("path", [_param(p) for p in _demands()])
def test_the_demand_gets_its_expected_review(path):
    assert misses(path) == []


@pytest.mark.parametrize("path", _demands(), ids=_name)
def test_no_new_demand_lets_out_what_the_law_keeps_in(path):
    if _name(path) in KNOWN_UNSAFE:
        pytest.skip("a known unsafe miss, listed in corpus/KNOWN_UNSAFE")
    assert not unsafe(path)
