"""The name and title each staff member signs with. Django's user keeps a first and a last
name, which not every name splits into, and no title; the papers of a production need both
as the person writes them."""

from __future__ import annotations

from django.conf import settings
from django.db import models

LONGEST = 200  # characters, of a full name or a title


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    full_name = models.CharField(max_length=LONGEST)
    title = models.CharField(max_length=LONGEST)


def signer(user) -> Profile | None:
    """The profile `user` signs a production's certificate and cover letter with, or None
    while their full name or title is not on record."""
    return Profile.objects.filter(user=user).exclude(full_name="").exclude(title="").first()
