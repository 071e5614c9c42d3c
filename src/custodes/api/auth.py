"""Bearer tokens, with the rate limits checked before anything else is read."""

from __future__ import annotations

import math

from django.conf import settings
from ninja.security import HttpBearer

from custodes.api.errors import ApiError
from custodes.requesters import ratelimit, tokens


class TokenAuth(HttpBearer):
    def __call__(self, request):
        # Every request counts against its address, with a token or without one.
        # REMOTE_ADDR, never X-Forwarded-For: a client could write that header itself.
        _limit(f"addr:{request.META.get('REMOTE_ADDR', '')}", settings.CUSTODES_API_PER_ADDRESS)
        return super().__call__(request)

    def authenticate(self, request, token: str):
        user = tokens.user_for(token)
        if user is None:
            return None
        _limit(f"token:{user.pk}", settings.CUSTODES_API_PER_TOKEN)
        return user


def _limit(key: str, per_minute: int) -> None:
    wait = ratelimit.take(key, ratelimit.Limit(per_minute, 60))
    if wait is not None:
        seconds = max(1, math.ceil(wait))
        raise ApiError(
            429,
            "rate_limited",
            f"Too many requests; try again in {seconds} s (limit {per_minute} a minute).",
            retry_after=seconds,
        )
