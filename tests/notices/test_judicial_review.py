"""On a national security letter counsel is reminded to ask the FBI to seek judicial review of
its secrecy (18 U.S.C. § 3511(b)) until the request is recorded, on the case page, audited."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from custodes.audit.models import Event
from custodes.notices.models import JudicialReviewAsked
from custodes.notices.review import record_asked
from custodes.worker import tick
from tests.conftest import sign_in
from tests.notices.conftest import on

pytestmark = pytest.mark.django_db(transaction=True)

NSL = {
    "instrument": "national_security_letter",
    "authority": ["18 U.S.C. § 2709"],
    "agency": "Federal Bureau of Investigation",
}


def test_counsel_is_reminded_7_days_before_and_not_after_the_request_is_recorded(
    open_case, counsel_with_mail, smtp
):
    with on("2026-11-23"):
        case = open_case(**NSL)  # received 2026-11-23: the FBI is asked by 2026-12-03
        tick()
    with on("2026-11-25"):
        tick()
    assert smtp.to("carl@parley.example") == []
    with on("2026-11-26"):
        tick()
        tick()
    [reminder] = smtp.to("carl@parley.example")
    assert "judicial review of the letter's secrecy" in reminder.get_content()
    assert "2026-12-03, in 7 days" in reminder.get_content()
    with on("2026-11-27"):
        record_asked(case, counsel_with_mail, date(2026, 11, 27), "letter to the FBI's OGC")
    with on("2026-12-02"):
        tick()
    assert len(smtp.to("carl@parley.example")) == 1  # no one-day reminder: the FBI was asked


def test_no_reminder_of_judicial_review_on_other_process(open_case, counsel_with_mail, smtp):
    with on("2026-11-30"):
        open_case()  # an administrative subpoena with no return date
        tick()
    assert smtp.to("carl@parley.example") == []


def test_counsel_records_the_request_on_the_case_page_with_the_letter_as_sent(open_case, counsel):
    case = open_case(**NSL)
    client = sign_in(Client(), counsel)
    page = client.get(f"/cases/{case.reference}/").content.decode()
    assert "Judicial review of the letter's secrecy" in page and "by 2026-12-03" in page
    sent = SimpleUploadedFile("request.txt", b"We ask the FBI to seek judicial review.")
    data = {"asked_on": "2026-11-23", "how": "letter to the FBI", "document": sent}
    with on("2026-11-24"):
        after = client.post(f"/cases/{case.reference}/nsl/asked/", data, follow=True)
    text = after.content.decode()
    assert "Counsel asked the FBI on 2026-11-23 (letter to the FBI)" in text
    assert "request.txt" in text
    [event] = Event.objects.filter(action="custodes.nsl.review_asked")
    assert event.actor == counsel and event.data == {
        "asked_on": "2026-11-23",
        "how": "letter to the FBI",
    }
    assert JudicialReviewAsked.objects.get(case=case).document.original_name == "request.txt"


def test_a_reviewer_cannot_record_it_and_nothing_is_kept(open_case, reviewer):
    case = open_case(**NSL)
    client = sign_in(Client(), reviewer)
    with on("2026-11-24"):
        page = client.post(
            f"/cases/{case.reference}/nsl/asked/",
            {"asked_on": "2026-11-23", "how": "e-mail"},
            follow=True,
        ).content.decode()
    assert "Only counsel asks the FBI" in page
    assert not JudicialReviewAsked.objects.exists()
    assert not Event.objects.filter(action="custodes.nsl.review_asked").exists()


@pytest.mark.parametrize(
    ("asked_on", "how", "said"),
    [
        ("2026-11-23", " ", "Say how the FBI was asked"),
        ("2026-11-25", "e-mail", "the date is in the future"),
        ("2026-11-20", "e-mail", "before the letter arrived"),
    ],
)
def test_a_bad_record_says_what_to_fix(open_case, counsel, asked_on, how, said):
    case = open_case(**NSL)
    client = sign_in(Client(), counsel)
    with on("2026-11-24"):
        page = client.post(
            f"/cases/{case.reference}/nsl/asked/", {"asked_on": asked_on, "how": how}, follow=True
        ).content.decode()
    assert said in page and not JudicialReviewAsked.objects.exists()


def test_it_is_recorded_once(open_case, counsel):
    case = open_case(**NSL)
    with on("2026-11-24"):
        record_asked(case, counsel, date(2026, 11, 24), "e-mail")
        client = sign_in(Client(), counsel)
        page = client.post(
            f"/cases/{case.reference}/nsl/asked/",
            {"asked_on": "2026-11-24", "how": "letter"},
            follow=True,
        ).content.decode()
    assert "already recorded" in page
    assert Event.objects.filter(action="custodes.nsl.review_asked").count() == 1
