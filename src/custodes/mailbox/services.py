"""Taking one message from the mailbox: a case opened with its acknowledgement, or the message
set aside, in one transaction with its audit event. The same message seen again returns what
was done the first time, so a worker stopped between the commit and the move opens nothing
twice."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from custodes.audit.chain import record
from custodes.cases.models import Demand
from custodes.cases.services import open_case
from custodes.mailbox.config import Mailbox
from custodes.mailbox.models import Arrival
from custodes.mailbox.reading import Reading, read_message
from custodes.mailbox.sender import FAIL, SenderCheck
from custodes.outbox.delivery import queue_mail
from custodes.provider import provider_name


def message_key(data: bytes) -> tuple[str, str]:
    """The Message-ID as the server has it (read from the raw header, unfolded) and the
    SHA-256 of the bytes."""
    head = data.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    message_id = ""
    lines = head.replace(b"\r\n", b"\n").split(b"\n")
    for index, line in enumerate(lines):
        if line[:11].lower() == b"message-id:":
            value = line[11:]
            for more in lines[index + 1 :]:
                if not more[:1].isspace():
                    break
                value += more
            message_id = value.decode("latin-1").strip()[:300]
            break
    return message_id, hashlib.sha256(data).hexdigest()


def take(data: bytes, mailbox: Mailbox) -> Arrival:
    """Open a case for the message, or set it aside; an arrival already taken is returned as
    it was."""
    message_id, sha256 = message_key(data)
    taken = Arrival.objects.filter(message_id=message_id, sha256=sha256).first()
    if taken:
        return taken
    reading = read_message(data, settings.CUSTODES_GOVERNMENT_DOMAINS, mailbox.authserv_id)
    try:
        with transaction.atomic():
            arrival = _arrival(message_id, sha256, reading, mailbox)
            if reading.set_aside:
                _set_aside(arrival)
            else:
                _open(arrival, reading)
            return arrival
    except IntegrityError:  # another worker took it meanwhile
        return Arrival.objects.get(message_id=message_id, sha256=sha256)


def _arrival(message_id: str, sha256: str, reading: Reading, mailbox: Mailbox) -> Arrival:
    """The row first, so that a second worker on the same message stops at its key."""
    aside = bool(reading.set_aside)
    return Arrival.objects.create(
        message_id=message_id,
        sha256=sha256,
        disposition=Arrival.Disposition.SET_ASIDE if aside else Arrival.Disposition.CASE,
        sender=reading.sender[:320],
        subject=reading.subject[:300],
        reason=reading.set_aside,
        folder=mailbox.set_aside_folder if aside else mailbox.processed_folder,
    )


def _set_aside(arrival: Arrival) -> None:
    record(
        "custodes.mailbox.set_aside",
        None,
        f"mailbox:{arrival.pk}",
        {"sender": arrival.sender, "subject": arrival.subject, "reason": arrival.reason},
    )


def _open(arrival: Arrival, reading: Reading) -> None:
    check = reading.check
    main, *others = reading.documents
    case = open_case(
        reading.request,
        channel=Demand.Channel.EMAIL,
        user=None,
        received_on=timezone.localdate(),
        document=main,
        more_documents=others,
    )
    arrival.case, arrival.vetted, arrival.vetting = case, check.vetted, check.reason
    arrival.save(update_fields=["case", "vetted", "vetting"])
    record(
        "custodes.mailbox.sender_vetted",
        None,
        case.subject,
        {
            "sender": check.address,
            "vetted": check.vetted,
            "authentication": check.authentication,
            "reason": check.reason,
        },
    )
    # A From: that the mail server's check refuted is not the sender's: answering it would
    # send the acknowledgement to whoever was impersonated (backscatter).
    if check.address and check.authentication != FAIL:
        _acknowledge(arrival, case, check)


def _acknowledge(arrival: Arrival, case, check: SenderCheck) -> None:
    body = render_to_string(
        "mailbox/acknowledgement.txt",
        {
            "reference": case.reference,
            "subject": arrival.subject,
            "received_on": case.demand.received_on,
            "vetted": check.vetted,
            "provider": provider_name(),
            "portal": f"{settings.CUSTODES_SITE_URL}/portal/",
            "contact": settings.CUSTODES_PROVIDER_CONTACT,
        },
    )
    subject = f"Received: your demand is {case.reference}"
    key = f"mailbox-ack:{arrival.pk}"
    queue_mail(key, [check.address], subject, body, "acknowledgement", case.subject)
