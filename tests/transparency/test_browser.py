"""In a real browser, on a phone's screen: /transparency/ shows its totals and its charts
without JavaScript. Saves a screenshot for the README."""

from __future__ import annotations

from datetime import date

import pytest

from custodes.transparency.models import PublishedTotal
from tests.conftest import SCREENSHOTS, needs_chromium
from tests.transparency.ledger import cases, closed_after

pytestmark = [pytest.mark.django_db(transaction=True), needs_chromium]


def test_the_public_report_shows_totals_and_charts(live_server, browser_page):
    for year, half, requests in [(2024, 1, 410), (2024, 2, 455), (2025, 1, 530), (2025, 2, 588)]:
        end = date(year, 6, 30) if half == 1 else date(year, 12, 31)
        PublishedTotal.objects.create(
            source="google",
            period=f"{year}H{half}",
            period_end=end,
            country="US",
            legal_process="All",
            requests=requests,
        )
    cases(
        180,
        disclosed_on=lambda i: date(2026, 3, 9) if i % 4 else None,
        secrecy=lambda i: "court_ordered" if i % 3 == 0 else "",
        **closed_after(9),
    )
    cases(90, instrument="search_warrant", disclosed_on=date(2026, 3, 20))
    cases(
        40, instrument="court_order_2703d", outcome="rejected", blocking_codes="AUTHORITY_MISMATCH"
    )
    cases(25, instrument="emergency_request", disclosed_on=date(2026, 3, 3))
    cases(12, instrument="administrative_subpoena", outcome="withdrawn")
    cases(30, instrument="preservation_request", outcome="preserved")
    cases(3, instrument="national_security_letter")

    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/transparency/?period=2026H1")
    assert page.locator("#total-requests").inner_text() == "347"
    assert page.locator("svg").count() == 2
    trend = page.locator("section[aria-labelledby=trend-heading] svg").inner_html()
    assert "2025H2: 588" in trend and "2026H1: 347" in trend
    assert "0-249" in page.locator("section[aria-labelledby=nsl-heading]").inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "transparency.png"), full_page=True)
