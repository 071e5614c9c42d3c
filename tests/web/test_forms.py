"""The staff pages' forms: a value they cannot take (an impossible date, an unknown choice, a
missing reason) is refused beside its field, above the page as every refusal is, and
changes nothing: no state, no audit event."""

from __future__ import annotations

import pytest
from django import forms
from django.test import Client

from custodes.audit.models import Event
from custodes.edge import refuse
from custodes.law.refusal import Refused
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

ERROR = '<p class="error" role="alert">'

BAD_POSTS = {
    "an unknown decision": (
        "decide",
        {"action": "approve_everything", "reason": "x"},
        "</select>",
        "approve_everything is not a decision custodes knows.",
    ),
    "an unknown category": (
        "decide",
        {"action": "produce", "allowed": ["subscriber", "dna"], "reason": "x"},
        "</fieldset>",
        "dna is not a data category custodes knows.",
    ),
    "an unknown state": ("move", {"to": "nowhere"}, None, "nowhere is not a state custodes knows."),
    "an empty note": (
        "notes",
        {"text": "  "},
        'name="text"></textarea>',
        "A note needs some text.",
    ),
    "someone who works no cases": (
        "assign",
        {"assignee": "mallory"},
        "</select>",
        "Choose someone who works cases.",
    ),
    "an impossible day of notice": (
        "notice-day",
        {"send_on": "2026-02-30", "reason": "x"},
        None,
        "Give the date as YYYY-MM-DD.",
    ),
    "an order lifted on no day": (
        "order/lifted",
        {"lifted_on": "", "reason": "x"},
        None,
        "Give the date as YYYY-MM-DD.",
    ),
    "an unknown end of an objection": (
        "challenge",
        {"outcome": "vanished", "reason": "x"},
        None,
        "vanished is not an outcome custodes knows.",
    ),
    "preservation changed no known way": (
        "preservation",
        {"change": "forget", "reason": "x"},
        None,
        "Select a valid choice.",
    ),
}


@pytest.mark.parametrize(("action", "data", "beside", "says"), BAD_POSTS.values(), ids=BAD_POSTS)
def test_a_bad_value_is_refused_beside_its_field_and_changes_nothing(
    action, data, beside, says, case, counsel
):
    events, state = Event.objects.count(), case.state
    client = sign_in(Client(), counsel)
    response = client.post(f"/cases/{case.reference}/{action}/", data, follow=True)
    page = response.content.decode()
    assert f'<li class="error">{says}' in page
    if beside:
        assert f"{beside}{ERROR}{says}" in page.replace("\n", "")
    assert Event.objects.count() == events
    case.refresh_from_db()
    assert case.state == state and not case.decisions.exists() and not case.notes.exists()


def test_the_errors_beside_a_field_are_shown_once(case, counsel):
    client = sign_in(Client(), counsel)
    client.post(f"/cases/{case.reference}/notes/", {"text": ""})
    assert client.get(f"/cases/{case.reference}/").content.decode().count(ERROR) == 1
    assert ERROR not in client.get(f"/cases/{case.reference}/").content.decode()


class _Form(forms.Form):
    reason = forms.CharField(required=False)


def test_a_refusal_naming_a_field_of_the_form_is_put_beside_it():
    form = _Form({"reason": ""})
    form.is_valid()
    refuse(form, Refused("Say why.", field="reason"))
    assert form.errors == {"reason": ["Say why."]}


def test_a_refusal_naming_no_field_of_the_form_is_put_above_it():
    form = _Form({"reason": ""})
    form.is_valid()
    refuse(form, Refused("Counsel decides.", field="documents.0"))
    refuse(form, Refused("Closed."))
    assert form.non_field_errors() == ["Counsel decides.", "Closed."]


def test_a_bad_correction_is_shown_beside_its_field_with_the_form_open(case, reviewer):
    client = sign_in(Client(), reviewer)
    data = {"instrument": "administrative_subpoena", "execute_by": "30/11/2026"}
    page = client.post(f"/cases/{case.reference}/correct/", data, follow=True).content.decode()
    assert "<details open><summary>Correct the request</summary>" in page
    assert f'name="execute_by" value="">{ERROR}The correction is not valid: execute_by:' in page
    assert not Event.objects.filter(action="custodes.request.corrected").exists()
