"""The provider's name as its users and requesters read it: the first of CUSTODES_PROVIDER."""

from __future__ import annotations

from django.conf import settings


def provider_name(default: str | None = "The provider") -> str | None:
    return settings.CUSTODES_PROVIDER[0] if settings.CUSTODES_PROVIDER else default
