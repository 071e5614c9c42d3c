"""Sign-in budgets: Mallory guesses passwords, first against Rita's staff account, then
against the officer's portal account, then at any name from one address. She is turned away
with the time to wait before a password is looked at, her failures leave a trace that does
not queue on the audit chain's lock, and a case is written while she floods."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.utils import timezone

from custodes.audit.models import Event, FailedSignIns
from custodes.audit.signins import record_past_hours
from custodes.cases import services
from custodes.cases.models import Case
from custodes.cases.people import current_code
from tests.conftest import PASSWORD, REQUESTER_PASSWORD
from tests.helpers import RECEIVED_ON, request

MALLORY = "203.0.113.66"


@pytest.fixture
def budgets(settings):
    settings.CUSTODES_SIGNIN_PER_ACCOUNT = 3
    settings.CUSTODES_SIGNIN_PER_ADDRESS = 6
    return settings


def _staff_guess(username="rita", password="guess", address=MALLORY, token="000000"):
    data = {"username": username, "password": password, "token": token}
    return Client(REMOTE_ADDR=address).post("/login/", data)


def _refused_with_wait(response, whose: str) -> int:
    assert response.status_code == 429
    page = response.content.decode()
    assert f"Too many sign-in attempts {whose}" in page and "try again in" in page
    return int(response["Retry-After"])


@pytest.mark.django_db
def test_an_accounts_budget_spent_refuses_even_the_right_password(budgets, reviewer):
    assert [_staff_guess().status_code for _ in range(3)] == [400, 400, 400]
    assert _refused_with_wait(_staff_guess(), "for this account") > 0
    code = current_code(reviewer.totpdevice_set.first())
    rita = _staff_guess(password=PASSWORD, address="198.51.100.7", token=code)
    assert _refused_with_wait(rita, "for this account") > 0
    assert not Event.objects.filter(action="custodes.auth.login").exists()


@pytest.mark.django_db
def test_failures_are_one_audit_event_an_hour_and_a_tally(budgets, reviewer):
    for _ in range(3):
        _staff_guess()
    assert Event.objects.filter(action="custodes.auth.login_failed").count() == 1
    assert FailedSignIns.objects.get(subject="user:rita").failures == 3


@pytest.mark.django_db
def test_the_worker_records_a_past_hours_count_once(budgets, reviewer):
    for _ in range(3):
        _staff_guess()
    assert record_past_hours() == 0  # the hour is not over
    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        assert record_past_hours() == 1
        assert record_past_hours() == 0
    counted = Event.objects.get(action="custodes.auth.login_failures_counted")
    assert counted.subject == "user:rita" and counted.data["failures"] == 3
    assert counted.sentence.endswith("3 sign-ins failed and 0 were turned away")


@pytest.mark.django_db
def test_attempts_turned_away_are_counted_and_recorded_with_the_hour(budgets, reviewer):
    for _ in range(5):
        _staff_guess()
    tally = FailedSignIns.objects.get(subject="user:rita")
    assert (tally.failures, tally.refused) == (3, 2)
    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        assert record_past_hours() == 1
    counted = Event.objects.get(action="custodes.auth.login_failures_counted")
    assert (counted.data["failures"], counted.data["refused"]) == (3, 2)


@pytest.mark.django_db
def test_an_addresss_budget_covers_every_name_tried_from_it(budgets):
    statuses = [_staff_guess(username=f"guess-{n}").status_code for n in range(6)]
    assert statuses == [400] * 6
    _refused_with_wait(_staff_guess(username="guess-7"), "from this address")
    assert _staff_guess(username="guess-7", address="198.51.100.7").status_code == 400


@pytest.mark.django_db
def test_the_portal_has_the_same_budgets(budgets, officer):
    guess = {"email": "officer@fbi.gov", "password": "guess", "token": "000000"}
    portal = Client(REMOTE_ADDR=MALLORY)
    assert [portal.post("/portal/login/", guess).status_code for _ in range(3)] == [400] * 3
    _refused_with_wait(portal.post("/portal/login/", guess), "for this account")
    officer_tries = {**guess, "password": REQUESTER_PASSWORD}
    elsewhere = Client(REMOTE_ADDR="198.51.100.7").post("/portal/login/", officer_tries)
    _refused_with_wait(elsewhere, "for this account")
    assert FailedSignIns.objects.get(subject="requester:officer@fbi.gov").failures == 3


@pytest.mark.django_db(transaction=True)
def test_a_bounded_flood_is_refused_while_a_case_is_written(budgets, reviewer):
    """40 wrong passwords from one address against one account, in two threads, while a
    demand is opened: the case is stored and the flood is refused with the time to wait."""
    budgets.CUSTODES_SIGNIN_PER_ADDRESS = 10
    statuses, waits = [], []
    start = threading.Barrier(3)

    def flood():
        start.wait()
        try:
            for _ in range(20):
                response = _staff_guess()
                statuses.append(response.status_code)
                if response.status_code == 429:
                    waits.append(int(response["Retry-After"]))
        finally:
            connection.close()

    floods = [threading.Thread(target=flood) for _ in range(2)]
    for thread in floods:
        thread.start()
    start.wait()
    case = services.open_case(request(), "api", None, RECEIVED_ON)
    for thread in floods:
        thread.join()

    assert Case.objects.filter(pk=case.pk).exists()
    assert statuses.count(400) == 3 and statuses.count(429) == 37
    assert all(wait >= 1 for wait in waits)
    assert Event.objects.filter(action="custodes.auth.login_failed").count() == 1
    tally = FailedSignIns.objects.get(subject="user:rita")
    assert (tally.failures, tally.refused) == (3, 37)
