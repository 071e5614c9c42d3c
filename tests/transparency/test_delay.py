"""A half-year is published CUSTODES_REPORT_DELAY_DAYS after it ends, never while under way,
so that a single new case cannot be spotted in the public report. Priya, a journalist, reads
the report; the desk's own cases are the ledger."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from custodes.law.refusal import Refused
from custodes.transparency.periods import Period, check_published, latest_published
from tests.transparency.ledger import cases


def test_a_half_year_is_published_the_delay_after_it_ends():
    first_half = Period.half(2026, 1)
    assert first_half.published_on(30) == date(2026, 7, 31)
    assert latest_published(date(2026, 7, 30), 30) == Period.half(2025, 2)
    assert latest_published(date(2026, 7, 31), 30) == first_half
    assert latest_published(date(2026, 7, 1), 0) == first_half
    assert latest_published(date(2026, 12, 31), 400) == Period.half(2025, 1)


def test_the_half_year_under_way_is_refused_saying_when_it_comes():
    with pytest.raises(Refused) as refused:
        check_published(Period.half(2026, 2), date(2026, 12, 2), 30)
    assert str(refused.value) == (
        "2026H2 is not published yet: a period is published 30 days after it ends, so this one "
        "on 2027-01-31. The latest published is 2026H1."
    )
    with pytest.raises(Refused, match=r"2026-01-01\.\.2026-12-01 is not published yet"):
        check_published(Period.parse("2026-01-01..2026-12-01"), date(2026, 12, 2), 30)


@pytest.mark.django_db
def test_a_case_received_today_is_in_no_public_figure(settings):
    settings.CUSTODES_REPORT_DELAY_DAYS = 30
    today = timezone.localdate()
    shown = latest_published(today, 30)
    cases(3, received_on=shown.start)
    cases(1, received_on=today)
    priya = Client()
    page = priya.get("/transparency/").content.decode()
    assert f"Period {shown.label}" in page and 'id="total-requests">3<' in page
    assert f"{Period.containing(today).label}: 1" not in page  # nor in the trend
    under_way = priya.get(f"/transparency/?period={Period.containing(today).label}")
    assert under_way.status_code == 400 and "is not published yet" in under_way.content.decode()
    for download in ("report.csv", "report.json"):
        url = f"/transparency/{download}?period={Period.containing(today).label}"
        assert priya.get(url).status_code == 400


@pytest.mark.django_db
def test_with_no_delay_the_half_year_just_ended_is_shown(settings):
    settings.CUSTODES_REPORT_DELAY_DAYS = 0
    today = timezone.localdate()
    just_ended = Period.containing(today).previous()
    cases(2, received_on=just_ended.end - timedelta(days=1))
    page = Client().get("/transparency/").content.decode()
    assert f"Period {just_ended.label}" in page and 'id="total-requests">2<' in page
