"""Who may see a page: every staff page needs a signed-in, second-factor-verified person
with a role that reaches it. Nothing is visible without login."""

from __future__ import annotations

from functools import wraps

from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.template.loader import render_to_string

from custodes.cases import roles


def _verified(user) -> bool:
    return user.is_authenticated and user.is_verified()


def _forbidden(request, why: str):
    return HttpResponseForbidden(render_to_string("web/forbidden.html", {"why": why}, request))


def requires(check, why: str):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not _verified(request.user):
                return redirect(f"/login/?next={request.path}")
            if not check(request.user):
                return _forbidden(request, why)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


case_worker = requires(roles.works_cases, "Cases are open to reviewers and counsel only.")
admin_only = requires(roles.is_admin, "This page is for administrators.")


def approves_requesters(user) -> bool:
    return roles.is_admin(user) or roles.is_counsel(user)


requester_approver = requires(
    approves_requesters, "Requesters are approved by counsel or an administrator."
)


def landing(user) -> str:
    """Where a person lands after signing in: the queue, or the staff page for an
    administrator, who sees no case."""
    return "/" if roles.works_cases(user) or not roles.is_admin(user) else "/staff/"
