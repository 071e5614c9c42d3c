"""The guidelines are built from the rule pack: a row without its sentence, a sentence for a
row the pack no longer has, or a placeholder with no value stops them, naming what is wrong."""

from __future__ import annotations

import copy
import dataclasses

import pytest

from custodes.law.guidelines import GuidelinesError, build, load_words, pack_rows
from custodes.law.pack import load_pack
from custodes.law.policy import commitments, load_commitments
from custodes.law.vocab import Category, Instrument

FACTS = {
    "provider": "Parley Social, Inc.",
    "address": "Legal Process, 100 Pier Street, Oakland, CA 94607",
    "contact": "lawenforcement@parley.example",
    "site_url": "https://desk.parley.example",
    "challenge_window_days": 14,
    "emergency_hours": 4,
    "emergency_notice_days": 90,
    "max_selectors": 25,
    "max_date_range_days": 366,
    "government_domains": "gov, mil (US)",
}


def test_every_row_of_the_pack_has_its_sentence_and_citation():
    pack = load_pack()
    guidelines = build(pack, FACTS)
    built = {row.key: row for row in guidelines.rows()}
    assert set(built) == set(pack_rows(pack))
    for key, citation in pack_rows(pack).items():
        assert built[key].sentence and built[key].citation == citation


def test_the_guidelines_carry_the_packs_version_and_date():
    guidelines = build(load_pack(), FACTS)
    assert guidelines.version == load_pack().version
    assert guidelines.dated.isoformat() == load_pack().version


def test_what_a_process_reaches_comes_from_the_pack():
    pack = load_pack()
    warrant = pack.instruments[Instrument.SEARCH_WARRANT]
    narrower = dataclasses.replace(warrant, reaches=warrant.reaches - {Category.LOCATION})
    changed = dataclasses.replace(
        pack, instruments={**pack.instruments, Instrument.SEARCH_WARRANT: narrower}
    )
    before = _row(build(pack, FACTS), "instruments.search_warrant")
    after = _row(build(changed, FACTS), "instruments.search_warrant")
    assert "location history" in before.reaches and "location history" not in after.reaches
    assert "location history" in after.withheld


def test_a_row_without_a_sentence_is_named():
    text = copy.deepcopy(load_words("us"))
    del text["findings"]["NDO_UNBOUNDED"]
    with pytest.raises(GuidelinesError, match=r"no sentence for findings\.NDO_UNBOUNDED"):
        build(load_pack(), FACTS, text)


def test_a_sentence_for_a_row_the_pack_no_longer_has_is_named():
    text = copy.deepcopy(load_words("us"))
    text["statutes"]["50 U.S.C. § 1861"] = {"text": "A business records order."}
    with pytest.raises(GuidelinesError, match=r"no longer has: statutes\.50 U\.S\.C\. § 1861"):
        build(load_pack(), FACTS, text)


def test_a_placeholder_without_a_value_is_named():
    facts = {k: v for k, v in FACTS.items() if k != "address"}
    with pytest.raises(GuidelinesError, match=r"submit: the placeholder \{address\} has no value"):
        build(load_pack(), facts)


def test_a_commitment_on_a_rule_the_pack_lacks_is_named():
    entries = copy.deepcopy(load_commitments("us"))
    entries[0]["rules"].append("findings.GONE")
    with pytest.raises(GuidelinesError, match=r"P10a\.1 rests on findings\.GONE"):
        commitments(load_pack(), {}, entries)


def test_a_commitment_on_a_default_the_pack_lacks_is_named():
    entries = copy.deepcopy(load_commitments("us"))
    entries[0]["defaults"] = ["gone_days"]
    with pytest.raises(GuidelinesError, match=r"P10a\.1 rests on the default gone_days"):
        commitments(load_pack(), {}, entries)


def _row(guidelines, key):
    return next(row for row in guidelines.rows() if row.key == key)


def test_a_pack_version_that_is_not_a_day_is_refused():
    pack = dataclasses.replace(load_pack(), version="v7")
    with pytest.raises(GuidelinesError, match=r"version 'v7'.*\(YYYY-MM-DD\)"):
        build(pack, FACTS)
