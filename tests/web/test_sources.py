"""The case page shows the document line by line in its parts, and links each field of the
request to the lines it was read from; to anyone without a case role it shows nothing."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from custodes.cases import services
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

DEMAND = """\
OFFICE OF THE ATTORNEY GENERAL OF THE STATE OF NORTHWIND
Consumer Fraud Division

ADMINISTRATIVE SUBPOENA DUCES TECUM (Northwind Rev. Stat. § 44-210)

To: Parley Social, Inc., Custodian of Records

YOU ARE HEREBY COMMANDED to produce the records listed below by January 8, 2027.

Account: the Parley Social account @saltmarsh.deals

Records requested for the period March 1, 2026 through September 30, 2026:
  1. The subscriber's name and postal address;
  2. The telephone number and e-mail address used to register the account.

Issued by: /s/ Dana Ilves, Assistant Attorney General      Date: November 18, 2026
Contact: Investigator Rui Almeida, rui.almeida@ag.northwind.gov
"""


@pytest.fixture
def uploaded(reviewer):
    return services.receive_upload(DEMAND.encode(), "subpoena.txt", reviewer)


def _line(words: str) -> int:
    return next(n for n, t in enumerate(DEMAND.split("\n"), start=1) if words in t)


def test_a_reviewer_sees_the_document_line_by_line_in_its_parts(uploaded, reviewer):
    page = sign_in(Client(), reviewer).get(f"/cases/{uploaded.reference}/").content.decode()
    target = _line("@saltmarsh.deals")
    assert f'id="L{target}"' in page and f'href="#L{target}"' in page
    assert '<div class="part role-targets">' in page
    assert '<div class="part role-schedule">' in page
    assert ">targets <span>lines" in page or ">targets <span>line" in page


def test_each_field_links_to_the_lines_it_was_read_from(uploaded, reviewer):
    page = sign_in(Client(), reviewer).get(f"/cases/{uploaded.reference}/").content.decode()
    target, item = _line("@saltmarsh.deals"), _line("1. The subscriber")
    assert f'data-field="selectors-0" href="#L{target}"' in page
    assert f'data-field="items-0" href="#L{item}"' in page
    assert f'class="line src f-selectors-0" id="L{target}"' in page
    assert 'href="#F-selectors-0"' in page  # and the line names the field, back to it


def test_a_correction_is_shown_where_the_document_names_it_or_said_to_be_nowhere(
    uploaded, reviewer
):
    client = sign_in(Client(), reviewer)
    form = {"instrument": "administrative_subpoena", "categories": ["subscriber"]}
    form["selectors"] = "username: saltmarsh.deals\nusername: no_such_account"
    client.post(f"/cases/{uploaded.reference}/correct/", form)
    page = client.get(f"/cases/{uploaded.reference}/").content.decode()
    assert f'data-field="selectors-0" href="#L{_line("@saltmarsh.deals")}"' in page
    assert "no_such_account" in page and "not found in the document" in page


def test_an_outsider_sees_nothing_of_the_document(uploaded, outsider, admin):
    for person in (outsider, admin):
        response = sign_in(Client(), person).get(f"/cases/{uploaded.reference}/")
        assert response.status_code == 403
        page = response.content.decode()
        assert "saltmarsh" not in page and 'id="L1"' not in page and 'class="part' not in page


def test_anyone_signed_out_is_sent_to_sign_in(uploaded):
    response = Client().get(f"/cases/{uploaded.reference}/")
    assert response.status_code == 302 and response.url.startswith("/login/")


def test_a_failing_reading_rule_still_shows_the_document(uploaded, reviewer, monkeypatch):
    def broken(*_):
        raise ValueError("a rule that fails")

    monkeypatch.setattr("custodes.web.sources.find_sources", broken)
    cache.clear()  # nothing read before
    response = sign_in(Client(), reviewer).get(f"/cases/{uploaded.reference}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<pre class="document">' in page and "@saltmarsh.deals" in page
    assert 'class="src-link"' not in page
