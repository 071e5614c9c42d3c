"""The transparency report counts the demands the provider challenged and those users
challenged, and how the challenges ended, in its HTML, JSON and CSV alike."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from custodes.challenges.models import Challenge
from custodes.transparency import render
from custodes.transparency.aggregate import compute
from custodes.transparency.periods import Period
from tests.conftest import user_named
from tests.transparency.ledger import cases

pytestmark = pytest.mark.django_db
H1 = Period.half(2026, 1)


def _challenge(case, filed_by, ruling="pending", kind="motion_to_quash"):
    return Challenge.objects.create(
        case=case,
        accounts=["username someone"],
        filed_by=filed_by,
        kind=kind,
        court="U.S. District Court for the District of Columbia",
        filed_on=date(2026, 3, 9),
        ruling=ruling,
        recorded_by=user_named("carl"),
    )


@pytest.fixture
def challenged(counsel):
    provider_quashed, holder_denied, both_pending, subpoena, _unchallenged = cases(5)
    _challenge(provider_quashed, "provider", "quashed", kind="letter_of_objection")
    _challenge(holder_denied, "holder", "denied")
    _challenge(both_pending, "both")
    _challenge(subpoena, "holder", "withdrawn")
    _challenge(subpoena, "holder", "dropped")  # a second challenge to one demand
    [in_error] = cases(1, outcome="entered_in_error")
    _challenge(in_error, "provider")  # not a demand answered: counted nowhere
    [letter] = cases(1, instrument="national_security_letter")
    _challenge(letter, "provider")  # bands only
    return H1


def test_the_report_counts_demands_challenged_by_each_side_and_how_they_ended(challenged):
    figures = render.to_dict(compute(challenged))["totals"]["challenges"]
    assert figures["filed"] == 5
    assert (figures["pending"], figures["quashed"], figures["denied"]) == (1, 1, 1)
    assert (figures["withdrawn_by_the_agency"], figures["dropped"], figures["narrowed"]) == (
        1,
        1,
        0,
    )
    assert figures["by_provider"] == {
        "demands_challenged": 2,
        "filed": 2,
        "pending": 1,
        "quashed": 1,
        "narrowed": 0,
        "denied": 0,
        "withdrawn_by_the_agency": 0,
        "dropped": 0,
    }
    assert figures["by_users"]["demands_challenged"] == 3
    assert figures["by_users"]["filed"] == 4


def test_the_csv_and_the_page_carry_the_same_counts(challenged):
    report = compute(challenged)
    rows = list(csv.DictReader(io.StringIO(render.to_csv(report))))
    [us] = [r for r in rows if (r["CLDR Territory Code"], r["Legal Process"]) == ("US", "All")]
    assert (us["Challenged by the provider"], us["Challenged by users"], us["Challenges"]) == (
        "2",
        "3",
        "5",
    )
    assert (us["Challenges quashed"], us["Challenges withdrawn"], us["Challenges pending"]) == (
        "1",
        "1",
        "1",
    )
    [letters] = [r for r in rows if r["Legal Process"] == "National Security Letters"]
    assert letters["Challenges"] == ""
    page = render.to_html(report, [])
    assert '<div class="big" id="total-challenged-by-us">2</div>challenged by us' in page
    assert "<tr><td>Users</td><td>4</td><td>1</td><td>0</td><td>0</td><td>1</td>" in page
