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
