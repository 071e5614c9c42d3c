from __future__ import annotations

from django.contrib.auth import get_user_model
from django.shortcuts import render

from custodes.cases.roles import ROLES
from custodes.web.access import admin_only


@admin_only
def staff(request):
    people = get_user_model().objects.prefetch_related("groups").order_by("username")
    rows = [(p, sorted(g.name for g in p.groups.all() if g.name in ROLES)) for p in people]
    return render(request, "web/staff.html", {"rows": rows})
