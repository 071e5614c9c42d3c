"""Letters to the requester, written from the decision and sent once staff have read them;
and the requester's replies, each with what it changed in the demand."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from custodes.cases.models import Case, Document
from custodes.outbox.models import Mail


class Letter(models.Model):
    class Kind(models.TextChoices):
        CLARIFY = "clarify", "what is missing"
        PUSHBACK = "pushback", "what the process reaches"
        REJECTION = "rejection", "why we cannot answer"
        PRESERVATION = "preservation", "records preserved"
        JUDICIAL_REVIEW = "judicial_review", "asking for judicial review of secrecy"

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="letters")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    action = models.CharField(max_length=30)  # the decision it was written from
    to = models.EmailField()
    subject = models.CharField(max_length=300)
    body = models.TextField()
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Once sent, a letter is what the requester received: it is never edited again.
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    mail = models.OneToOneField(Mail, null=True, blank=True, on_delete=models.PROTECT)
    pdf = models.FileField(upload_to="letters/%Y/%m/", blank=True)
    sha256 = models.CharField(max_length=64, blank=True)  # of the PDF

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} letter on {self.case}"

    @property
    def file_name(self) -> str:
        return f"{self.case.reference}-{self.kind}-{self.pk}.pdf"


class Reply(models.Model):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    message = models.TextField(blank=True)
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    changes = models.JSONField(default=dict)  # {field: {"from": …, "to": …}}
    action_before = models.CharField(max_length=30)
    action_after = models.CharField(max_length=30)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"reply on {self.case}"
