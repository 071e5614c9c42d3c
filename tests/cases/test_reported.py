"""What the report's breakdowns read of a case, kept on it by the review, and filled in for
the cases reviewed before the fields existed."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from custodes.cases.models import Case
from custodes.cases.reported import reported, statute
from tests.helpers import request

fill = importlib.import_module("custodes.cases.migrations.0009_report_breakdowns").fill


@pytest.mark.parametrize(
    ("authority", "cite"),
    [
        (["8 USC 1225(d)"], "8 U.S.C. § 1225(d)"),
        (["INA 235(d)"], "8 U.S.C. § 1225(d)"),
        (["19 U.S.C. § 1509"], "19 U.S.C. § 1509"),
        (["a statute the pack does not know"], ""),
    ],
)
def test_an_administrative_subpoena_keeps_the_statute_the_pack_names(authority, cite):
    assert statute(request(instrument="administrative_subpoena", authority=authority)) == cite


def test_no_other_process_has_a_statute():
    assert statute(request(authority=["18 U.S.C. § 1343"])) == ""


def test_content_real_time_and_anonymous_speech():
    keys = reported(request(categories=["content"]), {"ANONYMOUS_SPEECH_RISK"})
    assert (keys.asks_content, keys.real_time, keys.anonymous_speech) == (True, False, True)
    live = reported(request(instrument="pen_register_order", categories=[]), set())
    assert (live.asks_content, live.real_time) == (False, True)


@pytest.mark.django_db
def test_the_migration_fills_the_cases_reviewed_before(open_case):
    case = open_case(
        instrument="administrative_subpoena",
        authority=["21 U.S.C. § 876"],
        categories=["subscriber", "realtime_content"],
        purpose="distribution of fentanyl",
    )
    assert (case.statute, case.asks_content, case.real_time) == ("21 U.S.C. § 876", True, True)
    Case.objects.filter(pk=case.pk).update(statute="", asks_content=False, real_time=False)
    fill(apps, None)
    case.refresh_from_db()
    assert (case.statute, case.asks_content, case.real_time) == ("21 U.S.C. § 876", True, True)
