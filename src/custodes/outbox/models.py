"""The outbox: every e-mail custodes sends is first a row, written in the same transaction as
the change that calls for it, so no e-mail is lost with a crash and none is sent twice."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class Mail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending"  # waiting for a worker
        SENDING = "sending"  # claimed by a worker that is talking to the mail server
        SENT = "sent"
        # The worker stopped while sending: the mail server may or may not have it. A person
        # checks the mail server's log for the Message-ID and says which; nothing is resent
        # by itself, so a notice is never sent twice.
        UNCERTAIN = "uncertain"
        FAILED = "failed"  # the mail server refused it, or every retry failed

    key = models.CharField(max_length=200, unique=True)  # one e-mail per key, however often asked
    purpose = models.CharField(max_length=40)  # notice, reminder, objection, …
    about = models.CharField(max_length=100, blank=True)  # the audit subject, e.g. case:C-…
    to = models.JSONField()
    subject = models.CharField(max_length=300)
    body = models.TextField()
    message_id = models.CharField(max_length=200, unique=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.purpose} {self.key} ({self.status})"
