"""The legal-process mailbox against a real IMAP server (Dovecot on loopback, over TLS): a
demand mailed in becomes one case with its acknowledgement and only then leaves the inbox; a
worker stopped between the two opens no second case; what is no demand is set aside."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from custodes.cases.models import Case
from custodes.mailbox import polling
from custodes.mailbox.imap import Connection
from custodes.mailbox.models import Arrival
from custodes.outbox.models import Mail
from custodes.worker import tick
from tests import imapserver
from tests.mailbox.conftest import mail

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_a_demand_mailed_in_becomes_one_case_with_its_acknowledgement(imap, mailbox, subpoena_pdf):
    imap.append(mail(attachment=subpoena_pdf))
    tick()  # the worker's pass: the mailbox first, then the outbox
    case = Case.objects.get()
    assert case.demand.channel == "email"
    assert case.instrument == "grand_jury_subpoena"
    assert [t.value for t in case.targets.all()] == ["harbor.lights"]
    names = [d.original_name for d in case.demand.documents.order_by("pk")]
    assert names == ["subpoena.pdf", "message.eml"]  # the demand's own document first
    assert case.arrival.vetted and "fbi.gov" in case.arrival.vetting
    ack = Mail.objects.get(purpose="acknowledgement")
    assert ack.to == ["agent@fbi.gov"] and case.reference in ack.body
    assert imap.messages("INBOX") == []
    assert len(imap.messages("custodes-processed")) == 1


def test_a_pass_stopped_before_the_move_opens_no_second_case(
    imap, mailbox, subpoena_pdf, monkeypatch
):
    imap.append(mail(attachment=subpoena_pdf))

    def crash(self, uid, folder):
        raise SystemExit("the worker was stopped")

    with monkeypatch.context() as patched:
        patched.setattr(Connection, "move", crash)
        with pytest.raises(SystemExit):
            polling.poll(mailbox)
    assert Case.objects.count() == 1  # committed, the message still in the inbox
    assert len(imap.messages("INBOX")) == 1
    done = polling.poll(mailbox)  # the worker starts again
    assert Case.objects.count() == 1
    assert Mail.objects.filter(purpose="acknowledgement").count() == 1
    assert done.cases == 1  # moved, not opened again
    assert imap.messages("INBOX") == []
    assert len(imap.messages("custodes-processed")) == 1


@pytest.mark.parametrize(
    ("headers", "says"),
    [
        ({"Auto-Submitted": "auto-replied"}, "Auto-Submitted"),
        ({"X-Autoreply": "yes"}, "X-Autoreply"),
        ({"Precedence": "auto_reply"}, "Precedence"),
        ({"X-Spam-Flag": "YES"}, "spam"),
    ],
)
def test_an_automatic_reply_or_spam_is_set_aside(imap, mailbox, headers, says):
    imap.append(mail(subject="Out of office", body="I am away until Monday.", headers=headers))
    done = polling.poll(mailbox)
    assert done.set_aside == 1 and not Case.objects.exists()
    arrival = Arrival.objects.get()
    assert arrival.disposition == "set_aside" and says in arrival.reason
    assert not Mail.objects.exists()  # an automatic reply is never answered
    assert imap.messages("INBOX") == []
    assert len(imap.messages("custodes-set-aside")) == 1


# Loaded by the child process before custodes runs: the worker dies (SIGKILL, no clean-up)
# at the moment it would move the message, after its case is committed.
KILLED_AT_THE_MOVE = """\
import os, signal
from custodes.mailbox import imap
imap.Connection.move = lambda self, uid, folder: os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_worker_killed_before_the_move_opens_no_second_case(
    imap, mailbox, subpoena_pdf, tmp_path
):
    imap.append(mail(attachment=subpoena_pdf))
    (tmp_path / "sitecustomize.py").write_text(KILLED_AT_THE_MOVE)
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        url = f"sqlite:///{db['NAME']}"
    else:
        url = f"postgresql://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]),
        "DJANGO_SETTINGS_MODULE": "custodes.settings",
        "DATABASE_URL": url,
        "SECRET_KEY": settings.SECRET_KEY,
        "CUSTODES_IMAP_URL": f"imaps://{imapserver.USER}@127.0.0.1:{imap.port}/INBOX",
        "CUSTODES_IMAP_PASSWORD": imapserver.PASSWORD,
        "CUSTODES_IMAP_CA_FILE": str(imap.ca_file),
        "CUSTODES_IMAP_AUTHSERV_ID": "mx.parley.example",
    }
    command = Path(sys.executable).with_name("custodes")
    done = subprocess.run([str(command), "tick"], env=env, capture_output=True, timeout=120)
    assert done.returncode == -signal.SIGKILL
    assert Case.objects.count() == 1 and len(imap.messages("INBOX")) == 1
    tick()  # the worker again, whole
    assert Case.objects.count() == 1
    assert Mail.objects.filter(purpose="acknowledgement").count() == 1
    assert imap.messages("INBOX") == [] and len(imap.messages("custodes-processed")) == 1


def test_a_server_without_move_gets_copy_and_expunge(imap, mailbox, subpoena_pdf, monkeypatch):
    real = Connection.refresh_capabilities

    def without_move(self):
        real(self)
        assert "MOVE" in self.client.capabilities  # Dovecot has it; this test takes it away
        self.client.capabilities = tuple(c for c in self.client.capabilities if c != "MOVE")

    monkeypatch.setattr(Connection, "refresh_capabilities", without_move)
    imap.append(mail(attachment=subpoena_pdf))
    assert polling.poll(mailbox).cases == 1
    assert imap.messages("INBOX") == [] and len(imap.messages("custodes-processed")) == 1
