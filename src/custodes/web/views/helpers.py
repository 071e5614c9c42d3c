"""What the case views share: finding the case, and carrying out one action on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect

from custodes.cases.models import Case
from custodes.edge import every_error, refuse
from custodes.law.refusal import Refused

# The session key under which a form's field errors wait for the page the browser returns to.
_ERRORS = "custodes.form_errors"


def case_or_404(reference: str) -> Case:
    return get_object_or_404(Case.objects.select_related("demand"), reference=reference)


def act(
    request,
    case: Case,
    action: Callable[[], Any],
    to: str = "web:case",
    done: str | Callable[[Any], str] = "",
    form: forms.Form | None = None,
):
    """Run `action` if `form` (where there is one) is valid; a refusal, or what was done
    (`done`, a sentence or a function of the action's result), is shown on the page the
    browser returns to (the case page, unless `to` names another of the case's pages). The
    form's errors are shown there too, each beside its field (`form_errors`)."""
    if form is None or form.is_valid():
        try:
            result = action()
        except Refused as error:
            if form is None:
                messages.error(request, str(error))
            else:
                refuse(form, error)
        else:
            said = done(result) if callable(done) else done
            if said:
                messages.success(request, said)
    if form is not None and form.errors:
        _keep_errors(request, form)
    return redirect(to, reference=case.reference)


def _keep_errors(request, form: forms.Form) -> None:
    """Each error above the page, as a refusal always was, and beside its field, under the
    form's name: the view's, with the ids of the row it acts on (`rule_challenge:3`)."""
    for message in every_error(form):
        messages.error(request, message)
    match = request.resolver_match
    ids = [str(v) for k, v in match.kwargs.items() if k != "reference"]
    key = ":".join([match.url_name, *ids])
    request.session[_ERRORS] = {key: {field: list(errors) for field, errors in form.errors.items()}}


def form_errors(request) -> dict[str, dict[str, list[str]]]:
    """The errors of the form last sent, by form and field, once."""
    return request.session.pop(_ERRORS, {})
