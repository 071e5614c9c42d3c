"""Writing e-mails to the outbox and delivering them. The outbox is the queue: there is no
other.

`queue_mail` is called inside the transaction of the change that needs the e-mail, so the row
exists once that change does. `deliver_due` takes the rows that are due one by one; `deliver`
claims its row with a conditional UPDATE, so two workers never send the same e-mail, and marks
it `sending` (and commits) before it talks to the mail server. A worker killed while sending
leaves the row in `sending`; `recover` later marks it `uncertain` for a person to settle. That
is the one case custodes cannot decide alone: the mail server may have the message or not,
and resending risks a second notice while waiting risks none.
"""

from __future__ import annotations

import smtplib
from collections.abc import Callable
from datetime import timedelta
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from custodes.audit.chain import record
from custodes.law.refusal import Refused
from custodes.outbox.models import Mail

LEASE = timedelta(minutes=10)  # far longer than one SMTP conversation may take
MAX_ATTEMPTS = 8


def queue_mail(key: str, to: list[str], subject: str, body: str, purpose: str, about: str) -> Mail:
    """One e-mail per key: asking again for the same key returns the first and sends nothing."""
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "custodes.invalid"
    mail, _ = Mail.objects.get_or_create(
        key=key,
        defaults={
            "to": to,
            "subject": subject,
            "body": body,
            "purpose": purpose,
            "about": about,
            "message_id": make_msgid("custodes", domain=domain),
        },
    )
    return mail


def _due() -> Q:
    # A new e-mail is due whatever the clocks say; a retried one once its wait is over.
    return Q(status=Mail.Status.PENDING) & (Q(attempts=0) | Q(next_attempt_at__lte=timezone.now()))


def deliver_due(stopping: Callable[[], bool] = lambda: False) -> int:
    """Send every e-mail that is due, oldest first; returns how many were tried. `stopping` is
    asked between e-mails, so a worker told to stop finishes the one in hand and no other."""
    tried = 0
    while not stopping():
        waiting = Mail.objects.filter(_due()).order_by("next_attempt_at", "pk")
        mail_id = waiting.values_list("pk", flat=True).first()
        if mail_id is None:
            return tried
        deliver(mail_id)
        tried += 1
    return tried


def deliver(mail_id: int) -> str:
    """Send one e-mail if it is still waiting; returns its status afterwards."""
    now = timezone.now()
    claimed = Mail.objects.filter(_due(), pk=mail_id).update(
        status=Mail.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    mail = Mail.objects.get(pk=mail_id)
    if not claimed:
        return mail.status
    try:
        _send(mail)
    except smtplib.SMTPRecipientsRefused as error:
        _give_up(mail, f"the mail server refused the address: {_reason(error)}")
    except (smtplib.SMTPException, OSError) as error:
        _retry(mail, _reason(error))
    else:
        _mark_sent(mail)
    mail.refresh_from_db()
    return mail.status


def _send(mail: Mail) -> None:
    message = EmailMessage(
        subject=mail.subject,
        body=mail.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=mail.to,
        headers={"Message-ID": mail.message_id},
    )
    message.send()


def _reason(error: Exception) -> str:
    return (str(error) or type(error).__name__)[:500]


# E-mails whose text is a key (a sign-up's confirmation link): once the mail server has it,
# the row keeps only that it was sent, so that no one who reads the database can use it.
FORGOTTEN_ONCE_SENT = frozenset({"confirmation"})
FORGOTTEN = "(This e-mail held a one-time link; its text is not kept once sent.)"


@transaction.atomic
def _mark_sent(mail: Mail) -> None:
    sent = {"status": Mail.Status.SENT, "sent_at": timezone.now()}
    if mail.purpose in FORGOTTEN_ONCE_SENT:
        sent["body"] = FORGOTTEN
    Mail.objects.filter(pk=mail.pk).update(**sent)
    record(
        "custodes.mail.sent",
        None,
        mail.about,
        {"purpose": mail.purpose, "key": mail.key, "message_id": mail.message_id},
    )


@transaction.atomic
def _retry(mail: Mail, reason: str) -> None:
    if mail.attempts >= MAX_ATTEMPTS:
        _give_up(mail, reason)
        return
    wait = timedelta(minutes=2**mail.attempts)
    Mail.objects.filter(pk=mail.pk).update(
        status=Mail.Status.PENDING, next_attempt_at=timezone.now() + wait, last_error=reason
    )


@transaction.atomic
def _give_up(mail: Mail, reason: str) -> None:
    Mail.objects.filter(pk=mail.pk).update(status=Mail.Status.FAILED, last_error=reason)
    record(
        "custodes.mail.failed",
        None,
        mail.about,
        {"purpose": mail.purpose, "key": mail.key, "error": reason},
    )


def recover() -> None:
    """Mark as uncertain what a stopped worker left `sending`."""
    now = timezone.now()
    for mail in Mail.objects.filter(status=Mail.Status.SENDING, claimed_at__lt=now - LEASE):
        with transaction.atomic():
            if Mail.objects.filter(pk=mail.pk, status=Mail.Status.SENDING).update(
                status=Mail.Status.UNCERTAIN
            ):
                record(
                    "custodes.mail.uncertain",
                    None,
                    mail.about,
                    {"purpose": mail.purpose, "key": mail.key, "message_id": mail.message_id},
                )


@transaction.atomic
def settle(mail: Mail, user, went_out: bool, reason: str) -> Mail:
    """A person settles an uncertain or failed e-mail: it did go out (the mail server's log
    shows its Message-ID), or it is sent again."""
    reason = reason.strip()
    if not reason:
        raise Refused("Say how you know: what the mail server's log shows, or why to resend.")
    mail = Mail.objects.select_for_update().get(pk=mail.pk)
    if mail.status not in (Mail.Status.UNCERTAIN, Mail.Status.FAILED):
        raise Refused(f"This e-mail is {mail.status}; only an uncertain or failed one waits.")
    if went_out and mail.status == Mail.Status.FAILED:
        raise Refused("The mail server refused this e-mail; it can only be sent again.")
    if went_out:
        mail.status, mail.sent_at = Mail.Status.SENT, mail.claimed_at
    else:
        mail.status, mail.next_attempt_at, mail.last_error = (
            Mail.Status.PENDING,
            timezone.now(),
            "",
        )
    mail.save(update_fields=["status", "sent_at", "next_attempt_at", "last_error"])
    record(
        "custodes.mail.settled",
        user,
        mail.about,
        {"key": mail.key, "went_out": went_out, "reason": reason},
    )
    return mail
