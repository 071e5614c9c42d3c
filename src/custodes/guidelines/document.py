"""The guidelines and the policy of this desk: the rule pack in force, filled with the
provider's name, address and contacts and the desk's settings."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from custodes.law.guidelines import Guidelines, build, government_domains
from custodes.law.pack import load_pack
from custodes.law.policy import Commitment, commitments
from custodes.provider import provider_name

# The settings a commitment may rest on and the public may read: none of them is a secret.
PUBLIC_SETTINGS = (
    "CUSTODES_CHALLENGE_WINDOW_DAYS",
    "CUSTODES_EMERGENCY_NOTICE_DAYS",
    "CUSTODES_EMERGENCY_HOURS",
    "CUSTODES_GOVERNMENT_DOMAINS",
    "CUSTODES_MAX_SELECTORS",
    "CUSTODES_MAX_DATE_RANGE_DAYS",
    "CUSTODES_NSL_BAND",
    "CUSTODES_REPORT_DELAY_DAYS",
)


def provider_facts() -> dict[str, Any]:
    return {
        "provider": provider_name("This service"),
        "address": settings.CUSTODES_PROVIDER_ADDRESS or "not published; use the portal",
        "contact": settings.CUSTODES_PROVIDER_CONTACT or "through the portal",
        "site_url": settings.CUSTODES_SITE_URL,
        "challenge_window_days": settings.CUSTODES_CHALLENGE_WINDOW_DAYS,
        "emergency_hours": settings.CUSTODES_EMERGENCY_HOURS,
        "emergency_notice_days": settings.CUSTODES_EMERGENCY_NOTICE_DAYS,
        "max_selectors": settings.CUSTODES_MAX_SELECTORS,
        "max_date_range_days": settings.CUSTODES_MAX_DATE_RANGE_DAYS,
        "government_domains": government_domains(settings.CUSTODES_GOVERNMENT_DOMAINS),
    }


def current_guidelines() -> Guidelines:
    return build(load_pack(), provider_facts())


def current_commitments() -> tuple[Commitment, ...]:
    return commitments(load_pack(), {name: getattr(settings, name) for name in PUBLIC_SETTINGS})
