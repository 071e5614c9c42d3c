"""In a real browser: the account holder opens the link in their notice, objects, and the
case shows `challenged` to counsel. Saves a screenshot of the objection page for the README."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from custodes.cases.people import add_staff, current_code
from custodes.worker import tick
from tests.conftest import PASSWORD, SCREENSHOTS, needs_chromium
from tests.notices.conftest import ICE_SUBPOENA, into_notice_period, link_in

pytestmark = [pytest.mark.django_db(transaction=True), needs_chromium]


def test_the_user_objects_from_the_notice_and_the_case_is_challenged(
    live_server, browser_page, open_case, smtp
):
    counsel, device = add_staff(
        "claire", PASSWORD, ["counsel", "reviewer"], full_name="Claire Dubois", title="Counsel"
    )
    case = into_notice_period(open_case(**ICE_SUBPOENA), counsel)
    tick()
    [notice] = smtp.messages
    page = browser_page

    page.goto(live_server.url + urlsplit(link_in(notice)).path)
    assert "U.S. Immigration and Customs Enforcement" in page.content()
    page.fill("#lawyer", "Jordan Doe, Esq., Civil Liberties Clinic, jdoe@clinic.example")
    page.fill("#statement", "I report on public immigration enforcement; I object.")
    page.set_viewport_size({"width": 390, "height": 844})  # as on a phone
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "notice-objection.png"), full_page=True)
    page.click("text=I object to this demand")
    page.wait_for_selector("#received-heading")
    assert "Your objection was received" in page.content()

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/login/")
    page.fill("#username", "claire")
    page.fill("#password", PASSWORD)
    page.fill("#token", current_code(device))
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/cases/{case.reference}/")
    assert "challenged" in page.locator("h1").inner_text()
    panel = page.locator("section[aria-labelledby=notice-heading]").inner_text()
    assert "Jordan Doe, Esq." in panel and "How the objection ended" in panel
    timeline = page.locator("section[aria-labelledby=timeline-heading]").inner_text()
    assert "custodes.notice.objected" in timeline
