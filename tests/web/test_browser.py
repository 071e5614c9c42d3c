"""In a real browser (Debian's Chromium driven by Playwright): counsel signs in with a TOTP
code, uploads a demand, reads its findings and citations, records a decision, and sees it in
the timeline. Saves a screenshot of the case page for the README."""

from __future__ import annotations

import pytest

from custodes.cases.people import add_staff, current_code
from tests.conftest import PASSWORD, SCREENSHOTS, needs_chromium

pytestmark = [pytest.mark.django_db(transaction=True), needs_chromium]

DEMAND = """U.S. Department of Homeland Security
Immigration and Customs Enforcement
SUBPOENA (8 U.S.C. § 1225(d))

To: Parley Social, Inc., Attn: Custodian of Records

Account: Parley Social account "@northside.alerts"

Background: the account posts the locations of ICE officers during operations and urges its
followers to come and film them. This subpoena is issued for officer safety and to identify
the person responsible for the account.

Records requested for the period January 1, 2026 through November 15, 2026:
  1. Subscriber names, e-mail addresses and telephone numbers;
  2. Means and source of payment.

Issued by: /s/ R. Holloway, Field Office Director          Date: November 20, 2026
Contact: SDDO P. Grant, p.grant@ice.dhs.gov, (215) 555-0190
"""


def test_counsel_reviews_an_uploaded_demand_in_the_browser(live_server, browser_page, tmp_path):
    page = browser_page
    _, device = add_staff(
        "claire", PASSWORD, ["counsel", "reviewer"], full_name="Claire Dubois", title="Counsel"
    )

    page.goto(f"{live_server.url}/")
    assert "/login/" in page.url
    _sign_in_and_upload(page, live_server, "claire", device, tmp_path)

    review = page.locator("section[aria-labelledby=review-heading]")
    assert "escalate" in review.inner_text()
    assert "ANONYMOUS_SPEECH_RISK" in review.inner_text()
    assert "AUTHORITY_MISMATCH" in review.inner_text()
    assert "McIntyre v. Ohio Elections Comm'n" in review.inner_text()
    assert "8 U.S.C. § 1225(d)(4)" in review.inner_text()

    page.select_option("#action", "reject")
    for box in page.locator("input[name=allowed]").all():
        box.uncheck()
    reason = "Section 1225(d) does not reach the identity of people who report on officers."
    page.fill("#reason", reason)
    page.click("text=Record decision")
    page.wait_for_load_state()

    assert reason in page.locator("section[aria-labelledby=decide-heading]").inner_text()
    timeline = page.locator("section[aria-labelledby=timeline-heading]").inner_text()
    assert "custodes.case.received" in timeline
    assert "decided: reject" in timeline

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "case-page.png"), full_page=True)


def test_a_reviewer_cannot_approve_an_escalated_case(live_server, browser_page, tmp_path):
    page = browser_page
    _, device = add_staff("rhea", PASSWORD, ["reviewer"], full_name="Rhea Ruiz", title="Reviewer")
    page.goto(f"{live_server.url}/login/")
    _sign_in_and_upload(page, live_server, "rhea", device, tmp_path)
    case_url = page.url
    assert "Only counsel's decision approves" in page.locator("#approval-needs").inner_text()

    page.click("text=Move to in review")
    page.wait_for_load_state()
    page.click("text=Move to approved")
    page.wait_for_load_state()

    refusal = page.locator("ul.messages").inner_text()
    assert "Only counsel's decision approves this case" in refusal
    assert "ask counsel to record theirs" in refusal
    assert page.url == case_url
    assert "in review" in page.locator("h1").inner_text()


def _sign_in_and_upload(page, live_server, username, device, tmp_path):
    """Sign in on the page the browser is at, upload the ICE summons, open its case."""
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.fill("#token", current_code(device))
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    demand = tmp_path / "ice-subpoena.txt"
    demand.write_text(DEMAND)
    page.goto(f"{live_server.url}/upload/")
    page.set_input_files("#document", str(demand))
    page.click("text=Upload and review")
    page.wait_for_url("**/cases/C-*/")
