"""The correction form covers every field of the request: what a reviewer types replaces
what intake read, and a bad entry is refused saying what is wrong."""

from __future__ import annotations

import pytest
from django.test import Client

from custodes.audit.models import Event
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

# The form as the case page fills it for the test helpers' grand jury subpoena.
AS_READ = {
    "instrument": "grand_jury_subpoena",
    "authority": "",
    "agency": "Federal Bureau of Investigation",
    "country": "US",
    "addressed_to": "Parley Social, Inc.",
    "requester_name": "SA Test",
    "requester_email": "agent@fbi.gov",
    "requester_phone": "+12025550100",
    "issued_on": "2026-11-16",
    "return_by": "2027-01-12",
    "execute_by": "",
    "signed": "yes",
    "categories": ["subscriber"],
    "items": "",
    "selectors": "username: someone",
    "date_start": "2026-01-01",
    "date_end": "2026-11-01",
    "purpose": "An investigation of wire fraud (18 U.S.C. § 1343).",
}


@pytest.fixture
def correct(case, reviewer):
    client = sign_in(Client(), reviewer)

    def post(**changes):
        response = client.post(f"/cases/{case.reference}/correct/", AS_READ | changes, follow=True)
        case.demand.refresh_from_db()
        return [str(m) for m in response.context["messages"] if m.level_tag == "error"]

    return post


def test_the_case_page_fills_the_form_with_the_request_as_read(case, reviewer):
    page = sign_in(Client(), reviewer).get(f"/cases/{case.reference}/").content.decode()
    assert 'name="requester_email" value="agent@fbi.gov"' in page
    assert '<option value="yes" selected>yes</option>' in page
    assert 'name="country" value="US"' in page


def test_a_correction_changes_every_field_it_names(case, correct):
    assert (
        correct(
            authority="Fed. R. Crim. P. 17(c)\n\n18 U.S.C. § 2703(c)(2)\n",
            agency="Drug Enforcement Administration",
            country="ca",
            addressed_to="Parley Social Inc. (Delaware)",
            requester_name="SA Jordan Blake",
            requester_email="Jordan.Blake@dea.gov",
            requester_phone="(613) 555-0142",
            signed="no",
            execute_by="2026-11-30",
            categories=["subscriber", "transactional"],
            items="Subscriber: names and addresses\ntransactional: IP logs: every sign-in",
        )
        == []
    )
    request = case.demand.request
    assert request["authority"] == ["Fed. R. Crim. P. 17(c)", "18 U.S.C. § 2703(c)(2)"]
    assert request["agency"] == "Drug Enforcement Administration"
    assert request["country"] == "CA"
    assert request["addressed_to"] == "Parley Social Inc. (Delaware)"
    assert request["requester"] == {
        "name": "SA Jordan Blake",
        "email": "jordan.blake@dea.gov",
        "phone": "+16135550142",
    }
    assert request["signed"] is False
    assert request["execute_by"] == "2026-11-30"
    assert request["items"] == [
        {"text": "names and addresses", "category": "subscriber"},
        {"text": "IP logs: every sign-in", "category": "transactional"},
    ]
    changed = Event.objects.get(action="custodes.request.corrected").data["changed"]
    assert {"authority", "agency", "country", "addressed_to", "requester", "signed"} <= set(changed)
    assert changed["agency"] == {
        "from": "Federal Bureau of Investigation",
        "to": "Drug Enforcement Administration",
    }


def test_signed_may_be_not_known(case, correct):
    correct(signed="")
    assert case.demand.request["signed"] is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"items": "subscriber: names\ncontnet: messages"},
            "Requested item line 2: 'contnet' is not a data category; the categories are "
            "subscriber, transactional, content, location, realtime_noncontent, realtime_content.",
        ),
        ({"items": "subscriber names"}, "Requested item line 1 should read 'category: text'"),
        (
            {"items": "content: messages"},
            "Requested item line 1 asks for content records, but content is not checked under "
            "Categories: check it, or change the line.",
        ),
        ({"requester_email": "jordan at dea"}, "The requester's e-mail 'jordan at dea' is not"),
        ({"requester_phone": "12"}, "The requester's phone '12' is not a phone number"),
        ({"country": "USA"}, "country: 'USA' is not a two-letter country code such as 'US'"),
        ({"execute_by": "30/11/2026"}, "execute_by: '30/11/2026' is not an ISO date"),
        ({"selectors": "ip: 198.51.100.7 port 70000"}, "a port is a whole number from 1 to 65535"),
    ],
    ids=["category", "no-colon", "unchecked", "email", "phone", "country", "date", "port"],
)
def test_a_bad_entry_is_refused_saying_what_is_wrong(case, correct, changes, message):
    before = case.demand.request
    [shown] = correct(agency="Drug Enforcement Administration", **changes)
    assert message in shown
    assert case.demand.request == before
    assert not Event.objects.filter(action="custodes.request.corrected").exists()


def test_an_ip_address_keeps_its_time_and_port_through_a_correction(case, correct, reviewer):
    line = "ip: 198.51.100.7 at 2026-10-04T03:12:47Z port 52144"
    assert correct(selectors=line) == []
    assert case.demand.request["selectors"] == [
        {"kind": "ip", "value": "198.51.100.7", "at": "2026-10-04T03:12:47Z", "port": 52144}
    ]
    page = sign_in(Client(), reviewer).get(f"/cases/{case.reference}/").content.decode()
    assert f">{line}</textarea>" in page  # the form offers it back as it stands


def test_a_corrected_ip_address_is_looked_up_with_its_port(case, correct):
    assert correct(selectors="ip: 198.51.100.7 at 2026-10-04T03:12:47Z port 52144") == []
    [target] = case.targets.all()
    assert (target.value, target.at, target.port) == ("198.51.100.7", "2026-10-04T03:12:47Z", 52144)
