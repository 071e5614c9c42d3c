"""What a requester may see: their own demands, and nothing that tells them others exist."""

from __future__ import annotations

from custodes import sql
from custodes.cases.models import Case


def cases_of(requester_user):
    """The requester's own cases, newest first."""
    return (
        Case.objects.filter(demand__submitted_by=requester_user)
        .select_related("demand")
        .order_by("-created_at", "-id")
    )


def own_case(requester_user, reference: str) -> Case | None:
    """The requester's case with this reference; None alike for another's and for none."""
    return sql.own_case(requester_user.pk, reference)
