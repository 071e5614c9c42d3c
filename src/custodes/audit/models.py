"""One audit event: who did what to which subject, chained to the event before it."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from custodes.audit import actions


class Event(models.Model):
    sequence = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(max_length=200)  # kept even if the account is renamed
    action = models.CharField(max_length=100)  # namespaced: "custodes.case.moved"
    subject = models.CharField(max_length=100, blank=True, db_index=True)  # "case:C-7Q2…"
    data = models.JSONField(default=dict)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        db_table = "audit_event"
        ordering = ["sequence"]

    @property
    def sentence(self) -> str:
        return actions.sentence(self.action, self.data)

    def __str__(self) -> str:
        return f"#{self.sequence} {self.action} by {self.actor_label}"
