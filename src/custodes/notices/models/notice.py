"""A notice to one account holder: the address staff gave, and once it is due, its e-mail."""

from __future__ import annotations

import secrets
from datetime import date

from django.conf import settings
from django.db import models

from custodes.cases.models import Case
from custodes.law.notice import objection_deadline
from custodes.outbox.models import Mail


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


class Notice(models.Model):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="notices")
    address = models.EmailField()
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when the notice is due and its e-mail written to the outbox.
    mail = models.OneToOneField(
        Mail, null=True, blank=True, on_delete=models.PROTECT, related_name="notice"
    )
    queued_on = models.DateField(null=True, blank=True)
    offers_objection = models.BooleanField(default=False)
    window_days = models.PositiveIntegerField(default=14)
    # The secret in the objection link; the link is signed, and this makes it unguessable
    # even to someone who knows the notice's number.
    nonce = models.CharField(max_length=40, default=new_nonce)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "address"], name="one_notice_per_address")
        ]
        indexes = [
            # Whether a case has a notice still waiting, answered from the index alone: the
            # deadlines ask it of thousands of cases, and without statistics SQLite would
            # otherwise look it up by the mail column, where every waiting notice is NULL.
            models.Index(fields=["case", "mail"], name="notice_case_mail")
        ]
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"notice {self.pk} on {self.case}"

    @property
    def status(self) -> str:
        return self.mail.status if self.mail else "waiting"

    @property
    def sent_on(self) -> date | None:
        if self.mail and self.mail.status == Mail.Status.SENT and self.mail.sent_at:
            return self.mail.sent_at.date()
        return None

    @property
    def objection_deadline(self) -> date | None:
        """The last day to object: the window counts from the day the e-mail went out (or was
        written, if it went out the same day or not yet), whichever is later."""
        if not self.offers_objection or self.queued_on is None:
            return None
        start = max(self.queued_on, self.sent_on or self.queued_on)
        return objection_deadline(start, self.window_days)
