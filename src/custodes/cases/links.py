"""The link to a case's page on the staff desk, as e-mail to staff carries it."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from custodes.cases.models import Case


def case_link(case: Case) -> str:
    return settings.CUSTODES_SITE_URL + reverse("web:case", kwargs={"reference": case.reference})
