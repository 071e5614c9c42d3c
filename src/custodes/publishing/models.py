"""A demand published after the gag: its text and decision as composed when counsel proposed
it, the redactions a person reviewed, and once approved the redacted text the public sees.
The original stays with the case; only `redacted_text` is ever shown outside the desk."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models

from custodes.cases.models import Case


def new_slug() -> str:
    """A stable public name that says nothing of the case: 'd-' and 10 random characters."""
    alphabet = "23456789abcdefghjkmnpqrstuvwxyz"
    return "d-" + "".join(secrets.choice(alphabet) for _ in range(10))


class Publication(models.Model):
    class State(models.TextChoices):
        PROPOSED = "proposed"
        PUBLISHED = "published"

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="publication")
    slug = models.SlugField(max_length=20, unique=True, default=new_slug)
    state = models.CharField(max_length=20, choices=State.choices, default=State.PROPOSED)
    text = models.TextField()  # the demand and the decision, unredacted: never public
    spans = models.JSONField(default=list)  # the redactions: [{"start", "end", "kind"}]
    redacted_text = models.TextField(blank=True)  # set on approval: what the public sees
    record = models.JSONField(default=dict)  # the published facts (process, agency, outcome…)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-published_at", "-id"]

    def __str__(self) -> str:
        return self.slug

    @property
    def subject(self) -> str:
        return self.case.subject
