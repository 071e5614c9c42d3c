"""What the engine decided, as it was, and what people decided after it."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from custodes.cases.models.case import Case
from custodes.law.approval import APPROVING
from custodes.law.decision import Decision as EngineDecision
from custodes.law.vocab import Action


class EngineReview(models.Model):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="reviews")
    pack_version = models.CharField(max_length=40)
    request = models.JSONField()  # the request the engine read
    decision = models.JSONField()  # the contract's decision object, findings and citations
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        get_latest_by = "created_at"
        ordering = ["-created_at", "-id"]  # newest first: `case.latest_review`

    def as_decision(self) -> EngineDecision:
        """The stored decision, typed as the engine gave it."""
        return EngineDecision.from_dict(self.decision)


class DecisionQuerySet(models.QuerySet):
    def in_force(self):
        """The decisions no correction has voided; the newest is the one in force."""
        return self.filter(voided_at=None)


class Decision(models.Model):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="decisions")
    review = models.ForeignKey(EngineReview, on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=30, choices=[(a.value, a.value) for a in Action])
    allowed_categories = models.JSONField(default=list)
    overrides_engine = models.BooleanField(default=False)
    # The author's role when they decided: what counsel approved stays counsel's approval.
    by_counsel = models.BooleanField(default=False)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # A decision is void once a correction changes the engine's review it was made on.
    voided_at = models.DateTimeField(null=True, blank=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    @property
    def approves(self) -> bool:
        """A decision to produce something (who may approve it is the gate's question)."""
        return self.action in APPROVING and bool(self.allowed_categories)
