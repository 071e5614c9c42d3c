"""That the provider asked the FBI to seek judicial review of a national security letter's
secrecy (18 U.S.C. § 3511(b)(1)(A)): when, how, and the request as sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from custodes.cases.models import Case, Document


class JudicialReviewAsked(models.Model):
    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="review_asked")
    asked_on = models.DateField()
    how = models.CharField(max_length=200)
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"judicial review asked on {self.case}"
