"""A mail server that accepts and never answers: sign-up and the API answer as usual, and the
worker gives each e-mail up after EMAIL_TIMEOUT and moves on to the next, losing none."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.utils import timezone

from custodes.outbox.models import Mail
from custodes.requesters import tokens
from custodes.worker import tick
from tests import mailserver

pytestmark = pytest.mark.django_db(transaction=True)

WORKER_BOUND = 60  # seconds: far past the test's EMAIL_TIMEOUT, long before any other limit


@pytest.fixture
def silent(settings):
    """custodes' e-mail pointed at a relay that never answers, with a short timeout."""
    server = mailserver.Silent()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_TIMEOUT = 1
    yield server
    server.stop()


def _sign_up(email: str):
    form = {
        "name": "SA Dana Reyes",
        "agency": "Federal Bureau of Investigation",
        "email": email,
        "phone": "+12025550100",
        "password": "serve-process-2026",
    }
    return Client().post("/portal/signup/", form)


def _work() -> None:
    try:
        tick()
    finally:
        connection.close()  # the thread's own; PostgreSQL cannot drop a database in use


def _worker() -> threading.Thread:
    worker = threading.Thread(target=_work, name="custodes-worker")
    worker.start()
    return worker


def test_sign_up_answers_without_waiting_for_the_mail_server(silent):
    response = _sign_up("dana.reyes@fbi.gov")
    assert response.status_code == 200 and "Check your e-mail" in response.content.decode()
    mail = Mail.objects.get(purpose="confirmation")
    assert mail.status == Mail.Status.PENDING and mail.to == ["dana.reyes@fbi.gov"]
    assert not silent.connections  # the request never talked to the mail server


@pytest.mark.slow  # a real worker thread, waiting on a mail server that never answers
def test_sign_up_and_the_api_answer_while_the_worker_waits_on_the_mail_server(silent, officer):
    _sign_up("dana.reyes@fbi.gov")
    worker = _worker()
    assert silent.connected.wait(WORKER_BOUND)  # the worker is in the conversation now
    api = Client(HTTP_AUTHORIZATION=f"Bearer {tokens.issue(officer)}")
    demand = {
        "instrument": "grand_jury_subpoena",
        "selectors": [{"kind": "username", "value": "harbor.lights"}],
        "categories": ["subscriber"],
        "signed": True,
    }
    submitted = api.post("/api/v1/demands", demand, content_type="application/json")
    assert submitted.status_code == 201, submitted.content
    assert _sign_up("sam.lee@nypd.org").status_code == 200
    assert api.get("/api/v1/demands").json()["total"] == 1
    worker.join(WORKER_BOUND)
    assert not worker.is_alive()


def test_the_worker_gives_each_mail_up_at_the_timeout_and_moves_on(silent, smtp, settings):
    _sign_up("dana.reyes@fbi.gov")
    _sign_up("sam.lee@nypd.org")
    settings.EMAIL_PORT = silent.port  # the smtp fixture pointed it at the working relay
    worker = _worker()
    worker.join(WORKER_BOUND)
    assert not worker.is_alive()
    mails = Mail.objects.filter(purpose="confirmation")
    assert len(silent.connections) == 2  # the second was tried after the first timed out
    for mail in mails:
        assert mail.status == Mail.Status.PENDING and mail.attempts == 1
        assert "timed out" in mail.last_error

    settings.EMAIL_PORT = smtp.port  # the relay answers again: the retries go out
    with time_machine.travel(timezone.now() + timedelta(minutes=3)):
        tick()
    assert {m.status for m in mails.all()} == {Mail.Status.SENT}
    assert sorted(m["To"] for m in smtp.messages) == ["dana.reyes@fbi.gov", "sam.lee@nypd.org"]


@pytest.mark.slow  # a child process
@pytest.mark.parametrize(("value", "says"), [("90", "at most 60"), ("soon", "not a whole number")])
def test_a_timeout_that_makes_no_sense_stops_the_worker_at_once(tmp_path, value, says):
    env = {**os.environ, "EMAIL_TIMEOUT": value, "CUSTODES_DATA_DIR": str(tmp_path)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    command = Path(sys.executable).with_name("custodes")
    done = subprocess.run([str(command), "tick"], env=env, capture_output=True, check=False)
    assert done.returncode == 2 and says in done.stderr.decode()
