"""A preservation under 18 U.S.C. § 2703(f): kept for 90 days, extendable once by 90 on the
requester's renewed request, then released (the days are the rule pack's)."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import models

from custodes.cases.models.case import Case
from custodes.law.pack import load_pack

PERIOD = timedelta(days=load_pack().defaults["preservation_days"])
EXTENSION = timedelta(days=load_pack().defaults["preservation_extension_days"])


class Preservation(models.Model):
    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="preservation")
    preserved_on = models.DateField()
    ends_on = models.DateField()
    extended_on = models.DateField(null=True, blank=True)
    extension_reason = models.TextField(blank=True)
    released_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return f"preservation on {self.case} until {self.ends_on}"

    @classmethod
    def starting(cls, case: Case, on: date, user) -> Preservation:
        return cls(case=case, preserved_on=on, ends_on=on + PERIOD, recorded_by=user)
