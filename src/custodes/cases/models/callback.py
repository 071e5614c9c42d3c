"""A call-back: staff confirmed an emergency request by calling the agency on a number
found independently (its published switchboard), never the number in the request."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from custodes.cases.models.case import Case


class CallBack(models.Model):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="callbacks")
    number = models.CharField(max_length=40)
    source = models.CharField(max_length=300)  # where the number came from
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
