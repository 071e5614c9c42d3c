"""`Decision.from_dict` reads back what `to_dict` stores: the engine's decisions on a handful
of demands, and on any request the property tests make."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings

from custodes.law import Decision, ReviewConfig, review
from custodes.law.pack import load_pack
from custodes.law.vocab import NoticeAction
from tests.helpers import RECEIVED_ON, config, decide
from tests.law.test_properties import requests

HANDFUL = {
    "a clean subpoena": {},
    "content on a subpoena (withheld)": {"categories": ["subscriber", "content"]},
    "a warrant for content and location": {
        "instrument": "search_warrant",
        "categories": ["subscriber", "content", "location"],
    },
    "secrecy ordered by a court (notice delayed)": {
        "instrument": "court_order_2703d",
        "categories": ["subscriber", "transactional"],
        "nondisclosure": {"present": True, "court_ordered": True, "expires_on": "2027-06-01"},
    },
    "an emergency": {"instrument": "emergency_request", "emergency": True},
    "no accounts named": {"selectors": []},
    "an informal request": {"instrument": "informal_request", "signed": None},
}


@pytest.mark.parametrize("overrides", HANDFUL.values(), ids=HANDFUL.keys())
def test_a_stored_decision_reads_back_as_it_was(overrides):
    decision = decide(**overrides)
    stored = json.loads(json.dumps(decision.to_dict()))  # as a JSONField gives it back
    assert Decision.from_dict(stored) == decision


def test_the_handful_covers_what_a_decision_holds():
    decisions = [decide(**overrides) for overrides in HANDFUL.values()]
    assert any(d.withheld for d in decisions)
    assert any(d.findings for d in decisions)
    assert any(d.notice.not_before for d in decisions)
    assert any(d.notice.action == NoticeAction.DELAY for d in decisions)


@pytest.mark.slow  # 200 examples
@settings(max_examples=200, deadline=None)
@given(request=requests)
def test_any_decision_reads_back(request):
    decision = review(request, config())
    assert Decision.from_dict(json.loads(json.dumps(decision.to_dict()))) == decision


def test_an_unset_threshold_is_the_rule_packs():
    defaults = load_pack().defaults
    filled = ReviewConfig(received_on=RECEIVED_ON).filled(defaults)
    assert filled.max_selectors == defaults["max_selectors"]
    assert filled.max_date_range_days == defaults["max_date_range_days"]
    assert filled.challenge_window_days == defaults["challenge_window_days"]
    assert (
        ReviewConfig(received_on=RECEIVED_ON, max_selectors=3).filled(defaults).max_selectors == 3
    )
