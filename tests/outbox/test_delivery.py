"""Exactly one e-mail per notice: however often the pass runs, and when the worker is killed
while it talks to the mail server (a real `custodes tick` process, killed with SIGKILL)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.utils import timezone

from custodes.outbox.delivery import queue_mail, settle
from custodes.outbox.models import Mail
from custodes.worker import tick
from tests.notices.conftest import into_notice_period, on

pytestmark = pytest.mark.django_db(transaction=True)


def custodes(smtp, *command: str) -> subprocess.Popen:
    """A `custodes` command as its own process, on the test database and the loopback server."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        url = f"sqlite:///{db['NAME']}"
    else:
        url = f"postgresql://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "custodes.settings",
        "DATABASE_URL": url,
        "SECRET_KEY": settings.SECRET_KEY,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port),
    }
    program = Path(sys.executable).with_name("custodes")
    return subprocess.Popen([str(program), *command], env=env, stdout=subprocess.PIPE)


def killed_while_sending(smtp, step: str) -> int:
    """Run `custodes tick` and kill it when the mail server reaches `step`."""
    process = custodes(smtp, "tick")
    setattr(smtp, step, lambda: os.kill(process.pid, signal.SIGKILL))
    process.communicate(timeout=120)
    setattr(smtp, step, None)
    return process.returncode


@pytest.fixture
def notice_due(open_case, counsel):
    with on("2026-11-23"):
        into_notice_period(open_case(), counsel)
    return Mail.objects.get(purpose="notice")


def test_running_the_pass_twice_sends_one_notice(notice_due, smtp):
    with on("2026-11-23"):
        tick()
        tick()
    assert len(smtp.messages) == 1
    assert Mail.objects.get(pk=notice_due.pk).status == Mail.Status.SENT


@pytest.mark.slow  # a child process
def test_killed_after_the_server_took_the_notice_it_is_never_sent_again(notice_due, smtp, counsel):
    assert killed_while_sending(smtp, "on_data") == -signal.SIGKILL
    assert len(smtp.messages) == 1
    assert Mail.objects.get(pk=notice_due.pk).status == Mail.Status.SENDING
    tick()
    tick()
    assert len(smtp.messages) == 1
    with time_machine.travel(timezone.now() + timedelta(minutes=15)):
        tick()  # the worker's lease is over: a person is asked
    mail = Mail.objects.get(pk=notice_due.pk)
    assert mail.status == Mail.Status.UNCERTAIN
    settle(mail, counsel, went_out=True, reason=f"The relay's log shows {mail.message_id}.")
    tick()
    assert len(smtp.messages) == 1
    assert Mail.objects.get(pk=notice_due.pk).status == Mail.Status.SENT


@pytest.mark.slow  # a child process
def test_killed_before_the_server_took_the_notice_it_is_not_lost(notice_due, smtp, counsel):
    assert killed_while_sending(smtp, "on_mail_from") == -signal.SIGKILL
    assert smtp.messages == []
    with time_machine.travel(timezone.now() + timedelta(minutes=15)):
        tick()
    mail = Mail.objects.get(pk=notice_due.pk)
    assert mail.status == Mail.Status.UNCERTAIN  # on the case page, for a person to settle
    settle(mail, counsel, went_out=False, reason="The relay's log has no such message.")
    tick()
    assert len(smtp.messages) == 1


@pytest.mark.slow  # a child process
def test_a_worker_told_to_stop_finishes_the_mail_in_hand_and_begins_no_other(notice_due, smtp):
    queue_mail("test:second", ["holder@example.org"], "Second", "Body", "notice", "case:test")
    worker = custodes(smtp, "worker", "--interval", "1")
    smtp.on_data = lambda: os.kill(worker.pid, signal.SIGTERM)  # while it sends the first
    output, _ = worker.communicate(timeout=120)
    assert worker.returncode == 0, output
    assert b"the work in hand finished" in output
    assert len(smtp.messages) == 1
    statuses = sorted(Mail.objects.values_list("status", flat=True))
    assert statuses == [Mail.Status.PENDING, Mail.Status.SENT]


def test_the_outbox_is_the_queue_a_mail_written_is_sent_by_the_next_pass(notice_due, smtp):
    queue_mail("test:second", ["holder@example.org"], "Second", "Body", "notice", "case:test")
    tick()
    assert len(smtp.messages) == 2
    assert set(Mail.objects.values_list("status", flat=True)) == {Mail.Status.SENT}


def test_a_mail_server_that_is_down_delays_the_notice_and_loses_nothing(notice_due, smtp, settings):
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = 1  # nothing listens there
    tick()
    mail = Mail.objects.get(pk=notice_due.pk)
    assert mail.status == Mail.Status.PENDING and mail.attempts == 1 and mail.last_error
    settings.EMAIL_PORT = port
    tick()
    assert smtp.messages == []  # not before its retry time
    with time_machine.travel(timezone.now() + timedelta(minutes=3)):
        tick()
    assert len(smtp.messages) == 1


def test_settling_needs_a_reason_and_an_uncertain_mail(notice_due, counsel):
    from custodes.law.refusal import Refused

    with pytest.raises(Refused, match="Say how you know"):
        settle(notice_due, counsel, went_out=True, reason=" ")
    with pytest.raises(Refused, match="only an uncertain or failed one"):
        settle(notice_due, counsel, went_out=True, reason="checked")
