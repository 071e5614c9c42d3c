"""What the case views share: finding the case, and carrying out one action on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect

from custodes.cases.models import Case
from custodes.law.refusal import Refused


def case_or_404(reference: str) -> Case:
    return get_object_or_404(Case.objects.select_related("demand"), reference=reference)


def act(
    request,
    case: Case,
    action: Callable[[], Any],
    to: str = "web:case",
    done: str | Callable[[Any], str] = "",
):
    """Run `action`; a refusal, or what was done (`done`, a sentence or a function of the
    action's result), is shown on the page the browser returns to (the case page, unless
    `to` names another of the case's pages)."""
    try:
        result = action()
    except Refused as error:
        messages.error(request, str(error))
    else:
        said = done(result) if callable(done) else done
        if said:
            messages.success(request, said)
    return redirect(to, reference=case.reference)
