"""Staff pages and e-mails show the contract's codes as people read them; forms and links
keep the codes."""

from __future__ import annotations

from datetime import date

import pytest

from custodes.notices.letters import reminder_mail

pytestmark = pytest.mark.django_db


@pytest.fixture
def partial_subpoena(open_case):
    """An administrative subpoena asking for content, which it cannot reach."""
    return open_case(
        instrument="administrative_subpoena",
        authority=["21 U.S.C. § 876"],
        categories=["subscriber", "content"],
        purpose="An investigation of drug trafficking (21 U.S.C. § 841).",
    )


def test_the_queue_reads_plain_words(partial_subpoena, reviewer, as_user):
    page = as_user(reviewer).get("/").content.decode()
    assert "<td>administrative subpoena</td>" in page
    assert "<td>received</td>" in page and ">produce in part<" in page
    assert '<option value="in_review" >in review</option>' in page  # the filter sends the code
    for code in ("administrative_subpoena", "produce_partial", "in_review"):
        assert f">{code}<" not in page


def test_the_case_page_reads_plain_words(partial_subpoena, reviewer, as_user):
    page = as_user(reviewer).get(f"/cases/{partial_subpoena.reference}/").content.decode()
    assert "<tr><th>Instrument</th><td>administrative subpoena</td></tr>" in page
    assert '<label for="allowed-subscriber">basic subscriber information</label>' in page
    assert ">produce in part<" in page
    assert "<strong>content needs a search warrant</strong>" in page
    assert "CONTENT_REQUIRES_WARRANT" in page  # the code stays beside its title
    assert "Move to in review" in page
    assert "received the demand by the API" in page  # the timeline's sentence
    for code in ("produce_partial", "in_review"):
        assert f">{code}<" not in page


def test_a_reminder_names_the_instrument_in_plain_words(partial_subpoena):
    _, body = reminder_mail(partial_subpoena, "The return date", date(2027, 1, 12), 7)
    assert "(administrative subpoena, Federal Bureau of Investigation)" in body
