"""Staff roles, held as Django groups: reviewer works cases, counsel also clears escalations
and overrides the engine, admin manages people and settings (and sees no case)."""

from __future__ import annotations

REVIEWER, COUNSEL, ADMIN = "reviewer", "counsel", "admin"
ROLES = (REVIEWER, COUNSEL, ADMIN)


def roles_of(user) -> frozenset[str]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_custodes_roles", None)
    if cached is None:
        cached = frozenset(user.groups.filter(name__in=ROLES).values_list("name", flat=True))
        user._custodes_roles = cached
    return cached


def works_cases(user) -> bool:
    return bool(roles_of(user) & {REVIEWER, COUNSEL})


def is_counsel(user) -> bool:
    return COUNSEL in roles_of(user)


def is_admin(user) -> bool:
    return ADMIN in roles_of(user)


def case_workers():
    """Everyone who may be given a case."""
    from django.contrib.auth import get_user_model

    people = get_user_model().objects.filter(is_active=True, groups__name__in=(REVIEWER, COUNSEL))
    return people.distinct().order_by("username")
