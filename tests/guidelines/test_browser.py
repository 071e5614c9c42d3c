"""In a real browser, on a phone's screen: Dana, a detective, opens /guidelines/, finds what an
emergency needs from the contents, reads what a § 2703(d) order reaches, and the page fits the
screen without sideways scrolling. Saves a screenshot for the README."""

from __future__ import annotations

import pytest

from tests.conftest import SCREENSHOTS, needs_chromium

pytestmark = [pytest.mark.django_db(transaction=True), needs_chromium]


def test_a_detective_reads_the_guidelines_on_her_phone(live_server, browser_page, settings):
    settings.CUSTODES_PROVIDER_ADDRESS = "Legal Process, 100 Pier Street, Oakland, CA 94607"
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/guidelines/")
    assert page.locator("h1").inner_text().startswith("Parley Social, Inc.: Guidelines")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.get_by_role("link", name="Emergencies").click()
    assert page.url.endswith("#emergency")
    emergency = page.locator("section#emergency")
    assert emergency.is_visible() and "calls the requesting agency back" in emergency.inner_text()

    order = page.locator('[data-row="instruments.court_order_2703d"]')
    assert "Reaches: basic subscriber information, account records." in order.inner_text()
    assert "Does not reach: content, location history" in order.inner_text()
    assert "18 U.S.C. § 2703(c)(1)(B), (d)" in order.inner_text()

    page.get_by_role("link", name="Our commitments").first.click()
    assert page.locator("article.commitment").count() == 24
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(f"{live_server.url}/guidelines/")
    page.screenshot(path=str(SCREENSHOTS / "guidelines.png"))
    page.goto(f"{live_server.url}/guidelines/#process")
    page.screenshot(path=str(SCREENSHOTS / "guidelines-process.png"))
    page.goto(f"{live_server.url}/guidelines/policy/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(SCREENSHOTS / "guidelines-policy.png"))
