"""Counsel imports Discord's quarterly report: stacked sub-tables of which only the sections on
governments' requests are read, found by their titles (which change between periods), each
checked against its total row."""

from __future__ import annotations

import pytest
from django.db.models import Sum

from custodes.law.refusal import Refused
from custodes.transparency.importing import import_file
from custodes.transparency.models import PublishedTotal
from custodes.transparency.periods import Period
from tests.transparency.published_files import DATA, OURS, needs_data

pytestmark = pytest.mark.django_db


def _requests(**where) -> int:
    return PublishedTotal.objects.filter(source="discord", **where).aggregate(n=Sum("requests"))[
        "n"
    ]


@needs_data
def test_discords_report_is_read_section_by_section_and_matches_its_totals():
    done = import_file(DATA / "discord" / "2023-Q2.csv")
    assert done.rows == 51  # 4 US processes, 28 countries, 19 preservation requests
    us = PublishedTotal.objects.filter(period="2023Q2", country="US")
    assert _requests(country="US", legal_process__in=("Court Orders", "Subpoenas")) == 55 + 629
    assert sum(t.requests for t in us.exclude(legal_process="Preservation Requests")) == 1_266
    warrants = us.get(legal_process="Search Warrants")
    assert (warrants.requests, warrants.percent_disclosed) == (576, round(100 * 548 / 576, 1))
    assert _requests(legal_process="All") == 119  # international requests
    assert _requests(legal_process="Preservation Requests") == 928
    assert PublishedTotal.objects.get(legal_process="All", country="CZ").requests == 1
    said = "\n".join(done.notes)
    assert "'Czech Rebublic' read as 'Czech Republic' (CZ)" in said
    assert "the total row says" not in said  # every section adds up to its total
    assert "sections not on government requests left: Warns, Accounts Disabled" in said
    assert "that percentage is dropped" in said


def test_another_period_with_renamed_sections_and_a_wrong_total_is_read():
    done = import_file(OURS / "discord-2022-Q4.csv")
    assert done.rows == 6
    emergency = PublishedTotal.objects.get(period="2022Q4", legal_process="Emergency Requests")
    assert (emergency.country, emergency.requests, emergency.percent_disclosed) == ("US", 150, None)
    assert _requests(country="US") == 1_966  # its "Sum:" row
    assert PublishedTotal.objects.get(country="KR").requests == 2  # "Korea"
    said = "\n".join(done.notes)
    assert "the total row says 34, its rows add to 33; the rows were imported (line 22)" in said
    assert "left: Account and Server Warnings" in said


@needs_data
def test_a_renamed_discord_file_needs_its_period(tmp_path):
    renamed = tmp_path / "discord report.csv"
    renamed.write_bytes((DATA / "discord" / "2023-Q2.csv").read_bytes())
    with pytest.raises(Refused, match=r"--period 2023Q2"):
        import_file(renamed)
    import_file(renamed, Period.parse("2023Q2"))
    assert _requests(period="2023Q2", legal_process="All") == 119


def test_a_cell_discord_wrote_that_custodes_cannot_read_stops_the_import_by_its_line(tmp_path):
    broken = tmp_path / "2022-Q4.csv"
    text = (OURS / "discord-2022-Q4.csv").read_bytes()
    broken.write_bytes(text.replace(b"Subpoenas,812,", b"Subpoenas,812 (est.),"))
    with pytest.raises(Refused, match=r"line 13: Requests Received '812 \(est.\)'"):
        import_file(broken)
    assert not PublishedTotal.objects.exists()


def test_a_government_section_without_a_column_of_requests_is_refused(tmp_path):
    path = tmp_path / "2024-Q1.csv"
    path.write_text(
        "Government Information Requests,,\n,,\nCountry,Asked,Answered\nFrance,3,1\n,,\nTotal,3,1\n"
    )
    with pytest.raises(Refused, match=r"line 3: .* no column of requests"):
        import_file(path)


def test_more_produced_than_requested_is_refused_by_its_line(tmp_path):
    path = tmp_path / "2024-Q1.csv"
    path.write_text(
        "Government Information Requests,,\n,,\nCountry,Requests,Information Produced\n"
        "France,3,1\nSpain,2,5\n,,\nTotal,5,6\n"
    )
    with pytest.raises(Refused, match=r"line 5: more produced \(5\) than requested \(2\)"):
        import_file(path)
    assert not PublishedTotal.objects.exists()
