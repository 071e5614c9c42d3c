"""Requesters, their API tokens, and the rate-limit buckets."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Requester(models.Model):
    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed"  # the e-mail link has not been followed
        PENDING = "pending"  # confirmed, waiting for staff
        APPROVED = "approved"
        REFUSED = "refused"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="requester"
    )
    name = models.CharField(max_length=200)
    agency = models.CharField(max_length=200)
    phone = models.CharField(max_length=40, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.UNCONFIRMED)
    domain_verdict = models.CharField(max_length=10)  # accept | hold (refused never get here)
    domain_reason = models.TextField()
    email_confirmed_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.agency})"


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    key_hash = models.CharField(max_length=64, unique=True)  # SHA-256 of the token; never the token
    prefix = models.CharField(max_length=12)  # shown to tell tokens apart
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)


class RateBucket(models.Model):
    """A token bucket: `tokens` left at `refilled_at` (seconds since the epoch, so that one
    UPDATE can do the refill arithmetic on SQLite and PostgreSQL alike)."""

    key = models.CharField(max_length=200, unique=True)
    tokens = models.FloatField()
    refilled_at = models.FloatField()
