"""The staff pages' forms, one for each action a page posts: each parses what the browser
sent into the values its service takes (days, vocabulary members, numbers, files), and shows
what it cannot parse beside its field. The services decide what the values may be."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from custodes.cases import roles
from custodes.cases.workflow import Outcome, State
from custodes.challenges.models import Challenge, FilingDecision
from custodes.edge import Day, Upload, Uploads, choice, text, yes_no
from custodes.law.addresses import parse_address
from custodes.law.refusal import Refused
from custodes.law.vocab import Action, Category
from custodes.letters.models import Letter
from custodes.notices.models import Objection
from custodes.publishing import redaction

# Signing in


class LoginForm(forms.Form):
    """Which of the three is wrong is never said: a refusal is the form's as a whole."""

    username = text()
    password = text(strip=False)
    token = text()
    next = text()


# The case page


class MoveForm(forms.Form):
    to = choice(State, "a state", required=True)
    outcome = choice(Outcome, "an outcome")
    reason = text()


class ReasonForm(forms.Form):
    """An action whose only input is a reason (joining or clearing a duplicate, letting
    production go ahead)."""

    reason = text()


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        queryset=roles.case_workers(),
        to_field_name="username",
        required=False,
        error_messages={"invalid_choice": "Choose someone who works cases."},
    )


class DecideForm(forms.Form):
    action = choice(Action, "a decision", required=True)
    allowed = forms.TypedMultipleChoiceField(
        choices=[(c.value, c.value) for c in Category],
        coerce=Category,
        required=False,
        error_messages={"invalid_choice": "%(value)s is not a data category custodes knows."},
    )
    reason = text()


class CallbackForm(forms.Form):
    number = text()
    source = text()
    note = text()


class NoteForm(forms.Form):
    text = text()


class UploadForm(forms.Form):
    document = Upload()


# Notice, objections, court orders and preservation


class RecipientForm(forms.Form):
    address = text()


class SettleMailForm(forms.Form):
    went_out = yes_no()
    reason = text()


class LiftOrderForm(forms.Form):
    lifted_on = Day()
    reason = text()
    document = Upload()


class CourtAskedForm(forms.Form):
    asked_on = Day()
    reason = text()


class ReviewAskedForm(forms.Form):
    asked_on = Day()
    how = text()
    document = Upload()


class NoticeDayForm(forms.Form):
    send_on = Day()
    reason = text()


class SettleChallengeForm(forms.Form):
    outcome = choice(Objection.Outcome, "an outcome")
    reason = text()
    document = Upload()


class PreservationForm(forms.Form):
    change = forms.ChoiceField(
        choices=[("extend", "extend"), ("release", "release")], required=False
    )
    reason = text()


# Challenges


class _Several(forms.TypedMultipleChoiceField):
    """Values of the case's own (its accounts, its objections' ids), whichever they are: the
    service knows which belong."""

    def valid_value(self, value) -> bool:
        return True


class FileChallengeForm(forms.Form):
    filed_by = choice(Challenge.FiledBy, "a filer")
    kind = choice(Challenge.Kind, "a kind of filing")
    accounts = _Several(required=False)
    filed_on = Day()
    court = text()
    docket = text()
    hearing_on = Day(required=False)
    objections = _Several(
        coerce=int,
        required=False,
        error_messages={"invalid_choice": "An objection chosen is not on this case."},
    )
    notes = text()
    document = Uploads()


class UpdateChallengeForm(forms.Form):
    """Only the fields sent change."""

    court = text()
    docket = text()
    notes = text()
    filed_on = Day(required=False)
    hearing_on = Day(required=False)
    document = Uploads()

    def clean_filed_on(self):
        if "filed_on" in self.data and self.cleaned_data["filed_on"] is None:
            raise forms.ValidationError(Day.default_error_messages["required"])
        return self.cleaned_data["filed_on"]

    def changes(self) -> dict:
        return {n: v for n, v in self.cleaned_data.items() if n in self.data and n != "document"}


class RuleForm(forms.Form):
    ruling = choice(Challenge.Ruling, "a ruling")
    ruled_on = Day()
    reason = text()
    document = Uploads()


class DecideUnfiledForm(forms.Form):
    decision = choice(FilingDecision.Decision, "a decision")
    reason = text()


# Production


class ChooseAccountForm(forms.Form):
    account = text()
    reason = text()


class ChooseDatasetForm(forms.Form):
    dataset = text()
    column = text()
    include = yes_no()
    reason = text()


# Letters


class DraftLetterForm(forms.Form):
    kind = choice(Letter.Kind, "a letter")


class LetterForm(forms.Form):
    """The draft as edited; the button pressed (`send`, `discard`, or save) says what then."""

    to = text()
    subject = text()
    body = text(strip=False)

    def pressed(self, button: str) -> bool:
        return button in self.data


# Publication


class RedactForm(forms.Form):
    phrase = text(strip=False)  # the words as they appear on the page, spaces and all
    kind = forms.ChoiceField(
        choices=[(kind, kind) for kind in redaction.LABELS],
        required=False,
        error_messages={"invalid_choice": f"A redaction is one of: {', '.join(redaction.LABELS)}."},
    )

    def clean_kind(self) -> str:
        return self.cleaned_data["kind"] or redaction.OTHER


# Staff and requesters


class StaffForm(forms.Form):
    full_name = text()
    title = text()


class RequesterDecisionForm(forms.Form):
    decision = forms.TypedChoiceField(
        choices=[("approve", "approve"), ("refuse", "refuse")],
        coerce=lambda value: value == "approve",
        error_messages={"required": "Approve or refuse the account."},
    )
    reason = text()


# A demand typed in


class TypedForm(forms.Form):
    """What a demand typed in adds to the portal's submission (read by
    requesters.submission): who sent it, the day it arrived, and its document as it came."""

    requester_name = text()
    requester_email = text()
    requester_phone = text()
    received_on = Day(required=False)
    document = Upload()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        raw = self.data.get("received_on", "").strip()
        self.fields["received_on"].error_messages["invalid"] = (
            f"{raw!r} is not a date; give the day the demand arrived."
        )

    def clean_requester_email(self) -> str:
        email = self.cleaned_data["requester_email"]
        try:
            return parse_address(email).email if email else ""
        except Refused as error:
            raise forms.ValidationError(str(error)) from None

    def clean_received_on(self):
        today = timezone.localdate()
        day = self.cleaned_data["received_on"] or today
        if day > today:
            raise forms.ValidationError("The day the demand arrived cannot be in the future.")
        return day

    def clean_document(self):
        uploaded = self.cleaned_data["document"]
        if uploaded is None:
            raise forms.ValidationError(
                "Attach the document the demand came as: it is kept as it is, with its SHA-256."
            )
        return uploaded
