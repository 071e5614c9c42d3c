"""The staff page on which a closed case's demand is proposed for publication, its redactions
reviewed on the rendered text (passages added and removed) and approved by counsel."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_POST

from custodes.cases import roles
from custodes.law.refusal import Refused
from custodes.publishing import redaction, services
from custodes.publishing.models import Publication
from custodes.web import forms
from custodes.web.access import case_worker
from custodes.web.views.helpers import act, case_or_404, form_errors

PAGE = "web:publication"


def _publication(case) -> Publication | None:
    return Publication.objects.filter(case=case).first()


@case_worker
def publication_page(request, reference: str):
    case = case_or_404(reference)
    publication = _publication(case)
    context = {
        "case": case,
        "publication": publication,
        "is_counsel": roles.is_counsel(request.user),
        "refusal": services.refusal(case) if publication is None else None,
        "kinds": [(k, redaction.WHY[k]) for k in redaction.LABELS],
        "form_errors": form_errors(request),
    }
    if publication:
        spans = services.spans_of(publication)
        context["pieces"] = [
            {"words": w, "index": i, "span": s, "why": redaction.WHY.get(s.kind) if s else ""}
            for w, i, s in redaction.pieces(publication.text, spans)
        ]
        context["preview"] = redaction.apply(publication.text, spans)
    return render(request, "web/publication.html", context)


@require_POST
@case_worker
def propose(request, reference: str):
    case = case_or_404(reference)
    return act(
        request,
        case,
        lambda: services.propose(case, request.user),
        to=PAGE,
        done="Proposed for publication: review the redactions below, then approve.",
    )


@require_POST
@case_worker
def redact(request, reference: str):
    case = case_or_404(reference)
    publication = _publication(case)
    form = forms.RedactForm(request.POST)
    return act(
        request,
        case,
        lambda: services.redact(_or_refuse(publication), request.user, **form.cleaned_data),
        to=PAGE,
        done=lambda added: f"Redacted {added} more passage{'s' if added != 1 else ''}.",
        form=form,
    )


@require_POST
@case_worker
def unredact(request, reference: str, index: int):
    case = case_or_404(reference)
    publication = _publication(case)
    return act(
        request,
        case,
        lambda: services.unredact(_or_refuse(publication), request.user, index),
        to=PAGE,
        done="That passage will be shown.",
    )


@require_POST
@case_worker
def approve(request, reference: str):
    case = case_or_404(reference)
    publication = _publication(case)
    return act(
        request,
        case,
        lambda: services.approve(_or_refuse(publication), request.user),
        to=PAGE,
        done=lambda p: f"Published at /transparency/demands/{p.slug}/.",
    )


def _or_refuse(publication):
    if publication is None:
        raise Refused("Propose the demand for publication first.")
    return publication
