"""The public transparency report at /transparency/: no login, no JavaScript, readable on a
phone; the same figures as CSV and JSON beside it."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from custodes.law.refusal import Refused
from custodes.transparency import render as outputs
from custodes.transparency.cache import history, report_for
from custodes.transparency.periods import Period, check_published, latest_published


def _period(request) -> Period:
    """The period asked for, or the latest published; one not yet published is refused."""
    today, delay = timezone.localdate(), settings.CUSTODES_REPORT_DELAY_DAYS
    text = request.GET.get("period", "")
    period = Period.parse(text) if text else latest_published(today, delay)
    check_published(period, today, delay)
    return period


def _published_history() -> list[tuple[str, int]]:
    today, delay = timezone.localdate(), settings.CUSTODES_REPORT_DELAY_DAYS
    return [
        (label, count)
        for label, count in history()
        if Period.parse(label).published_on(delay) <= today
    ]


def report_page(request):
    try:
        period = _period(request)
    except Refused as error:
        return render(request, "transparency/bad_period.html", {"error": error}, status=400)
    return HttpResponse(outputs.to_html(report_for(period), _published_history()))


CSV, JSON = "text/csv; charset=utf-8", "application/json"


def report_csv(request):
    return _download(request, outputs.to_csv, "{label}.csv", CSV)


def report_json(request):
    return _download(request, outputs.to_json, "{label}.json", JSON)


def report_breakdowns_csv(request):
    return _download(request, outputs.to_breakdowns_csv, "{label}-breakdowns.csv", CSV)


def _download(request, write, name: str, content_type: str):
    try:
        period = _period(request)
    except Refused as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    report = report_for(period)
    response = HttpResponse(write(report), content_type=content_type)
    filename = "transparency-" + name.format(label=period.label)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
