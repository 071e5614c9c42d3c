"""Counsel imports Google's published history: the current file as Google ships it, its
national-security ranges, and the older layouts still found in archives (2012's, 2014's with
old-Mac line endings, a stray byte and no spaces in its header, 2017's with day-first dates)."""

from __future__ import annotations

import pytest
from django.db.models import Sum

from custodes.transparency.history import requests_by_period
from custodes.transparency.importing import import_file
from custodes.transparency.models import PublishedTotal
from tests.transparency.published_files import DATA, OURS, needs_data

pytestmark = pytest.mark.django_db


@needs_data
def test_googles_file_is_read_with_its_quirks():
    done = import_file(DATA / "google" / "google-global-user-data-requests.csv")
    assert done.rows == 3230  # every data row of the file
    us = PublishedTotal.objects.filter(source="google", period="2017H1", country="US")
    counted = us.exclude(legal_process="Preservation Requests").aggregate(n=Sum("requests"))
    assert counted["n"] == 16_814  # Google's US total for January–June 2017, this snapshot
    preservation = us.get(legal_process="Preservation Requests")
    assert (preservation.requests, preservation.percent_disclosed) == (6907, None)
    early = PublishedTotal.objects.get(source="google", period="2009H2", country="AR")
    assert (early.requests, early.percent_disclosed, early.accounts) == (98, None, None)
    blank = PublishedTotal.objects.get(
        period="2021H1", country="CN", legal_process="Requests for data of local subsidiary"
    )
    assert blank.requests is None
    united_nations = PublishedTotal.objects.get(period="2015H1", country="ZZ")
    assert (united_nations.legal_process, united_nations.requests) == ("Other Legal Requests", 1)
    assert any("not reported" in note for note in done.notes)
    assert any("'United Nations' has no territory code" in note for note in done.notes)


@needs_data
def test_the_trend_counts_every_country_of_a_half_year_where_only_the_us_is_split():
    import_file(DATA / "google" / "google-global-user-data-requests.csv")
    trend = dict(requests_by_period())
    # 2013H2: 63 countries published as All, the US by process; Google's total is 27,477.
    assert trend["2013H2"] == 27_477
    assert trend["2017H1"] > 16_814


@needs_data
@pytest.mark.parametrize(
    ("name", "process", "period", "bands"),
    [
        ("nsl", "National Security Letters", "2022H2", ("500-999", "1500-1999")),
        ("nsl", "National Security Letters", "2021H2", ("5-499", "1500-1999")),  # its odd band
        ("fisa-content", "FISA Content Orders", "2022H1", ("0-499", "103000-103499")),
        ("fisa-non-content", "FISA Non-Content Orders", "2022H1", ("0-499", "35500-35999")),
    ],
)
def test_googles_national_security_ranges_stay_ranges(name, process, period, bands):
    import_file(DATA / "google" / f"google-usnationalsecurity-{name}-requests.csv")
    letters = PublishedTotal.objects.get(period=period, legal_process=process)
    assert letters.requests is None
    assert (letters.requests_band, letters.accounts_band) == bands


def test_googles_2014_file_is_read_despite_its_line_endings_stray_byte_and_header():
    done = import_file(OURS / "google-user-data-requests_2014.csv")
    assert done.rows == 13
    ivory_coast = PublishedTotal.objects.get(period="2013H2", country="CI")
    assert (ivory_coast.legal_process, ivory_coast.requests, ivory_coast.accounts) == ("All", 2, 2)
    us = PublishedTotal.objects.filter(period="2012H2", country="US")
    assert us.aggregate(n=Sum("requests"))["n"] == 758 + 5784 + 1896
    hungary = PublishedTotal.objects.get(period="2010H2", country="HU")
    assert hungary.percent_disclosed == 0  # a real 0: Google reported the rate from 2010H2
    assert PublishedTotal.objects.get(period="2009H2", country="US").percent_disclosed is None
    said = "\n".join(done.notes)
    assert "not UTF-8" in said and "(line 12)" in said
    assert "a blank Legal Process read as All its processes (9 rows" in said
    assert "dates written month first" in said


def test_googles_2017_file_with_day_first_dates_is_read():
    done = import_file(OURS / "google-user-data-requests_2017.csv")
    assert done.rows == 9
    assert PublishedTotal.objects.get(period="2009H2", country="AR").requests == 98
    assert PublishedTotal.objects.get(period="2010H1", country="GB").requests == 1343
    preservation = PublishedTotal.objects.get(
        period="2014H2", country="AR", legal_process="Preservation Requests"
    )
    assert (preservation.requests, preservation.percent_disclosed, preservation.accounts) == (
        3,
        None,
        8,
    )
    assert any("dates written day first (31/12/09)" in note for note in done.notes)


def test_googles_2012_layout_is_read_as_all_processes(tmp_path):
    path = tmp_path / "google-2012.csv"
    path.write_text(
        "Period Ending,Country,CLDR Territory Code,User Data Requests,"
        "Percentage of data requests fully or partially complied with,Users/Accounts Specified\n"
        "06/30/2012,United States,US,7969,90,16281\n"
    )
    done = import_file(path)
    total = PublishedTotal.objects.get()
    assert (total.period, total.legal_process, total.requests, total.accounts) == (
        "2012H1",
        "All",
        7969,
        16281,
    )
    assert any("2012 layout" in note for note in done.notes)


def test_a_later_snapshot_that_restates_a_figure_updates_it(tmp_path):
    import_file(OURS / "google-user-data-requests_2017.csv")
    restated = tmp_path / "google-user-data-requests.csv"
    restated.write_text(
        "Period Ending,Country/Region,CLDR Territory Code,Legal Process,User Data Requests,"
        "Percentage disclosed,Accounts\n2009-12-31,Argentina,AR,All,99,0,0\n"
    )
    assert import_file(restated).rows == 1
    assert PublishedTotal.objects.count() == 9
    assert PublishedTotal.objects.get(period="2009H2", country="AR").requests == 99
