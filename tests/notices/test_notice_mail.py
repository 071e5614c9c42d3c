"""The notice, sent through a real SMTP server on loopback, and the objection link in it."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.core import signing

from custodes.cases.models import Case
from custodes.cases.workflow import State
from custodes.notices.models import Notice
from custodes.notices.tokens import SALT, token_for
from custodes.worker import tick
from tests.notices.conftest import HOLDER, ICE_SUBPOENA, into_notice_period, link_in, on

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def notified(open_case, counsel, smtp):
    """An ICE subpoena whose notice went out on 2026-11-23."""
    with on("2026-11-23"):
        case = into_notice_period(open_case(**ICE_SUBPOENA), counsel)
        tick()
    return case


def test_the_notice_arrives_with_every_field(notified, smtp):
    [message] = smtp.messages
    body = message.get_content()
    assert message["To"] == HOLDER
    assert (
        message["Subject"] == "Parley Social, Inc.: a government demand for data about your account"
    )
    assert message["Message-ID"] == Notice.objects.get().mail.message_id
    for field in (
        "U.S. Immigration and Customs Enforcement",  # who asked
        "an administrative subpoena (issued by an agency, not a judge) (8 U.S.C. § 1225(d))",
        "Received on:     2026-11-23",
        "username northside.alerts",
        "For the period:  2026-01-01 to 2026-11-15",
        "basic subscriber information",  # what data
        "tell us by 2026-12-07",  # by when: 14 days
        "Object here: http://127.0.0.1:8000/notice/",  # how
        "https://www.eff.org/pages/legal-assistance",  # where to find help
        "never ask for your password",
        f"Our reference: {notified.reference}",
    ):
        assert field in body


def test_the_link_takes_one_objection_and_challenges_the_case(notified, smtp, client):
    path = urlsplit(link_in(smtp.messages[0])).path
    with on("2026-11-30"):
        page = client.get(path)
        assert page.status_code == 200 and b"I object to this demand" in page.content
        assert page["Referrer-Policy"] == "same-origin"
        done = client.post(path, {"lawyer": "J. Doe, Esq., jdoe@example.com", "statement": ""})
        assert done.status_code == 200 and b"Your objection was received" in done.content
        again = client.post(path, {"lawyer": "", "statement": "twice"})
    assert again.status_code == 409 and b"this link works once" in again.content
    case = Case.objects.get(pk=notified.pk)
    assert case.state == State.CHALLENGED
    assert case.notices.get().objection.lawyer == "J. Doe, Esq., jdoe@example.com"


def test_the_link_expires_after_the_window(notified, smtp, client):
    path = urlsplit(link_in(smtp.messages[0])).path
    with on("2026-12-07"):
        assert b"I object to this demand" in client.get(path).content
    with on("2026-12-08"):
        assert b"I object to this demand" not in client.get(path).content
        late = client.post(path, {"lawyer": "", "statement": ""})
    assert late.status_code == 409 and b"The time to object ended on 2026-12-07" in late.content
    assert Case.objects.get(pk=notified.pk).state == State.NOTICE_PERIOD


def test_a_forged_or_altered_link_is_refused(notified, client):
    notice = Notice.objects.get()
    token = token_for(notice)
    altered = token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1]
    guessed_nonce = signing.dumps({"n": notice.pk, "k": "guess"}, salt=SALT)
    other_salt = signing.dumps({"n": notice.pk, "k": notice.nonce}, salt="another.purpose")
    for forged in (altered, guessed_nonce, other_salt, "not-a-token"):
        response = client.post(f"/notice/{forged}/", {"lawyer": "", "statement": ""})
        assert response.status_code == 404 and b"This link is not valid" in response.content
    assert Case.objects.get(pk=notified.pk).state == State.NOTICE_PERIOD
