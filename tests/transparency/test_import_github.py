"""Counsel imports GitHub's open transparency data, yearly and by half-year: requests received
and disclosed (with the 2021 defect), accounts affected, cross-border requests by government
and national security letters in bands of 250."""

from __future__ import annotations

import pytest

from custodes.transparency.history import requests_by_period
from custodes.transparency.importing import import_file
from custodes.transparency.models import PublishedTotal
from tests.transparency.published_files import DATA, needs_data

pytestmark = [pytest.mark.django_db, needs_data]

HALVES = DATA / "github" / "by_calendar_year_half"


def test_githubs_files_are_read_with_the_2021_defect_noted():
    folder = DATA / "github"
    import_file(HALVES / "requests_received_and_disclosed_by_calendar_year_half.csv")
    import_file(HALVES / "requests_accounts_affected_by_calendar_year_half.csv")
    done = import_file(folder / "requests_received_and_disclosed.csv")
    assert done.rows == 26
    assert sum("more disclosed than received" in note for note in done.notes) == 3
    defect = PublishedTotal.objects.get(
        period="2021", legal_process="criminal or government agency subpoena"
    )
    assert (defect.requests, defect.percent_disclosed) == (183, None)
    import_file(folder / "national_security_letters_and_orders.csv")
    subpoenas = PublishedTotal.objects.get(
        source="github", period="2025H1", legal_process="criminal or government agency subpoena"
    )
    assert (subpoenas.requests, subpoenas.percent_disclosed) == (212, 94.8)
    assert PublishedTotal.objects.get(period="2025H1", legal_process="All").accounts == 663
    cross = PublishedTotal.objects.get(period="2025H1", legal_process="cross-border request")
    assert cross.requests == 40  # published with a trailing space
    letters = PublishedTotal.objects.get(
        period="2025H2", legal_process="National Security Letters and Orders"
    )
    assert (letters.requests_band, letters.accounts_band) == ("0-249", "1000-1249")


def test_cross_border_requests_by_government_are_a_breakdown_the_trend_does_not_add_again():
    import_file(HALVES / "requests_received_and_disclosed_by_calendar_year_half.csv")
    done = import_file(HALVES / "cross_border_data_requests_by_calendar_year_half.csv")
    assert done.rows == 54
    india = PublishedTotal.objects.get(period="2025H1", country="IN")
    assert (india.legal_process, india.requests) == ("cross-border request", 10)
    by_government = PublishedTotal.objects.filter(period="2025H1").exclude(country="")
    assert sum(t.requests for t in by_government) == 40  # the worldwide row's 40
    assert dict(requests_by_period())["2025H1"] == 361  # the worldwide rows, once


def test_yearly_cross_border_and_accounts_files_are_read():
    assert import_file(DATA / "github" / "cross_border_data_requests.csv").rows == 70
    assert PublishedTotal.objects.get(period="2025", country="FR").requests == 10
    assert import_file(DATA / "github" / "requests_accounts_affected.csv").rows == 5
    assert PublishedTotal.objects.get(period="2022", legal_process="All").accounts == 2363
