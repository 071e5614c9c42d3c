"""A day that staff set, with a reason, for a notice that waits: an emergency notice brought
forward or put back, or counsel's word that telling the user no longer endangers a child."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from custodes.cases.models import Case


class NoticeRuling(models.Model):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="notice_rulings")
    send_on = models.DateField(db_index=True)
    reason = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
