from __future__ import annotations

from functools import wraps

from django.shortcuts import redirect

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
