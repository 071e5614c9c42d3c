"""In Debian's chromium: an officer reads the provider's pushback letter on their subpoena
and answers with a narrower demand, which is reviewed again at once."""

from __future__ import annotations

import pytest

from custodes.cases import services
from custodes.cases.models import Case
from custodes.cases.workflow import State
from custodes.letters import services as letters
from custodes.letters.models import Reply
from tests.conftest import REQUESTER_PASSWORD, SCREENSHOTS, needs_chromium
from tests.letters.conftest import CONTENT_ON_SUBPOENA
from tests.portal.test_browser import _fresh_code

pytestmark = [pytest.mark.django_db(transaction=True), needs_chromium]


def test_an_officer_reads_the_pushback_and_narrows_the_demand(
    live_server, browser_page, demand_of, reviewer, officer
):
    case = services.move(demand_of(**CONTENT_ON_SUBPOENA), reviewer, State.IN_REVIEW)
    letters.send(letters.draft(case, reviewer), reviewer)
    page, url = browser_page, live_server.url
    page.goto(f"{url}/portal/login/")
    page.fill("#email", officer.email)
    page.fill("#password", REQUESTER_PASSWORD)
    page.fill("#token", _fresh_code(officer.username))
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/portal/")

    page.goto(f"{url}/portal/demands/{case.reference}/")
    letter = page.locator("section[aria-labelledby=letters-heading]").inner_text()
    assert "What it does not reach, and the process that would" in letter
    assert "It needs a search warrant (18 U.S.C. § 2703(a)" in letter
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "portal-letter.png"), full_page=True)

    page.uncheck("#reply-cat-content")
    page.fill("#reply-start", "2026-06-01")
    page.fill("#reply-message", "We withdraw the request for content; subscriber records only.")
    page.click("#send-reply")
    page.wait_for_url(f"{url}/portal/demands/{case.reference}/")
    assert "Your answer was received" in page.content()

    case = Case.objects.get(pk=case.pk)
    assert case.demand.request["categories"] == ["subscriber"]
    assert case.demand.request["date_range"]["start"] == "2026-06-01"
    assert case.engine_action == "produce"
    assert sorted(Reply.objects.get().changes) == ["categories", "date_range"]
