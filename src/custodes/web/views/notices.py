"""Staff actions on notice, objections, court orders and preservation; each calls one service
and returns to the case page."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from custodes.cases import services
from custodes.edge import uploaded
from custodes.notices import review
from custodes.notices import services as notices
from custodes.notices.models import Notice
from custodes.web import forms
from custodes.web.access import case_worker
from custodes.web.views.helpers import act, case_or_404


@require_POST
@case_worker
def add_recipient(request, reference: str):
    case = case_or_404(reference)
    form = forms.RecipientForm(request.POST)
    return act(
        request,
        case,
        lambda: notices.add_recipient(case, request.user, **form.cleaned_data),
        done=lambda _: f"Added {form.cleaned_data['address']} for notice.",
        form=form,
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
    form = forms.SettleMailForm(request.POST)
    return act(
        request,
        case,
        lambda: notices.settle_mail(notice, request.user, **form.cleaned_data),
        done=lambda _: (
            "Recorded that the notice went out."
            if form.cleaned_data["went_out"]
            else "The notice is sent again."
        ),
        form=form,
    )


@require_POST
@case_worker
def lift_order(request, reference: str):
    case = case_or_404(reference)
    form = forms.LiftOrderForm(request.POST, request.FILES)
    return act(
        request,
        case,
        lambda: notices.lift_order(case, request.user, **uploaded(form.cleaned_data)),
        done="Recorded the order lifted.",
        form=form,
    )


@require_POST
@case_worker
def court_asked(request, reference: str):
    case = case_or_404(reference)
    form = forms.CourtAskedForm(request.POST)
    return act(
        request,
        case,
        lambda: notices.record_court_asked(case, request.user, **form.cleaned_data),
        done="Recorded that counsel asked the court.",
        form=form,
    )


@require_POST
@case_worker
def review_asked(request, reference: str):
    case = case_or_404(reference)
    form = forms.ReviewAskedForm(request.POST, request.FILES)
    return act(
        request,
        case,
        lambda: review.record_asked(case, request.user, **uploaded(form.cleaned_data)),
        done="Recorded that the FBI was asked to seek judicial review.",
        form=form,
    )


@require_POST
@case_worker
def notice_day(request, reference: str):
    case = case_or_404(reference)
    form = forms.NoticeDayForm(request.POST)
    return act(
        request,
        case,
        lambda: notices.set_notice_day(case, request.user, **form.cleaned_data),
        done="Day of the notice set.",
        form=form,
    )


@require_POST
@case_worker
def settle_challenge(request, reference: str):
    case = case_or_404(reference)
    form = forms.SettleChallengeForm(request.POST, request.FILES)

    def settling():
        data = uploaded(form.cleaned_data)
        return notices.settle_challenge(
            case, request.user, data["outcome"], data["reason"], data["document"]
        )

    return act(request, case, settling, done="Recorded how the objection ended.", form=form)


@require_POST
@case_worker
def preservation(request, reference: str):
    case = case_or_404(reference)
    form = forms.PreservationForm(request.POST)
    extend = form.is_valid() and form.cleaned_data["change"] == "extend"
    change = services.extend_preservation if extend else services.release_preservation
    said = "Preservation extended by 90 days." if extend else "Preservation released."
    return act(
        request,
        case,
        lambda: change(case, request.user, form.cleaned_data["reason"]),
        done=said,
        form=form,
    )
