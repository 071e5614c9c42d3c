"""The guidelines and the policy page say how soon the provider asks the FBI to seek judicial
review of a national security letter's secrecy, and EFF's element names what keeps it."""

from __future__ import annotations

import dataclasses
import html

import pytest
from django.test import Client

from custodes.law.pack import load_pack

pytestmark = pytest.mark.django_db


def _text(path: str) -> str:
    page = html.unescape(Client().get(path).content.decode()).replace("<code>", "")
    return " ".join(page.split())


def test_the_guidelines_give_the_packs_days_to_ask_for_judicial_review():
    page = _text("/guidelines/")
    assert "asks the FBI, within 10 days of the letter's arrival, to seek judicial review" in page


def test_whyb_2017_4_is_kept_by_the_packs_days_and_the_reports_bands():
    page = _text("/guidelines/policy/")
    element = page[page.index('id="whyb-20174"') :]
    element = element[: element.index("</article>")]
    assert "we ask the FBI, within 10 days of its arrival, to seek judicial review" in element
    assert "the rule pack's nsl_review_request_days</code> = 10" in element
    assert "the setting CUSTODES_NSL_BAND</code> = 250" in element


def test_a_pack_with_other_days_says_them(monkeypatch):
    pack = load_pack()
    other = dataclasses.replace(pack, defaults={**pack.defaults, "nsl_review_request_days": 5})
    monkeypatch.setattr("custodes.guidelines.document.load_pack", lambda: other)
    assert "within 5 days of its arrival" in _text("/guidelines/policy/")
