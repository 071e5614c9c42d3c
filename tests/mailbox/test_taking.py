"""Taking one message (no IMAP server needed): the documents a case gets, the demand read from
the one that holds it, the sender's vetting on the case page, and what is set aside."""

from __future__ import annotations

from email.message import EmailMessage

import pytest
from django.test import Client

from custodes.audit.models import Event
from custodes.cases.models import Case
from custodes.mailbox import services
from custodes.mailbox.models import Arrival
from custodes.mailbox.services import message_key, take
from custodes.outbox.models import Mail
from tests.conftest import sign_in
from tests.mailbox.conftest import SUBPOENA, mail, mailbox_at

pytestmark = pytest.mark.django_db

BOX = mailbox_at(1)


def test_a_demand_in_the_body_is_read_from_the_body():
    arrival = take(mail(body=SUBPOENA), BOX)
    case = arrival.case
    assert case.instrument == "grand_jury_subpoena"
    assert [d.original_name for d in case.demand.documents.all()] == ["message.eml"]


def test_the_same_message_again_opens_nothing_new(subpoena_pdf):
    data = mail(attachment=subpoena_pdf)
    first = take(data, BOX)
    assert take(data, BOX) == first
    assert Case.objects.count() == 1 and Mail.objects.count() == 1


def test_the_key_is_the_message_id_and_the_hash_of_the_bytes():
    data = mail()
    message_id, sha256 = message_key(data)
    assert message_id.startswith("<") and message_id.endswith("@fbi.gov>")
    assert len(sha256) == 64
    assert message_key(data.replace(b"Please", b"Kindly"))[1] != sha256


def test_an_attachment_that_cannot_be_read_is_kept_as_it_is(subpoena_pdf):
    message = EmailMessage()
    message["From"] = "agent@fbi.gov"
    message["Subject"] = "Subpoena and a scan"
    message["Message-ID"] = "<scan@fbi.gov>"
    message.set_content("The subpoena and the signed page, scanned.")
    message.add_attachment(subpoena_pdf, maintype="application", subtype="pdf", filename="s.pdf")
    scan = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    message.add_attachment(scan, maintype="image", subtype="png", filename="../../signed.png")
    case = take(message.as_bytes(), BOX).case
    documents = {d.original_name: d for d in case.demand.documents.all()}
    assert set(documents) == {"s.pdf", "message.eml", "signed.png"}  # no folder in a name
    kept = documents["signed.png"]
    assert kept.text == "" and kept.content_type == "application/octet-stream"
    assert kept.file.read() == scan and len(kept.sha256) == 64
    received = Event.objects.get(action="custodes.case.received")
    assert any("kept as it is, not read" in note for note in received.data["document_notes"])


def test_a_message_with_no_demand_in_it_is_set_aside():
    arrival = take(mail(subject="Lunch?", body="Are you free on Thursday?"), BOX)
    assert arrival.disposition == "set_aside" and arrival.case is None
    assert "could not read a demand" in arrival.reason
    assert not Case.objects.exists() and not Mail.objects.exists()
    event = Event.objects.get(action="custodes.mailbox.set_aside")
    assert event.subject == f"mailbox:{arrival.pk}"


def test_bytes_that_are_no_e_mail_are_set_aside():
    arrival = take(b"\x00\x01\x02 not a message", BOX)
    assert arrival.disposition == "set_aside" and "not an e-mail" in arrival.reason


def test_a_spoofed_government_sender_is_not_vetted_and_the_case_says_so(reviewer, subpoena_pdf):
    spoofed = mail(
        sender="FBI Legal <legal@fbi.gov>",
        results="mx.parley.example; spf=fail smtp.mailfrom=x.example; dmarc=fail",
        attachment=subpoena_pdf,
    )
    case = take(spoofed, BOX).case
    assert case.arrival.vetted is False
    page = sign_in(Client(), reviewer).get(f"/cases/{case.reference}/").content.decode()
    assert "Mailed to the legal-process mailbox" in page
    assert "may be forged" in page and "dmarc=fail" in page
    assert not Mail.objects.exists()  # no acknowledgement to whoever was impersonated


def test_a_sender_the_server_could_not_check_is_told_the_demand_will_be_confirmed():
    case = take(mail(body=SUBPOENA, results=None), BOX).case
    assert not case.arrival.vetted and "no Authentication-Results" in case.arrival.vetting
    ack = Mail.objects.get()
    assert ack.to == ["agent@fbi.gov"] and "could not confirm" in ack.body


def test_the_set_aside_list_is_for_case_workers(reviewer, outsider, admin):
    take(mail(headers={"Auto-Submitted": "auto-replied"}, subject="Out of office"), BOX)
    page = sign_in(Client(), reviewer).get("/mailbox/")
    assert page.status_code == 200 and "Out of office" in page.content.decode()
    assert "RFC 3834" in page.content.decode()
    for person in (outsider, admin):
        assert sign_in(Client(), person).get("/mailbox/").status_code == 403
    assert Client().get("/mailbox/").status_code == 302  # to the sign-in page
    assert Arrival.objects.count() == 1


def test_a_second_worker_on_the_same_message_stops_at_its_key(monkeypatch, subpoena_pdf):
    data = mail(attachment=subpoena_pdf)
    message_id, sha256 = message_key(data)
    real = services.read_message

    def rival_first(*args):
        reading = real(*args)  # meanwhile another worker took the same message
        Arrival.objects.create(
            message_id=message_id, sha256=sha256, disposition="case", folder="custodes-processed"
        )
        return reading

    monkeypatch.setattr(services, "read_message", rival_first)
    arrival = take(data, BOX)
    assert arrival.case is None  # the rival's row, as it stands
    assert not Case.objects.exists() and not Mail.objects.exists()  # nothing of ours was kept
