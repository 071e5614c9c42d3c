"""A demand as it arrived: the structured request, and the documents it came in."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from custodes.law.request import Request


class Demand(models.Model):
    class Channel(models.TextChoices):
        UPLOAD = "upload"
        PORTAL = "portal"
        API = "api"
        EMAIL = "email"
        TYPED = "typed"  # typed in by staff from a document custodes cannot read

    channel = models.CharField(max_length=20, choices=Channel.choices)
    received_on = models.DateField()
    extracted = models.JSONField()  # the request as intake read it (contract shape), never edited
    request = models.JSONField()  # the request as it stands, with the reviewers' corrections
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="demands",
    )
    case_number = models.CharField(max_length=100, blank=True)  # the requester's own reference
    # For an emergency: {"nature", "danger", "callback_number"} as the requester gave them.
    emergency_details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.request.get('instrument')} received {self.received_on}"

    @property
    def structured(self) -> Request:
        """The request as it stands, typed (what `request` holds is `Request.to_dict()`)."""
        return Request.from_dict(self.request)


class Document(models.Model):
    demand = models.ForeignKey(Demand, on_delete=models.PROTECT, related_name="documents")
    file = models.FileField(upload_to="demands/%Y/%m/")
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    text = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.original_name
