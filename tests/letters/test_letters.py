"""Letters to the requester, written from the decision, read and sent by staff, received
through a real SMTP server on loopback, kept as a PDF and shown in the portal."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from pypdf import PdfReader

from custodes.audit.models import Event
from custodes.cases import services
from custodes.cases.workflow import State
from custodes.law.refusal import Refused
from custodes.letters import services as letters
from custodes.letters.models import Letter
from custodes.worker import tick
from tests.conftest import sign_in
from tests.letters.conftest import (
    ANONYMOUS_SPEECH,
    CONTENT_ON_SUBPOENA,
    UNSIGNED_WARRANT,
    UNVERIFIED_SENDER,
)

pytestmark = pytest.mark.django_db(transaction=True)


def _sent(case, user, smtp):
    """Draft the letter the decision calls for, send it unedited, deliver it."""
    letter = letters.send(letters.draft(case, user), user)
    tick()
    [message] = [m for m in smtp.messages if m["Subject"] == letter.subject]
    return letter, message.get_content()


def test_content_on_a_subpoena_is_pushed_back_with_the_process_that_would_reach_it(
    demand_of, reviewer, smtp
):
    case = services.move(demand_of(**CONTENT_ON_SUBPOENA), reviewer, State.IN_REVIEW)
    letter, body = _sent(case, reviewer, smtp)
    assert letter.kind == "pushback" and letter.to == "officer@fbi.gov"
    for words in (
        "What this process reaches",
        "A grand jury subpoena reaches basic subscriber information (18 U.S.C. § 2703(c)(2)).",
        "only a search warrant compels it, so it is withheld.",
        "(18 U.S.C. § 2703(a), (b); United States v. Warshak, 631 F.3d 266 (6th Cir. 2010))",
        "It needs a search warrant (18 U.S.C. § 2703(a), (b)(1)(A), (c)(1)(A); Fed. R. Crim. P. 41",
        "we will notify the account holder of this demand and give them 14 days to object.",
        f"Our reference: {case.reference}",
    ):
        assert words in body


def test_an_anonymous_speaker_is_defended_in_counsels_request_to_narrow_or_withdraw(
    demand_of, counsel, reviewer, smtp
):
    case = services.move(demand_of(**ANONYMOUS_SPEECH), counsel, State.IN_REVIEW)
    case = services.move(case, counsel, State.ESCALATED)
    with pytest.raises(Refused, match="counsel's"):
        letters.draft(case, reviewer)
    letter, body = _sent(case, counsel, smtp)
    assert letter.subject.endswith(f"we ask you to narrow or withdraw {case.reference}")
    for words in (
        "Our counsel has reviewed this demand and asks you to narrow it or to withdraw it:",
        "seeks to identify who is behind an account because of what it said or published",
        "U.S. Const. amend. I; McIntyre v. Ohio Elections Comm'n, 514 U.S. 334 (1995)",
        "8 U.S.C. § 1225(d) reaches a specific immigration matter",
        "Before we produce anything, we will notify the account holder",
    ):
        assert words in body


def test_an_unsigned_warrant_is_rejected_with_the_rule_it_fails(demand_of, reviewer, smtp):
    case = services.move(demand_of(**UNSIGNED_WARRANT), reviewer, State.IN_REVIEW)
    letter, body = _sent(case, reviewer, smtp)
    assert letter.kind == "rejection"
    for words in (
        "We will produce nothing on this demand, for these reasons:",
        "The search warrant shows no signature of a judge.",
        "Fed. R. Crim. P. 41(e)(1)",
        "Nothing is produced on this demand, so the account holder is not told of it now.",
        "18 U.S.C. § 2705(b)",
    ):
        assert words in body


def test_an_unverified_sender_is_asked_to_confirm_and_the_case_waits_for_them(
    open_case, reviewer, smtp
):
    case = services.move(open_case(**UNVERIFIED_SENDER), reviewer, State.IN_REVIEW)
    letter, body = _sent(case, reviewer, smtp)
    assert letter.kind == "clarify" and letter.to == "fbi.agent.reyes@gmail.com"
    for words in (
        "We cannot act on this demand until you answer. What is missing, and why:",
        "The sender's domain gmail.com is not a known government domain.",
        "from your agency's official e-mail address",
        "FBI Private Industry Notification (Nov. 4, 2024)",
    ):
        assert words in body
    case.refresh_from_db()
    assert case.state == State.AWAITING_REQUESTER


def test_a_requests_secrecy_is_answered_it_is_not_a_court_order(demand_of, reviewer, smtp):
    secrecy = {"present": True, "court_ordered": False, "expires_on": None}
    case = demand_of(**CONTENT_ON_SUBPOENA, nondisclosure=secrecy)
    _, body = _sent(case, reviewer, smtp)
    assert "a request for confidentiality is not a court order: 18 U.S.C. § 2705(b)" in body


def test_staff_edit_the_draft_and_what_goes_is_what_they_left(demand_of, reviewer, smtp):
    letter = letters.draft(demand_of(**CONTENT_ON_SUBPOENA), reviewer)
    edited = letter.body.replace("legal process team", "legal process team (Rita Reyes)")
    letters.edit(letter, reviewer, "Dana.Reyes@FBI.gov", "Our answer", edited)
    letters.send(Letter.objects.get(pk=letter.pk), reviewer)
    tick()
    [message] = smtp.to("dana.reyes@fbi.gov")
    assert message["Subject"] == "Our answer"
    assert "legal process team (Rita Reyes)" in message.get_content()
    sent = Letter.objects.get(pk=letter.pk)
    with pytest.raises(Refused, match="stays as the requester received it"):
        letters.edit(sent, reviewer, sent.to, "Another", sent.body)
    pdf = PdfReader(io.BytesIO(sent.pdf.open("rb").read()))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Our answer" in text and "Rita Reyes" in text
    actions = list(
        Event.objects.filter(subject=sent.case.subject, action__startswith="custodes.letter.")
        .order_by("sequence")
        .values_list("action", flat=True)
    )
    assert actions == ["custodes.letter.drafted", "custodes.letter.edited", "custodes.letter.sent"]


def test_bad_edits_are_refused_and_the_draft_is_kept(demand_of, reviewer):
    letter = letters.draft(demand_of(**CONTENT_ON_SUBPOENA), reviewer)
    with pytest.raises(Refused, match="not an e-mail address"):
        letters.edit(letter, reviewer, "dana at fbi", letter.subject, letter.body)
    with pytest.raises(Refused, match="needs a subject and a text"):
        letters.edit(letter, reviewer, letter.to, letter.subject, "  ")
    with pytest.raises(Refused, match="A draft letter is open"):
        letters.draft(letter.case, reviewer)
    assert Letter.objects.get(pk=letter.pk).body == letter.body


def test_a_plain_production_needs_no_letter(demand_of, reviewer):
    with pytest.raises(Refused, match="cover letter answers the requester"):
        letters.draft(demand_of(), reviewer)


def test_the_requester_reads_the_sent_letter_and_its_pdf_and_nobody_else_does(
    demand_of, reviewer, officer, other_officer, outsider, client, smtp
):
    case = demand_of(**CONTENT_ON_SUBPOENA)
    draft = letters.draft(case, reviewer)
    page = f"/portal/demands/{case.reference}/"
    sign_in(client, officer)
    assert draft.subject not in client.get(page).content.decode()  # a draft is staff's
    assert client.get(f"{page}letters/{draft.pk}.pdf").status_code == 404
    letters.send(draft, reviewer)
    assert draft.subject in client.get(page).content.decode()
    pdf = client.get(f"{page}letters/{draft.pk}.pdf")
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert Event.objects.filter(action="custodes.letter.downloaded", actor=officer).exists()
    sign_in(client, other_officer)
    assert client.get(f"{page}letters/{draft.pk}.pdf").status_code == 404
    sign_in(client, outsider)
    staff_pdf = client.get(f"/cases/{case.reference}/letters/{draft.pk}.pdf")
    assert staff_pdf.status_code == 403


def test_staff_draft_edit_and_send_from_the_case_page(demand_of, reviewer, client, smtp):
    case = demand_of(**CONTENT_ON_SUBPOENA)
    sign_in(client, reviewer)
    client.post(f"/cases/{case.reference}/letters/")
    letter = Letter.objects.get()
    assert "Send to the requester" in client.get(f"/cases/{case.reference}/").content.decode()
    form = {"to": letter.to, "subject": letter.subject, "body": letter.body + "\nP.S.", "send": ""}
    client.post(f"/cases/{case.reference}/letters/{letter.pk}/", form)
    letter.refresh_from_db()
    assert letter.sent_at and letter.body.endswith("P.S.\n")
    tick()
    (sent,) = [m for m in smtp.to("officer@fbi.gov") if m["Subject"] == letter.subject]
    assert sent.get_content().rstrip().endswith("P.S.")


def test_a_providers_own_template_replaces_custodes_and_keeps_the_citations(
    demand_of, reviewer, settings, tmp_path
):
    (tmp_path / "letters").mkdir()
    (tmp_path / "letters" / "pushback.txt").write_text(
        "Subject: Re {{ reference }}\n"
        "Dear colleague,\n{% for item in withheld %}{{ item.category }}: see "
        "{{ item.process_citation }}.{% endfor %}\n"
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [str(tmp_path)]}]
    letter = letters.draft(demand_of(**CONTENT_ON_SUBPOENA), reviewer)
    assert letter.subject == f"Re {letter.case.reference}"
    assert letter.body == (
        "Dear colleague,\ncontent: see 18 U.S.C. § 2703(a), (b)(1)(A), (c)(1)(A); "
        "Fed. R. Crim. P. 41.\n"
    )


@pytest.mark.slow  # a child process
def test_a_templates_folder_that_is_not_there_stops_custodes_at_start(tmp_path):
    env = {**os.environ, "CUSTODES_TEMPLATES_DIR": str(tmp_path / "missing")}
    run = subprocess.run(
        [sys.executable, "-c", "import custodes.settings"], env=env, capture_output=True, text=True
    )
    assert run.returncode != 0
    assert "CUSTODES_TEMPLATES_DIR=" in run.stderr and "is not a folder" in run.stderr
