from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from custodes.edge import every_error, refuse
from custodes.law.refusal import Refused
from custodes.requesters import accounts
from custodes.requesters.models import Requester
from custodes.web import forms
from custodes.web.access import requester_approver


@requester_approver
def requesters(request):
    pending = Requester.objects.select_related("user").filter(status=Requester.Status.PENDING)
    decided = (
        Requester.objects.select_related("user", "decided_by")
        .exclude(status__in=[Requester.Status.PENDING, Requester.Status.UNCONFIRMED])
        .order_by("-created_at")[:100]
    )
    return render(request, "web/requesters.html", {"pending": pending, "decided": decided})


@require_POST
@requester_approver
def decide_requester(request, requester_id: int):
    requester = get_object_or_404(Requester, pk=requester_id)
    form = forms.RequesterDecisionForm(request.POST)
    if form.is_valid():
        try:
            data = form.cleaned_data
            accounts.decide(requester, request.user, data["decision"], data["reason"])
        except Refused as error:
            refuse(form, error)
    for error in every_error(form):
        messages.error(request, error)
    return redirect("/staff/requesters/")
