"""The public guidelines at /guidelines/ (also as JSON and PDF) and the policy page: no login,
nothing about any case, readable on a phone."""

from __future__ import annotations

import dataclasses

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from custodes.guidelines.document import current_commitments, current_guidelines
from custodes.guidelines.pdf import guidelines_pdf as render_pdf


@require_GET
def guidelines_page(request):
    context = {"guidelines": current_guidelines(), "commitments": current_commitments()}
    return render(request, "guidelines/guidelines.html", context)


@require_GET
def policy_page(request):
    context = {"guidelines": current_guidelines(), "commitments": current_commitments()}
    return render(request, "guidelines/policy.html", context)


@require_GET
def guidelines_json(request):
    guidelines = current_guidelines()
    data = dataclasses.asdict(guidelines) | {"dated": guidelines.dated.isoformat()}
    data["commitments"] = [dataclasses.asdict(c) for c in current_commitments()]
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})


@require_GET
def guidelines_pdf(request):
    guidelines = current_guidelines()
    response = HttpResponse(
        render_pdf(guidelines, current_commitments()), content_type="application/pdf"
    )
    name = f"guidelines-{guidelines.pack}-{guidelines.version}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
