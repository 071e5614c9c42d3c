"""What staff know of a court's non-disclosure order beyond what the demand says (whether the
order exists and when it ends are the request's `nondisclosure`): that the court lifted it
early, and when counsel last asked the court to end an order that has no end date."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from custodes.cases.models import Case, Document


class NonDisclosureOrder(models.Model):
    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="nondisclosure")
    lifted_on = models.DateField(null=True, blank=True, db_index=True)
    lifting_order = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    last_asked_on = models.DateField(null=True, blank=True, db_index=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"non-disclosure order on {self.case}"
