"""One demand, one case: a demand that repeats an open case is flagged on arrival
(`services.join_duplicate` and `services.clear_duplicate` settle the flag)."""

from __future__ import annotations

from django.db.models import Q

from custodes.cases.models import Case
from custodes.cases.workflow import State


def find_original(case: Case) -> Case | None:
    """An open case this one repeats: the same document (by SHA-256), or the same
    requester's e-mail and reference number."""
    demand = case.demand
    digests = list(demand.documents.values_list("sha256", flat=True))
    email = demand.structured.requester.email
    same = Q(demand__documents__sha256__in=digests) if digests else Q(pk__in=[])
    if email and demand.case_number:
        same |= Q(demand__case_number=demand.case_number, demand__request__requester__email=email)
    found = Case.objects.exclude(pk=case.pk).exclude(state=State.CLOSED).filter(same)
    return found.order_by("created_at").first()


def flag(case: Case) -> Case | None:
    """Called as the case opens, in its transaction."""
    original = find_original(case)
    if original is not None:
        case.duplicate_of = original
        case.save(update_fields=["duplicate_of", "updated_at"])
    return original
