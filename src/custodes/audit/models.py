"""The audit log's tables: the chained events, the signed checkpoints of the chain's head, and
the tally of failed sign-ins that keeps a flood of them out of the chain."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from custodes.audit import actions


class Event(models.Model):
    sequence = models.PositiveBigIntegerField(unique=True)
    # 1: an event hashed before the actor and the scheme were in its hash; 2: every field.
    scheme = models.PositiveSmallIntegerField()
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
    signature = models.CharField(max_length=128, blank=True)  # of `hash`; blank without a key

    class Meta:
        db_table = "audit_event"
        ordering = ["sequence"]

    @property
    def sentence(self) -> str:
        return actions.sentence(self.action, self.data)

    def __str__(self) -> str:
        return f"#{self.sequence} {self.action} by {self.actor_label}"


class Checkpoint(models.Model):
    """The deployment's signed word that the chain held `sequence` events ending in
    `head_hash` at `at`: events after it may follow, none before it may go."""

    at = models.DateTimeField()
    reason = models.CharField(max_length=20)  # "report", "daily", "on demand"
    sequence = models.PositiveBigIntegerField()  # 0 for an empty log
    head_hash = models.CharField(max_length=64)
    public_key = models.CharField(max_length=64)  # raw Ed25519, hex
    signature = models.CharField(max_length=128)

    class Meta:
        db_table = "audit_checkpoint"
        ordering = ["sequence", "id"]


class FailedSignIns(models.Model):
    """Failed and refused sign-ins of one account name in one hour: the first failure is an
    audit event, the rest only count here, so a flood never queues on the chain's lock."""

    subject = models.CharField(max_length=100)  # "user:rita", "requester:dana@fbi.gov"
    hour = models.DateTimeField()
    failures = models.PositiveIntegerField(default=0)  # checked and did not match
    refused = models.PositiveIntegerField(default=0)  # turned away by the sign-in budget
    last_at = models.DateTimeField()
    recorded = models.BooleanField(default=False)  # the hour's count is an audit event

    class Meta:
        db_table = "audit_failed_signins"
        constraints = [
            models.UniqueConstraint(fields=["subject", "hour"], name="one_tally_an_hour")
        ]
