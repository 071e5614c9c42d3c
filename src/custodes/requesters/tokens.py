"""API tokens: shown once, stored only as their SHA-256."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from custodes import sql
from custodes.audit.chain import record
from custodes.requesters.models import ApiToken

PREFIX = "cst_"
LAST_USED_PRECISION = timedelta(minutes=1)  # recorded to the minute, not written every call


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def issue(user) -> str:
    token = PREFIX + secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, key_hash=_hash(token), prefix=token[:12])
    record("custodes.token.issued", user, f"user:{user.get_username()}", {"prefix": token[:12]})
    return token


def user_for(token: str):
    if not token.startswith(PREFIX):
        return None
    found = sql.token_user(_hash(token))
    if found is None:
        return None
    token_id, last_used_at, user = found
    if not user.is_active:
        return None
    now = timezone.now()
    if last_used_at is None or now - last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token_id).update(last_used_at=now)
    return user
