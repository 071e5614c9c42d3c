"""How many sign-in attempts an address and an account may make, staff's and requesters'
alike: the API's token buckets, taken before a password is looked at or anything else is
written, so that a flood is turned away at the door.

An account's bucket is keyed by a digest of the name typed, which may be anything (a
password typed in the wrong box, too): the name itself is not kept in the bucket's key.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

from django.conf import settings
from django.shortcuts import render

from custodes.requesters.ratelimit import Limit, take

WINDOW_SECONDS = 15 * 60


@dataclass(frozen=True)
class Refusal:
    seconds: int
    whose: str  # "from this address", "for this account"

    @property
    def message(self) -> str:
        wait = (
            f"{self.seconds} seconds"
            if self.seconds < 120
            else f"{math.ceil(self.seconds / 60)} minutes"
        )
        return f"Too many sign-in attempts {self.whose}. Nothing was checked; try again in {wait}."


def check(request, face: str, account: str) -> Refusal | None:
    """Take one attempt from the address's budget, then from the account's; the refusal,
    with the time to wait, when either is spent."""
    # REMOTE_ADDR, never X-Forwarded-For: a client could write that header itself.
    address = request.META.get("REMOTE_ADDR", "")
    per_address = Limit(settings.CUSTODES_SIGNIN_PER_ADDRESS, WINDOW_SECONDS)
    wait = take(f"signin:addr:{address}", per_address)
    if wait is not None:
        return Refusal(max(1, math.ceil(wait)), "from this address")
    name = hashlib.sha256(f"{face}:{account.strip().lower()}".encode()).hexdigest()[:32]
    per_account = Limit(settings.CUSTODES_SIGNIN_PER_ACCOUNT, WINDOW_SECONDS)
    wait = take(f"signin:account:{name}", per_account)
    if wait is not None:
        return Refusal(max(1, math.ceil(wait)), "for this account")
    return None


def refuse(request, template: str, context: dict, refusal: Refusal):
    response = render(request, template, {**context, "error": refusal.message}, status=429)
    response["Retry-After"] = str(refusal.seconds)
    return response
