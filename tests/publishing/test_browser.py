"""In a real browser, on a phone's screen: a reader opens the published demands, follows one,
reads the redacted subpoena and the decision, and the page fits the screen without sideways
scrolling; no target's value is anywhere on it. Saves a screenshot for the README."""

from __future__ import annotations

import pytest

from tests.conftest import SCREENSHOTS, needs_chromium
from tests.publishing.conftest import OFFICER_EMAIL, TARGET

pytestmark = [pytest.mark.django_db(transaction=True), needs_chromium]


def test_a_reader_reads_a_published_demand_on_her_phone(live_server, browser_page, published):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/transparency/demands/")
    assert page.locator("h1").inner_text() == "Government demands we have published"
    page.locator("ul.published a").first.click()
    assert page.url.endswith(f"/transparency/demands/{published.slug}/")
    text = page.locator("pre.published-text").inner_text()
    assert "[target]" in text and "What we decided" in text
    body = page.locator("body").inner_text()
    assert TARGET not in body.lower() and OFFICER_EMAIL not in body
    assert "8 U.S.C. § 1225(d)" in body
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "published-demand.png"))


def test_counsel_reviews_the_redactions_and_publishes(live_server, browser_page, closed_case):
    from custodes.cases.people import current_code
    from tests.conftest import PASSWORD, user_named

    page = browser_page
    counsel = user_named("carl")
    page.goto(f"{live_server.url}/login/")
    page.fill("#username", "carl")
    page.fill("#password", PASSWORD)
    page.fill("#token", current_code(counsel.totpdevice_set.first()))
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/cases/{closed_case.reference}/publication/")
    page.click("text=Propose for publication")
    page.wait_for_load_state()
    review = page.locator(".redaction-review")
    assert review.locator("mark.target").count() >= 1
    page.fill("#phrase", "M. Ortega")
    page.click("button:has-text('Redact')")
    page.wait_for_load_state()
    assert "Redacted 1 more passage." in page.locator("ul.messages").inner_text()
    assert "M. Ortega" not in page.locator("section[aria-labelledby=preview-heading]").inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "publication-review.png"), full_page=True)
    page.click("text=Approve the redactions and publish")
    page.wait_for_load_state()
    page.locator("a[href^='/transparency/demands/d-']").first.click()
    page.wait_for_load_state()
    assert "[target]" in page.locator("pre.published-text").inner_text()
    assert TARGET not in page.locator("body").inner_text().lower()
