"""Staff actions on notice, objections, court orders and preservation; each calls one service
and returns to the case page."""

from __future__ import annotations

from datetime import date

from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from custodes.cases import services
from custodes.cases.uploads import read_uploaded
from custodes.law.refusal import Refused
from custodes.notices import review
from custodes.notices import services as notices
from custodes.notices.models import Notice
from custodes.web.access import case_worker
from custodes.web.views.helpers import act, case_or_404


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise Refused("Give the date as YYYY-MM-DD.") from None


def _document(request):
    uploaded = request.FILES.get("document")
    return (read_uploaded(uploaded), uploaded.name) if uploaded else None


@require_POST
@case_worker
def add_recipient(request, reference: str):
    case = case_or_404(reference)
    address = request.POST.get("address", "")
    return act(
        request,
        case,
        lambda: notices.add_recipient(case, request.user, address),
        done=f"Added {address.strip()} for notice.",
    )


@require_POST
@case_worker
def remove_recipient(request, reference: str, notice_id: int):
    case = case_or_404(reference)
    notice = get_object_or_404(Notice, pk=notice_id, case=case)
    return act(
        request,
        case,
        lambda: notices.remove_recipient(notice, request.user),
        done=f"Removed {notice.address}.",
    )


@require_POST
@case_worker
def settle_mail(request, reference: str, notice_id: int):
    case = case_or_404(reference)
    notice = get_object_or_404(Notice.objects.select_related("mail"), pk=notice_id, case=case)
    went_out = request.POST.get("went_out") == "yes"
    reason = request.POST.get("reason", "")
    return act(
        request,
        case,
        lambda: notices.settle_mail(notice, request.user, went_out, reason),
        done="Recorded that the notice went out." if went_out else "The notice is sent again.",
    )


@require_POST
@case_worker
def lift_order(request, reference: str):
    case = case_or_404(reference)
    post = request.POST
    return act(
        request,
        case,
        lambda: notices.lift_order(
            case,
            request.user,
            _day(post.get("lifted_on", "")),
            post.get("reason", ""),
            _document(request),
        ),
        done="Recorded the order lifted.",
    )


@require_POST
@case_worker
def court_asked(request, reference: str):
    case = case_or_404(reference)
    post = request.POST
    return act(
        request,
        case,
        lambda: notices.record_court_asked(
            case, request.user, _day(post.get("asked_on", "")), post.get("reason", "")
        ),
        done="Recorded that counsel asked the court.",
    )


@require_POST
@case_worker
def review_asked(request, reference: str):
    case = case_or_404(reference)
    post = request.POST
    return act(
        request,
        case,
        lambda: review.record_asked(
            case,
            request.user,
            _day(post.get("asked_on", "")),
            post.get("how", ""),
            _document(request),
        ),
        done="Recorded that the FBI was asked to seek judicial review.",
    )


@require_POST
@case_worker
def notice_day(request, reference: str):
    case = case_or_404(reference)
    post = request.POST
    return act(
        request,
        case,
        lambda: notices.set_notice_day(
            case, request.user, _day(post.get("send_on", "")), post.get("reason", "")
        ),
        done="Day of the notice set.",
    )


@require_POST
@case_worker
def settle_challenge(request, reference: str):
    case = case_or_404(reference)
    post = request.POST
    return act(
        request,
        case,
        lambda: notices.settle_challenge(
            case,
            request.user,
            post.get("outcome", ""),
            post.get("reason", ""),
            _document(request),
        ),
        done="Recorded how the objection ended.",
    )


@require_POST
@case_worker
def preservation(request, reference: str):
    case = case_or_404(reference)
    reason = request.POST.get("reason", "")
    change = (
        services.extend_preservation
        if request.POST.get("change") == "extend"
        else services.release_preservation
    )
    said = (
        "Preservation extended by 90 days."
        if change is services.extend_preservation
        else "Preservation released."
    )
    return act(request, case, lambda: change(case, request.user, reason), done=said)
