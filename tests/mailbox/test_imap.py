"""The legal-process mailbox against a real IMAP server (Dovecot on loopback, over TLS): a
demand mailed in becomes one case with its acknowledgement and only then leaves the inbox; a
worker stopped between the two opens no second case; what is no demand is set aside."""

from __future__ import annotations

import pytest

from custodes.cases.models import Case
from custodes.mailbox import polling
from custodes.mailbox.imap import Connection
from custodes.mailbox.models import Arrival
from custodes.outbox.models import Mail
from custodes.worker import tick
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


def test_a_worker_stopped_before_the_move_opens_no_second_case(
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
