"""Counsel imports Meta's government requests for user data, a CSV a half-year by its
published columns: totals per country, per legal process the count with its accounts and
percentage, preservation requests, national security letters as ranges."""

from __future__ import annotations

import pytest
from django.db.models import Sum

from custodes.law.refusal import Refused
from custodes.transparency.importing import import_file
from custodes.transparency.models import PublishedTotal
from custodes.transparency.periods import Period
from tests.transparency.published_files import OURS

pytestmark = pytest.mark.django_db

META = OURS / "meta-government-requests-2017-H1.csv"


def test_metas_file_is_read_by_its_published_columns():
    done = import_file(META)
    assert done.rows == 20
    us = PublishedTotal.objects.filter(source="meta", period="2017H1", country="US")
    every = us.get(legal_process="All")
    assert (every.requests, every.accounts, every.percent_disclosed) == (32_716, 52_280, 85.0)
    processes = us.exclude(legal_process__in=("All", "Preservation Requests"))
    assert processes.aggregate(n=Sum("requests"))["n"] == 32_716  # the file's total, again
    orders = us.get(legal_process="Court Order (18 USC 2703(d))")
    assert (orders.requests, orders.accounts, orders.percent_disclosed) == (1129, 2093, 86.0)
    preservation = us.get(legal_process="Preservation Requests")
    assert (preservation.requests, preservation.accounts) == (55_021, 97_316)
    letters = us.get(legal_process="National Security Letters")
    assert (letters.requests, letters.requests_band, letters.accounts_band) == (
        None,
        "0-499",
        "1000-1499",
    )
    assert PublishedTotal.objects.get(country="CZ").requests == 35  # "Czech Republic"
    germany = PublishedTotal.objects.filter(country="DE").values_list("legal_process", flat=True)
    assert sorted(germany) == ["All", "Emergency Disclosures", "Preservation Requests"]


def test_a_meta_file_named_without_its_period_needs_the_period_given(tmp_path):
    renamed = tmp_path / "Government Requests.csv"
    renamed.write_bytes(META.read_bytes())
    with pytest.raises(Refused, match=r"--period 2017H1"):
        import_file(renamed)
    assert not PublishedTotal.objects.exists()
    import_file(renamed, Period.parse("2017H2"))
    assert PublishedTotal.objects.filter(period="2017H2").count() == 20


def test_a_cell_meta_wrote_that_custodes_cannot_read_stops_the_import_by_its_line(tmp_path):
    broken = tmp_path / "meta-2017-H1.csv"
    lines = META.read_text().splitlines()
    lines[3] = lines[3].replace("51.00%", "fifty-one")
    broken.write_text("\n".join(lines) + "\n")
    refused = r"line 4: Percent Requests Where Some Data Produced 'fifty-one' is not a percentage"
    with pytest.raises(Refused, match=refused):
        import_file(broken)
    assert not PublishedTotal.objects.exists()


def test_columns_custodes_does_not_read_are_said_in_the_summary(tmp_path):
    path = tmp_path / "meta-2016-H2.csv"
    path.write_text(
        "Country,Total Data Requests,Total Users/Accounts Requested,"
        "Percent Requests Where Some Data Produced,Content Restrictions\n"
        'India,"6,324","8,290",54.00%,719\n'
    )
    done = import_file(path)
    assert PublishedTotal.objects.get(country="IN").requests == 6324
    assert done.notes == ["Meta: columns custodes does not read: Content Restrictions"]


def test_a_country_name_custodes_cannot_place_is_refused_by_its_line(tmp_path):
    path = tmp_path / "meta-2016-H2.csv"
    path.write_text(
        "Country,Total Data Requests,Total Users/Accounts Requested,"
        "Percent Requests Where Some Data Produced\n"
        "India,10,12,50%\nAtlantis,3,3,0%\n"
    )
    with pytest.raises(Refused, match=r"line 3: country 'Atlantis'"):
        import_file(path)
    assert not PublishedTotal.objects.exists()
