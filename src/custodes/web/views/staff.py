from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from custodes.cases.people import update_staff
from custodes.cases.roles import ROLES
from custodes.law.refusal import Refused
from custodes.staff.models import Profile
from custodes.web import forms
from custodes.web.access import admin_only


def _staff():
    """Everyone but the requesters, whose names are kept with their portal accounts."""
    return get_user_model().objects.filter(requester__isnull=True)


@admin_only
def staff(request):
    people = _staff().prefetch_related("groups").order_by("username")
    profiles = {p.user_id: p for p in Profile.objects.all()}
    rows = [
        (p, sorted(g.name for g in p.groups.all() if g.name in ROLES), profiles.get(p.pk))
        for p in people
    ]
    return render(request, "web/staff.html", {"rows": rows})


@require_POST
@admin_only
def update(request, user_id: int):
    person = get_object_or_404(_staff(), pk=user_id)
    form = forms.StaffForm(request.POST)
    form.is_valid()  # two texts, blank or not: update_staff judges them
    try:
        profile = update_staff(person, request.user, **form.cleaned_data)
    except Refused as error:
        messages.error(request, f"{person.get_username()}: {error} Nothing was changed.")
    else:
        messages.success(
            request,
            f"Saved. {person.get_username()} signs as {profile.full_name}, {profile.title}.",
        )
    return redirect("web:staff")
