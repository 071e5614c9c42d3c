from __future__ import annotations

from datetime import timedelta

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from custodes.cases.models import Case
from custodes.cases.models.case import OPEN_CASES, QUEUE_ORDER
from custodes.cases.workflow import State
from custodes.law.vocab import Instrument
from custodes.notices.deadlines import overdue
from custodes.web.access import case_worker

PAGE_SIZE = 50
OVERDUE_SHOWN = 20


@case_worker
def queue(request):
    cases = Case.objects.all()
    state = request.GET.get("state", "")
    if state in State.values:
        cases = cases.filter(state=state)
    elif state != "all":
        cases = cases.filter(OPEN_CASES)
    instrument = request.GET.get("instrument", "")
    if instrument in {i.value for i in Instrument}:
        cases = cases.filter(instrument=instrument)
    agency = request.GET.get("agency", "").strip()
    if agency:
        cases = cases.filter(agency__icontains=agency)
    today = timezone.localdate()
    due = request.GET.get("due", "")
    if due == "overdue":
        cases = cases.filter(OPEN_CASES, due_on__lt=today)
    elif due == "week":
        cases = cases.filter(due_on__gte=today, due_on__lte=today + timedelta(days=7))
    cases = cases.order_by(*QUEUE_ORDER).only(
        "reference",
        "state",
        "outcome",
        "instrument",
        "agency",
        "due_on",
        "due_at",
        "engine_action",
        "created_at",
    )
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "today": today,
        "filters": {"state": state, "instrument": instrument, "agency": agency, "due": due},
        "states": State.values,
        "instruments": [i.value for i in Instrument],
        "overdue": overdue(today, limit=OVERDUE_SHOWN),
    }
    return render(request, "web/queue.html", context)
