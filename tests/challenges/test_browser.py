"""In a real browser (Debian's Chromium driven by Playwright): counsel records on the case page
the motion to quash the ACLU filed for the account holder who objected, with its court, docket
and filing, and sees what production now holds back. Saves a screenshot of the challenge
record for the README."""

from __future__ import annotations

import pytest

from custodes.cases.people import current_code
from custodes.challenges.models import Challenge
from tests.challenges.conftest import MOTION, NORTH, notified_case, object_for
from tests.conftest import PASSWORD, SCREENSHOTS, needs_chromium

pytestmark = [pytest.mark.django_db(transaction=True), needs_chromium]


def test_counsel_records_a_challenge_on_the_case_page(
    live_server, browser_page, counsel, provider, tmp_path
):
    case = notified_case(counsel)
    object_for(case)
    page = browser_page
    page.goto(f"{live_server.url}/login/")
    page.fill("#username", counsel.get_username())
    page.fill("#password", PASSWORD)
    page.fill("#token", current_code(counsel.totpdevice_set.first()))
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/cases/{case.reference}/")

    section = page.locator("#challenges")
    assert "No challenge is recorded" in section.inner_text()
    page.select_option("#new-challenge-filed-by", "holder")
    page.select_option("#new-challenge-kind", "motion_to_quash")
    page.check(f"input[name=accounts][value='{NORTH}']")
    page.check("input[name=objections]")
    page.fill("#new-challenge-court", MOTION["court"])
    page.fill("#new-challenge-docket", MOTION["docket"])
    page.fill("#new-challenge-filed-on", "2026-11-27")
    page.fill("#new-challenge-hearing-on", "2026-12-15")
    page.fill("#new-challenge-notes", "Filed by the ACLU of Pennsylvania for the account holder.")
    motion = tmp_path / "motion-to-quash.txt"
    motion.write_text("MOTION TO QUASH the administrative subpoena of ICE (8 U.S.C. § 1225(d)).\n")
    page.set_input_files("#new-challenge-document", str(motion))
    page.click("#record-challenge")
    page.wait_for_load_state()

    assert "Recorded the motion to quash" in page.locator("ul.messages").inner_text()
    record = page.locator("#challenges").inner_text()
    assert "Motion to quash by the account holder in U.S. District Court" in record
    assert MOTION["docket"] in record and "hearing 2026-12-15" in record
    assert "motion-to-quash.txt" in record
    assert f"{NORTH}: challenged" in record  # production holds the account back
    challenge = Challenge.objects.get()
    assert (challenge.docket, challenge.accounts) == (MOTION["docket"], [NORTH])

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#challenges").screenshot(path=str(SCREENSHOTS / "case-challenge.png"))
