"""The messages the legal-process mailbox set aside (automatic replies, bounces, spam, what
custodes could not read as a demand), for a person to look at in the mailbox's folder."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render

from custodes.mailbox.models import Arrival
from custodes.web.access import case_worker

SHOWN = 200


@case_worker
def set_aside(request):
    arrivals = Arrival.objects.filter(disposition=Arrival.Disposition.SET_ASIDE)
    context = {
        "arrivals": arrivals.order_by("-taken_at", "-pk")[:SHOWN],
        "count": arrivals.count(),
        "shown": SHOWN,
        "mailbox": settings.CUSTODES_MAILBOX,
    }
    return render(request, "web/mailbox.html", context)
