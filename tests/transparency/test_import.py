"""Importing the totals providers published: Google's and GitHub's real files, quirks and all;
a bad row named by its line, with nothing half-imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db.models import Sum

from custodes.transparency.history import requests_by_period
from custodes.transparency.importing import ImportRefused, import_file
from custodes.transparency.models import PublishedTotal
from tests.helpers import CASES

pytestmark = pytest.mark.django_db

DATA = CASES.parent / "data" / "transparency"
needs_data = pytest.mark.skipif(
    not DATA.exists(), reason="../shared/data/transparency is not here: nothing to import"
)


@needs_data
def test_googles_file_is_read_with_its_quirks():
    done = import_file(DATA / "google" / "google-global-user-data-requests.csv")
    assert done.rows == 3230
    us = PublishedTotal.objects.filter(source="google", period="2017H1", country="US")
    counted = us.exclude(legal_process="Preservation Requests").aggregate(n=Sum("requests"))
    assert counted["n"] == 16_814  # Google's US total for January–June 2017, this snapshot
    preservation = us.get(legal_process="Preservation Requests")
    assert (preservation.requests, preservation.percent_disclosed) == (6907, None)
    early = PublishedTotal.objects.get(source="google", period="2009H2", country="AR")
    assert (early.percent_disclosed, early.accounts) == (None, None)  # "0" meant not reported
    blank = PublishedTotal.objects.get(
        period="2021H1", country="CN", legal_process="Requests for data of local subsidiary"
    )
    assert blank.requests is None
    assert any("not reported" in note for note in done.notes)


@needs_data
def test_googles_national_security_ranges_stay_ranges():
    import_file(DATA / "google" / "google-usnationalsecurity-nsl-requests.csv")
    letters = PublishedTotal.objects.get(period="2022H2", legal_process="National Security Letters")
    assert (letters.requests, letters.requests_band, letters.accounts_band) == (
        None,
        "500-999",
        "1500-1999",
    )


@needs_data
def test_githubs_files_are_read_with_the_2021_defect_noted():
    folder = DATA / "github"
    import_file(
        folder
        / "by_calendar_year_half"
        / "requests_received_and_disclosed_by_calendar_year_half.csv"
    )
    import_file(
        folder / "by_calendar_year_half" / "requests_accounts_affected_by_calendar_year_half.csv"
    )
    done = import_file(folder / "requests_received_and_disclosed.csv")
    assert any("more disclosed than received" in note for note in done.notes)
    import_file(folder / "national_security_letters_and_orders.csv")
    subpoenas = PublishedTotal.objects.get(
        source="github", period="2025H1", legal_process="criminal or government agency subpoena"
    )
    assert (subpoenas.requests, subpoenas.percent_disclosed) == (212, 94.8)
    assert PublishedTotal.objects.get(period="2025H1", legal_process="All").accounts == 663
    cross = PublishedTotal.objects.filter(legal_process="cross-border request")  # no trailing space
    assert cross.exists()
    letters = PublishedTotal.objects.get(
        period="2025H2", legal_process="National Security Letters and Orders"
    )
    assert (letters.requests_band, letters.accounts_band) == ("0-249", "1000-1249")
    assert dict(requests_by_period())["2025H1"] > 0


def test_a_bad_row_is_named_by_its_line_and_nothing_is_imported(tmp_path):
    path = Path(tmp_path / "totals.csv")
    path.write_text(
        "Period Ending,Country/Region,CLDR Territory Code,Legal Process,User Data Requests,"
        "Percentage disclosed,Accounts\n"
        "2025-06-30,Germany,DE,Other Legal Requests,120,71,140\n"
        "2025-06-30,France,FR,Other Legal Requests,80,60,95\n"
        "2025-06-30,Spain,ES,Other Legal Requests,many,60,95\n"
    )
    with pytest.raises(ImportRefused, match=r"line 4: User Data Requests 'many'"):
        import_file(path)
    assert not PublishedTotal.objects.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a,b,c\n1,2,3\n", "line 1: not a schema custodes reads"),
        ("year,half,count_accounts_affected\n2025,3,10\n", "line 2:"),
        (
            "Period Ending,Country/Region,CLDR Territory Code,Legal Process,User Data Requests,"
            "Percentage disclosed,Accounts\n2025-05-31,Germany,DE,All,1,2,3\n",
            "line 2: 2025-05-31 does not end a half-year",
        ),
        (
            "Period Ending,Country/Region,CLDR Territory Code,Legal Process,User Data Requests,"
            "Percentage disclosed,Accounts\n2025-06-30,Germany,DE,All,1,250,3\n",
            "line 2: Percentage disclosed '250' is not between 0 and 100",
        ),
    ],
)
def test_files_and_rows_custodes_cannot_read_are_refused(tmp_path, text, message):
    path = Path(tmp_path / "totals.csv")
    path.write_text(text)
    with pytest.raises(ImportRefused, match=message):
        import_file(path)
    assert not PublishedTotal.objects.exists()


def test_googles_2012_layout_is_read_as_all_processes(tmp_path):
    path = Path(tmp_path / "google-2012.csv")
    path.write_text(
        "Period Ending,Country,CLDR Territory Code,User Data Requests,"
        "Percentage of data requests fully or partially complied with,Users/Accounts Specified\n"
        "2012-06-30,United States,US,7969,90,16281\n"
    )
    import_file(path)
    total = PublishedTotal.objects.get()
    assert (total.legal_process, total.requests, total.accounts) == ("All", 7969, 16281)
