"""In Debian's chromium: an officer signs up, confirms by the e-mailed link, sets up the
authenticator, is approved by counsel, submits a subpoena, reads what the process does not
reach, and follows its status."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model

from custodes.cases import services
from custodes.cases.models import Case
from custodes.cases.people import add_staff, current_code
from custodes.cases.workflow import State
from custodes.outbox.models import Mail
from tests.conftest import PASSWORD, SCREENSHOTS, needs_chromium

pytestmark = [pytest.mark.django_db(transaction=True), needs_chromium]


def _fresh_code(username: str) -> str:
    device = get_user_model().objects.get(username=username).totpdevice_set.get()
    device.last_t = -1  # the next window's code, without waiting thirty seconds for it
    device.save()
    return current_code(device)


def test_an_officer_signs_up_is_approved_submits_and_follows_the_demand(live_server, browser_page):
    page, url = browser_page, live_server.url
    page.goto(f"{url}/portal/signup/")
    page.fill("#name", "SA Dana Reyes")
    page.fill("#agency", "Federal Bureau of Investigation")
    page.fill("#email", "dana.reyes@fbi.gov")
    page.fill("#phone", "+1 202 555 0100")
    page.fill("#password", "serve-process-2026")
    page.click("button[type=submit]")
    assert "Check your e-mail" in page.content()

    link = re.search(r"/portal/confirm/\S+/", Mail.objects.latest("pk").body).group(0)
    page.goto(url + link)
    assert page.locator("#secret").inner_text()
    page.fill("#token", _fresh_code("dana.reyes@fbi.gov"))
    page.click("button[type=submit]")
    assert "Waiting for approval" in page.content()

    add_staff("carla", PASSWORD, ["counsel", "reviewer"], full_name="Carla Ruiz", title="Counsel")
    page.goto(f"{url}/login/")
    page.fill("#username", "carla")
    page.fill("#password", PASSWORD)
    page.fill("#token", _fresh_code("carla"))
    page.click("button[type=submit]")
    page.goto(f"{url}/staff/requesters/")
    assert "dana.reyes@fbi.gov" in page.content()
    page.click("button[value=approve]")
    page.click("text=Sign out")

    page.goto(f"{url}/portal/login/")
    page.fill("#email", "dana.reyes@fbi.gov")
    page.fill("#password", "serve-process-2026")
    page.fill("#token", _fresh_code("dana.reyes@fbi.gov"))
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/portal/")

    page.goto(f"{url}/portal/submit/")
    page.select_option("#instrument", "grand_jury_subpoena")
    page.fill("#case_number", "GJ-26-117")
    page.fill("#selectors", "username: harbor.lights\nemail: harbor.lights@example.com")
    page.check("#cat-subscriber")
    page.check("#cat-content")
    page.fill("#date_start", "2026-03-01")
    page.fill("#date_end", "2026-09-30")
    page.check("#signed")
    page.fill("#purpose", "A grand jury investigation of bank fraud (18 U.S.C. § 1344).")
    page.click("form.panel button[type=submit]")
    page.wait_for_url("**/portal/demands/C-*/")
    feedback = page.locator("section[aria-labelledby=feedback-heading]").inner_text()
    assert "only a search warrant compels it" in feedback
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "portal-demand.png"), full_page=True)

    case = Case.objects.get()
    services.move(case, get_user_model().objects.get(username="carla"), State.IN_REVIEW)
    services.move(case, get_user_model().objects.get(username="carla"), State.AWAITING_REQUESTER)
    page.goto(f"{url}/portal/")
    row = page.locator(f"tr:has-text('{case.reference}')").inner_text()
    assert "GJ-26-117" in row and "we need your answer" in row
