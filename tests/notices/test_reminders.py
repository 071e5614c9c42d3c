"""Reminders before each deadline reach the case's assignee, once at each reminder day."""

from __future__ import annotations

import pytest

from custodes.cases import services
from custodes.worker import tick
from tests.notices.conftest import on

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_assignee_is_reminded_of_the_return_date_7_days_and_1_day_before(
    open_case, counsel, rita, smtp
):
    with on("2026-11-23"):
        case = open_case(return_by="2026-12-10")
        services.assign(case, counsel, rita)
        tick()
    with on("2026-12-02"):
        tick()
    assert smtp.messages == []
    with on("2026-12-03"):
        tick()
        tick()
    with on("2026-12-09"):
        tick()
    with on("2026-12-10"):
        tick()  # the one-day reminder was sent the day before: nothing more
    subjects = [m["Subject"] for m in smtp.to("rita@parley.example")]
    assert subjects == [f"{case.reference}: the requester's return date on 2026-12-10"] * 2
    assert "in 7 days" in smtp.messages[0].get_content()
    assert "in 1 day." in smtp.messages[1].get_content()


def test_without_an_assignee_counsel_is_reminded(open_case, counsel_with_mail, smtp):
    with on("2026-11-23"):
        open_case(return_by="2026-11-24")
        tick()
    assert len(smtp.to("carl@parley.example")) == 1
