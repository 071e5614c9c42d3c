"""What the case views share: finding the case, and carrying out one action on it."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect

from custodes.cases import services
from custodes.cases.models import Case
from custodes.cases.selector_lines import SelectorLinesError
from custodes.cases.uploads import UploadRejected
from custodes.cases.workflow import IllegalMove


def case_or_404(reference: str) -> Case:
    return get_object_or_404(Case.objects.select_related("demand"), reference=reference)


def act(request, case: Case, action, to: str = "web:case"):
    """Run `action`; a refusal is shown on the page the browser returns to (the case page,
    unless `to` names another of the case's pages)."""
    try:
        action()
    except (services.Refused, IllegalMove, SelectorLinesError, UploadRejected) as error:
        messages.error(request, str(error))
    return redirect(to, reference=case.reference)
