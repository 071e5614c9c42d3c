"""A user's objection, made through the link in their notice, and how it ended."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from custodes.cases.models import Document
from custodes.notices.models.notice import Notice


class Objection(models.Model):
    class Outcome(models.TextChoices):
        QUASHED = "quashed", "the court quashed the demand"
        WITHDRAWN = "withdrawn", "the requester withdrew the demand"
        DENIED = "denied", "the court denied the objection"

    notice = models.OneToOneField(Notice, on_delete=models.PROTECT, related_name="objection")
    received_at = models.DateTimeField(auto_now_add=True)
    lawyer = models.CharField(max_length=500, blank=True)  # the user's lawyer, if they gave one
    statement = models.TextField(blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    court_order = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"objection to {self.notice}"
