"""The public report's figures are kept between requests and computed again as soon as a case
is added or changed: Priya, a journalist, may reload the page as often as she likes without
each load reading every case, and never sees figures older than the cases."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.cache import cache
from django.test import Client

from custodes.cases.models import Case
from custodes.cases.workflow import State
from tests.transparency.ledger import cases

pytestmark = pytest.mark.django_db

PERIOD = "/transparency/?period=2026H1"


@pytest.fixture(autouse=True)
def kept(settings):
    settings.CUSTODES_REPORT_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def test_a_reload_reads_no_case(django_assert_max_num_queries):
    cases(4)
    priya = Client()
    assert 'id="total-requests">4<' in priya.get(PERIOD).content.decode()
    with django_assert_max_num_queries(6):  # the cache's keys; no figure computed again
        assert 'id="total-requests">4<' in priya.get(PERIOD).content.decode()


def test_a_new_case_in_the_period_is_counted_at_once():
    cases(4)
    priya = Client()
    assert 'id="total-requests">4<' in priya.get(PERIOD).content.decode()
    cases(1, received_on=date(2026, 5, 1))
    assert 'id="total-requests">5<' in priya.get(PERIOD).content.decode()
    assert "2026H1: 5" in priya.get(PERIOD).content.decode()  # the trend too


def test_a_case_closed_is_counted_at_once():
    [case, *_] = cases(2, state=State.IN_REVIEW)
    priya = Client()
    before = priya.get("/transparency/report.json?period=2026H1").json()
    case = Case.objects.get(pk=case.pk)
    case.state, case.outcome = State.CLOSED, "withdrawn"
    case.save()
    after = priya.get("/transparency/report.json?period=2026H1").json()
    assert after["totals"]["withdrawn"] == before["totals"]["withdrawn"] + 1
