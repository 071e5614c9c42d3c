"""On a national security letter counsel drafts, from a template, the provider's request that
the FBI seek judicial review of the letter's secrecy (18 U.S.C. § 3511(b)(1)(A)); it is sent
as every letter is: through the outbox, kept as a PDF on the case."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from custodes.audit.models import Event
from custodes.law.refusal import Refused
from custodes.letters import services as letters
from custodes.letters.models import Letter
from custodes.worker import tick
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

NSL = {
    "instrument": "national_security_letter",
    "authority": ["18 U.S.C. § 2709"],
    "agency": "Federal Bureau of Investigation",
}


def test_counsel_drafts_and_sends_the_request_from_the_case_page(demand_of, counsel, client, smtp):
    case = demand_of(**NSL)
    sign_in(client, counsel)
    page = client.get(f"/cases/{case.reference}/").content.decode()
    assert "Draft the request to the FBI for judicial review" in page
    client.post(f"/cases/{case.reference}/letters/", {"kind": "judicial_review"})
    letter = Letter.objects.get(case=case)
    assert letter.kind == "judicial_review" and letter.to == "officer@fbi.gov"
    for words in (
        "Under 18 U.S.C. § 3511(b)(1)(A)",
        "wishes to have a court review that nondisclosure requirement",
        "(18 U.S.C. § 2709(c))",
        "within 30 days of receiving this notice",
        f"Our reference: {case.reference}",
    ):
        assert words in letter.body
    after = client.get(f"/cases/{case.reference}/").content.decode()
    assert "Draft the request to the FBI for judicial review" not in after  # one is enough
    form = {"to": letter.to, "subject": letter.subject, "body": letter.body, "send": ""}
    client.post(f"/cases/{case.reference}/letters/{letter.pk}/", form)
    tick()
    [sent] = [m for m in smtp.to("officer@fbi.gov") if m["Subject"] == letter.subject]
    assert "judicial review" in sent["Subject"] and "§ 3511(b)(1)(A)" in sent.get_content()
    letter.refresh_from_db()
    pdf = PdfReader(io.BytesIO(letter.pdf.read())).pages[0].extract_text()
    assert "3511(b)(1)(A)" in pdf
    assert Event.objects.filter(action="custodes.letter.sent", data__kind="judicial_review")


def test_only_counsel_drafts_it_and_only_on_a_national_security_letter(
    demand_of, counsel, reviewer
):
    with pytest.raises(Refused, match="Only counsel"):
        letters.draft(demand_of(**NSL), reviewer, "judicial_review")
    with pytest.raises(Refused, match="national security letter"):
        letters.draft(demand_of(), counsel, "judicial_review")
    assert not Letter.objects.exists()
