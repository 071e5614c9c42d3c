"""The registry of audit actions: nothing is recorded under a name it does not hold, and
each action reads as a sentence on the case timeline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from custodes.audit.actions import ACTIONS, UnknownAction, sentence
from custodes.audit.chain import record
from custodes.audit.models import Event

SOURCE = Path(__file__).parents[2] / "src" / "custodes"


@pytest.mark.django_db
def test_an_action_not_in_the_registry_is_refused_and_nothing_is_written():
    with pytest.raises(UnknownAction, match=r"custodes\.case\.teleported"):
        record("custodes.case.teleported", "tester", "case:C-TEST", {})
    assert not Event.objects.exists()


def test_every_action_the_code_records_is_registered():
    first_arguments = [
        argument
        for path in SOURCE.rglob("*.py")
        for argument in re.findall(r"\brecord\(\s*([^,]+),", path.read_text())
    ]
    recorded = {name for a in first_arguments for name in re.findall(r'"([^"]+)"', a)}
    assert "custodes.requester.refused" in recorded  # a computed one is found too
    assert recorded - set(ACTIONS) == set()


def test_a_sentence_shows_the_events_data_in_plain_words():
    data = {"from": "in_review", "to": "approved", "outcome": None, "reason": ""}
    assert sentence("custodes.case.moved", data) == "moved the case from in review to approved"
    assert sentence("custodes.decision.recorded", {"action": "produce_partial"}) == (
        "decided: produce in part"
    )
    assert sentence("custodes.staff.added", {"roles": ["counsel", "reviewer"]}) == (
        "added a staff member (counsel, reviewer)"
    )


def test_missing_data_reads_none_and_an_unregistered_old_action_reads_as_its_name():
    assert sentence("custodes.case.assigned", {"assignee": None}) == "assigned the case to none"
    assert sentence("custodes.case.assigned", {}) == "assigned the case to none"
    assert sentence("custodes.case.renamed", {"to": "x"}) == "custodes.case.renamed"


def test_every_sentence_reads_with_no_data_at_all():
    assert all(sentence(action, {}) for action in ACTIONS)
