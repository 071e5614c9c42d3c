"""What the mailbox did with each message it took: the case it opened, or why it set the
message aside. One row per message, keyed on its Message-ID and the SHA-256 of its bytes, so a
message seen again (the worker stopped after the case was committed and before the message
was moved) is recognised and only moved."""

from __future__ import annotations

from django.db import models

from custodes.cases.models import Case


class Arrival(models.Model):
    class Disposition(models.TextChoices):
        CASE = "case"
        SET_ASIDE = "set_aside"

    message_id = models.CharField(max_length=300, blank=True)  # "" when the message has none
    sha256 = models.CharField(max_length=64)  # of the message's bytes as the server gave them
    disposition = models.CharField(max_length=20, choices=Disposition.choices)
    case = models.OneToOneField(
        Case, null=True, blank=True, on_delete=models.PROTECT, related_name="arrival"
    )
    sender = models.CharField(max_length=320, blank=True)  # the From: line as written
    subject = models.CharField(max_length=300, blank=True)
    reason = models.TextField(blank=True)  # why it was set aside
    # The sender's address vetted as a sign-up is, and whether the mail server confirmed it.
    vetted = models.BooleanField(default=False)
    vetting = models.TextField(blank=True)
    folder = models.CharField(max_length=200)  # where the message was moved to
    taken_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["message_id", "sha256"], name="mailbox_one_per_message")
        ]
        indexes = [models.Index(fields=["disposition", "-taken_at"])]

    def __str__(self) -> str:
        return f"{self.disposition}: {self.subject[:60]}"
