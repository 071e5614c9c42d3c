"""In a real browser (Debian's Chromium driven by Playwright): a reviewer uploads a fax, sees
its page drawn beside the text read from it, and hovering over a target highlights the box
around the line it was read from on the picture of the page. Saves a screenshot of the
document, the page beside its text, for the README."""

from __future__ import annotations

import pytest

from custodes.cases.people import add_staff, current_code
from tests.conftest import PASSWORD, SCREENSHOTS, needs_chromium
from tests.intake import scans
from tests.intake.test_documents import DEMAND

pytestmark = [pytest.mark.django_db(transaction=True), needs_chromium, scans.needs_ocr]


def test_a_reviewer_sees_where_a_target_was_read_on_the_faxed_page(
    live_server, browser_page, tmp_path
):
    page = browser_page
    _, device = add_staff("rosa", PASSWORD, ["reviewer"], full_name="Rosa Reyes", title="Reviewer")
    page.goto(f"{live_server.url}/login/")
    page.fill("#username", "rosa")
    page.fill("#password", PASSWORD)
    page.fill("#token", current_code(device))
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    fax = tmp_path / "fax.tif"
    pages = [
        scans.faxed(p, scans.FAX_STANDARD)
        for p in scans.pages_of(scans.wrapped(DEMAND, 66), points=14)
    ]
    fax.write_bytes(scans.tiff(pages, scans.FAX_STANDARD))
    page.goto(f"{live_server.url}/upload/")
    page.set_input_files("#document", str(fax))
    page.click("text=Upload and review")
    page.wait_for_url("**/cases/C-*/")

    picture = page.locator("#P1 img")
    picture.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('#P1 img').naturalWidth > 0")
    box = page.locator("#P1 .hl.f-selectors-0")
    calm = box.evaluate("e => getComputedStyle(e).backgroundColor")
    page.locator('.src-link[data-field="selectors-0"]').hover()
    assert box.evaluate("e => getComputedStyle(e).backgroundColor") != calm
    drawn, framed = picture.bounding_box(), box.bounding_box()
    assert (
        drawn["x"] <= framed["x"] and framed["x"] + framed["width"] <= drawn["x"] + drawn["width"]
    )
    # The username's line is the eighth of the demand's twenty: the box stands in the page's top
    # half, below its first lines.
    middle = (framed["y"] + framed["height"] / 2 - drawn["y"]) / drawn["height"]
    assert 0.1 < middle < 0.5
    page.set_viewport_size({"width": 1400, "height": 1000})  # wide: the page beside the text
    page.locator('.src-link[data-field="selectors-0"]').hover()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("section[aria-labelledby=document-heading]").screenshot(
        path=str(SCREENSHOTS / "case-scan.png")
    )
