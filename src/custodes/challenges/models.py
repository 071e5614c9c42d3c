"""Challenges to a demand, tracked to their end: a motion to quash, a letter of objection or
a petition, filed by the account holder, the provider or both, for some of the accounts the
demand names; counsel's word that production for the accounts nobody challenged may go
ahead; and counsel's decision on an objection that was not followed by a filing."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from custodes.cases.models import Case, Document
from custodes.notices.models import Objection


class Challenge(models.Model):
    class FiledBy(models.TextChoices):
        HOLDER = "holder", "the account holder"
        PROVIDER = "provider", "the provider"
        BOTH = "both", "the account holder and the provider"

    class Kind(models.TextChoices):
        MOTION_TO_QUASH = "motion_to_quash", "motion to quash"
        LETTER_OF_OBJECTION = "letter_of_objection", "letter of objection"
        PETITION = "petition", "petition"

    class Ruling(models.TextChoices):
        PENDING = "pending", "pending"
        QUASHED = "quashed", "quashed"
        NARROWED = "narrowed", "narrowed"
        DENIED = "denied", "denied"
        WITHDRAWN = "withdrawn", "withdrawn by the agency"
        DROPPED = "dropped", "dropped"

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="challenges")
    # The targets it is for, as the case labels them ("username northside.alerts"): kept as
    # labels so that a correction that sets the targets again does not lose them.
    accounts = models.JSONField(default=list)
    # The account holders' objections it follows (a holder's filing after their notice).
    objections = models.ManyToManyField(Objection, blank=True, related_name="challenges")
    filed_by = models.CharField(max_length=20, choices=FiledBy.choices)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    court = models.CharField(max_length=300, blank=True)  # a letter of objection has none
    docket = models.CharField(max_length=100, blank=True)
    filed_on = models.DateField()
    hearing_on = models.DateField(null=True, blank=True)
    ruling = models.CharField(max_length=20, choices=Ruling.choices, default=Ruling.PENDING)
    ruled_on = models.DateField(null=True, blank=True)
    ruled_at = models.DateTimeField(null=True, blank=True)  # when counsel recorded the ruling
    ruling_reason = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    documents = models.ManyToManyField(Document, blank=True, related_name="+")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["filed_on", "id"]

    def __str__(self) -> str:
        where = f" in {self.court}" if self.court else ""
        docket = f", No. {self.docket}" if self.docket else ""
        return f"{self.get_kind_display()} by {self.get_filed_by_display()}{where}{docket}"

    @property
    def pending(self) -> bool:
        return self.ruling == self.Ruling.PENDING

    @property
    def by_holder(self) -> bool:
        return self.filed_by in (self.FiledBy.HOLDER, self.FiledBy.BOTH)

    @property
    def by_provider(self) -> bool:
        return self.filed_by in (self.FiledBy.PROVIDER, self.FiledBy.BOTH)


class GoAhead(models.Model):
    """Counsel's word that production for the accounts nobody challenged may go ahead while
    the challenged ones are held back (those are `held_back`, as they stood)."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="go_aheads")
    held_back = models.JSONField(default=list)
    reason = models.TextField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class FilingDecision(models.Model):
    """Counsel's decision on an objection that no filing in court followed in time: it lapses
    (it no longer holds production back), or counsel keeps waiting (it comes back later)."""

    class Decision(models.TextChoices):
        LAPSE = "lapse", "the objection lapses"
        WAIT = "wait", "keep waiting for a filing"

    objection = models.ForeignKey(
        Objection, on_delete=models.PROTECT, related_name="filing_decisions"
    )
    decision = models.CharField(max_length=10, choices=Decision.choices)
    reason = models.TextField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
