"""In a real browser (Debian's Chromium driven by Playwright): a reviewer opens an uploaded
demand's case, hovers over a target and an item of the request, and sees the lines of the
document they were read from highlighted; following a link goes to the line. Saves a
screenshot of the document panel for the README."""

from __future__ import annotations

import pytest

from custodes.cases.people import add_staff, current_code
from tests.conftest import PASSWORD, SCREENSHOTS, needs_chromium

pytestmark = [pytest.mark.django_db(transaction=True), needs_chromium]

DEMAND = """\
MARITIME POLICE AUTHORITY
Harbour Crimes Unit

SUBPOENA FOR RECORDS (19 U.S.C. § 1509)

To: Parley Social, Inc.

Background: the account below advertised smuggled cigarettes landed at Pier 9 without duty
being paid, and arranged their sale by direct message.

YOU ARE HEREBY REQUIRED to produce the records described below on or before January 15, 2027.

Account: the Parley Social account @pier9.smokes, registered to Pier9Smokes@Example.net

Records requested for the period April 1, 2026 through October 31, 2026:
  1. The name, postal address and telephone number of the subscriber, and the
     means and source of payment for the account;
  2. The dates and times the account was created and last used.

Issued by: /s/ Morgan Tull, Port Director          Date: November 19, 2026
Contact: Officer K. Brandt, k.brandt@cbp.dhs.gov, (305) 555-0164
"""

HIGHLIGHT = "rgb(255, 214, 102)"  # the background of a span while its field is hovered


def _line(words: str) -> int:
    return next(n for n, t in enumerate(DEMAND.split("\n"), start=1) if words in t)


def test_a_reviewer_sees_where_a_target_and_an_item_were_read(live_server, browser_page, tmp_path):
    page = browser_page
    _, device = add_staff("rosa", PASSWORD, ["reviewer"], full_name="Rosa Reyes", title="Reviewer")
    page.goto(f"{live_server.url}/login/")
    page.fill("#username", "rosa")
    page.fill("#password", PASSWORD)
    page.fill("#token", current_code(device))
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    demand = tmp_path / "maritime-subpoena.txt"
    demand.write_text(DEMAND)
    page.goto(f"{live_server.url}/upload/")
    page.set_input_files("#document", str(demand))
    page.click("text=Upload and review")
    page.wait_for_url("**/cases/C-*/")

    target_line = page.locator(f"#L{_line('@pier9.smokes')}")
    assert "targets" in page.locator(".part.role-targets .part-role").inner_text().lower()
    assert target_line.evaluate("e => getComputedStyle(e).backgroundColor") != HIGHLIGHT

    username = page.locator('.src-link[data-field="selectors-0"]')
    username.hover()
    assert target_line.evaluate("e => getComputedStyle(e).backgroundColor") == HIGHLIGHT
    assert "Target 1" in target_line.inner_text()

    page.mouse.move(0, 0)
    item = page.locator('.src-link[data-field="items-0"]')
    item.focus()  # the keyboard highlights as the mouse does
    first, second = _line("1. The name"), _line("means and source")
    for number in (first, second):
        line = page.locator(f"#L{number}")
        assert line.evaluate("e => getComputedStyle(e).backgroundColor") == HIGHLIGHT
    assert target_line.evaluate("e => getComputedStyle(e).backgroundColor") != HIGHLIGHT
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("section[aria-labelledby=document-heading]").screenshot(
        path=str(SCREENSHOTS / "case-document-sources.png")
    )

    item.click()  # without JavaScript, an anchor: the line is the page's target
    assert page.url.endswith(f"#L{first}")
    assert page.locator(f"#L{first}").evaluate("e => e.matches(':target')")
