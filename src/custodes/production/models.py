"""What custodes keeps of a production: which accounts each target named in the provider's
data, each sealed package (its key is never kept: only the public half), and the choices
people made on what a package holds."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from custodes.cases.models import Case, Target


class Match(models.Model):
    class Status(models.TextChoices):
        MATCHED = "matched"  # one account, or a reviewer chose one of several
        AMBIGUOUS = "ambiguous"  # several accounts: a reviewer chooses, nothing is guessed
        NONE = "none"  # no records
        UNSUPPORTED = "unsupported"  # the connector cannot look this kind up

    target = models.OneToOneField(Target, on_delete=models.CASCADE, related_name="match")
    status = models.CharField(max_length=20, choices=Status.choices)
    candidates = models.JSONField(default=list)
    account = models.CharField(max_length=200, blank=True)
    contact = models.EmailField(blank=True)  # the account holder's address, for the notice
    note = models.CharField(max_length=500, blank=True)
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)


class Production(models.Model):
    class Status(models.TextChoices):
        SEALING = "sealing"
        SEALED = "sealed"
        FAILED = "failed"

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="productions")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SEALING)
    recipient = models.CharField(max_length=100)  # the age public key it is encrypted to
    archive = models.FileField(upload_to="productions/%Y/%m/", blank=True)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)  # of the encrypted archive
    manifest = models.JSONField(default=dict)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)  # by the worker sealing it
    sealed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"production {self.pk} of {self.case}"

    @property
    def file_name(self) -> str:
        return f"{self.case.reference}-production-{self.pk}.zip.age"


class DatasetChoice(models.Model):
    """A person's choice on what a case's package holds: a dataset, or one of its columns,
    left out or included, with why. The latest on each dataset or column stands."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="dataset_choices")
    dataset = models.CharField(max_length=100)
    column = models.CharField(max_length=200, blank=True)  # blank: the dataset whole
    include = models.BooleanField()
    reason = models.TextField()
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    chosen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["chosen_at", "id"]
