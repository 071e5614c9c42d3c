from __future__ import annotations

from functools import wraps

from django.http import Http404
from django.shortcuts import redirect

from custodes.cases.models import Case
from custodes.cases.ownership import own_case
from custodes.requesters.accounts import approved_requester


def requester_required(view):
    """An approved requester, signed in with their second factor."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        requester = (
            approved_requester(user) if user.is_authenticated and user.is_verified() else None
        )
        if requester is None:
            return redirect(f"/portal/login/?next={request.path}")
        request.requester = requester
        return view(request, *args, **kwargs)

    return wrapper


def own_case_or_404(request, reference: str) -> Case:
    case = own_case(request.user, reference)
    if case is None:
        raise Http404("No such demand of yours.")  # the same answer whether or not it exists
    return case
