"""Counsel imports Twitter's information-requests report: "-" for none, footnote marks on
counts, percentages as strings, a TOTAL row that is checked against the countries."""

from __future__ import annotations

import pytest
from django.db.models import Sum

from custodes.transparency.importing import import_file
from custodes.transparency.models import PublishedTotal
from tests.transparency.published_files import DATA, needs_data

pytestmark = [pytest.mark.django_db, needs_data]

TWITTER = DATA / "twitter" / "information-requests-report-jan-jun-2017.csv"


def test_twitters_report_is_read_and_adds_up_to_its_total():
    done = import_file(TWITTER)
    assert done.rows == 83  # every country; the TOTAL row is checked, not stored
    us = PublishedTotal.objects.get(source="twitter", period="2017H1", country="US")
    assert (us.requests, us.accounts, us.percent_disclosed) == (2_111, 4_594, 77.0)
    assert PublishedTotal.objects.aggregate(n=Sum("requests"))["n"] == 6_448  # its TOTAL row
    austria = PublishedTotal.objects.get(country="AT")
    assert (austria.requests, austria.percent_disclosed) == (1, 100.0)  # published "1*"
    albania = PublishedTotal.objects.get(country="AL")
    assert (albania.requests, albania.percent_disclosed, albania.accounts) == (0, None, 0)
    said = "\n".join(done.notes)
    assert "footnote is in Twitter's report (23 rows, the first at line 5)" in said
    assert "the TOTAL row says" not in said
