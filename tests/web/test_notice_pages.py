"""The notice on the case page, its actions, who may take them, and the overdue list."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from custodes.audit.models import Event
from custodes.cases import services
from custodes.cases.models import Case
from custodes.cases.workflow import State
from custodes.notices.models import Notice, Objection
from custodes.notices.services import add_recipient
from tests.conftest import sign_in
from tests.notices.conftest import HOLDER, approve, into_notice_period, on

pytestmark = pytest.mark.django_db

NOTICE_ACTIONS = [
    ("/cases/{ref}/notices/", {"address": HOLDER}),
    ("/cases/{ref}/notices/{notice}/remove/", {}),
    ("/cases/{ref}/notices/{notice}/settle/", {"went_out": "no", "reason": "x"}),
    ("/cases/{ref}/notice-day/", {"send_on": "2026-12-01", "reason": "x"}),
    ("/cases/{ref}/order/lifted/", {"lifted_on": "2026-11-23", "reason": "x"}),
    ("/cases/{ref}/order/asked/", {"asked_on": "2026-11-23", "reason": "x"}),
    ("/cases/{ref}/nsl/asked/", {"asked_on": "2026-11-23", "how": "x"}),
    ("/cases/{ref}/challenge/", {"outcome": "withdrawn", "reason": "x"}),
    ("/cases/{ref}/preservation/", {"change": "extend", "reason": "x"}),
]


@pytest.mark.parametrize(("action", "data"), NOTICE_ACTIONS, ids=[a for a, _ in NOTICE_ACTIONS])
@pytest.mark.parametrize("persona", ["anonymous", "admin", "outsider"])
def test_no_one_without_a_case_role_touches_notice(action, data, persona, request, case):
    notice = Notice.objects.create(
        case=case, address="x@example.org", added_by=request.getfixturevalue("counsel")
    )
    client = Client()
    if persona != "anonymous":
        client = sign_in(client, request.getfixturevalue(persona))
    events = Event.objects.count()
    response = client.post(action.format(ref=case.reference, notice=notice.pk), data)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url.startswith("/login/")
    assert Event.objects.count() == events and Notice.objects.count() == 1


def test_the_case_page_says_when_the_user_is_told_and_why(open_case, reviewer):
    case = open_case()
    page = sign_in(Client(), reviewer).get(f"/cases/{case.reference}/").content.decode()
    assert "Notice to the user" in page
    assert "when the case enters its notice period" in page


def test_secrecy_that_no_court_ordered_is_shown_as_not_delaying_notice(open_case, reviewer):
    case = open_case(nondisclosure={"present": True, "court_ordered": False, "expires_on": None})
    page = sign_in(Client(), reviewer).get(f"/cases/{case.reference}/").content.decode()
    assert (
        "no court ordered it" in page
        and "notice goes ahead." in page
        and "NDO_NOT_BINDING)" not in page
    )


def test_a_reviewer_adds_the_account_holder_and_a_bad_address_is_explained(open_case, reviewer):
    case = open_case()
    client = sign_in(Client(), reviewer)
    url = f"/cases/{case.reference}/notices/"
    bad = client.post(url, {"address": "not an address"}, follow=True).content.decode()
    assert "is not an e-mail address" in bad
    client.post(url, {"address": " Holder@Example.org "})
    assert Notice.objects.get(case=case).address == HOLDER
    assert Event.objects.filter(action="custodes.notice.recipient_added").count() == 1


def test_counsel_records_a_withdrawal_and_the_case_closes(open_case, counsel):
    with on("2026-11-23"):
        case = into_notice_period(open_case(), counsel)
        notice = Notice.objects.get(case=case)
        Objection.objects.create(notice=notice, lawyer="J. Doe")
        Case.objects.filter(pk=case.pk).update(state=State.CHALLENGED)
        client = sign_in(Client(), counsel)
        refused = client.post(
            f"/cases/{case.reference}/move/", {"to": "producing"}, follow=True
        ).content.decode()
        assert "objection is pending" in refused
        client.post(
            f"/cases/{case.reference}/challenge/",
            {"outcome": "withdrawn", "reason": "ICE withdrew the subpoena by letter."},
        )
    case.refresh_from_db()
    assert (case.state, case.outcome) == (State.CLOSED, "withdrawn")
    assert Objection.objects.get().outcome == "withdrawn"


def test_production_after_an_objection_needs_the_courts_order(open_case, counsel, reviewer):
    with on("2026-11-23"):
        case = into_notice_period(open_case(), counsel)
        Objection.objects.create(notice=Notice.objects.get(case=case))
        Case.objects.filter(pk=case.pk).update(state=State.CHALLENGED)
        url = f"/cases/{case.reference}/challenge/"
        by_reviewer = sign_in(Client(), reviewer).post(
            url, {"outcome": "denied", "reason": "x"}, follow=True
        )
        assert "Counsel records how an objection ended" in by_reviewer.content.decode()
        client = sign_in(Client(), counsel)
        without = client.post(url, {"outcome": "denied", "reason": "Denied."}, follow=True)
        assert "Attach the court&#x27;s order" in without.content.decode()
        order = SimpleUploadedFile(
            "order.txt", b"ORDER\nThe motion to quash is DENIED.\nSo ordered. /s/ Judge\n"
        )
        client.post(url, {"outcome": "denied", "reason": "Denied.", "document": order})
    case.refresh_from_db()
    assert case.state == State.PRODUCING
    assert Objection.objects.get().court_order.original_name == "order.txt"


def test_preservation_lasts_90_days_and_extends_once(open_case, reviewer):
    with on("2026-11-23"):
        case = open_case(instrument="preservation_request", categories=["subscriber", "content"])
        services.move(case, reviewer, State.IN_REVIEW)
        services.move(case, reviewer, State.CLOSED, "preserved")
        assert case.preservation.ends_on.isoformat() == "2027-02-21"
        client = sign_in(Client(), reviewer)
        url = f"/cases/{case.reference}/preservation/"
        client.post(url, {"change": "extend", "reason": "The FBI's renewed request of 2027-02-10."})
        again = client.post(url, {"change": "extend", "reason": "again"}, follow=True)
    assert "allows one extension of 90 days" in again.content.decode()
    case.preservation.refresh_from_db()
    assert case.preservation.ends_on.isoformat() == "2027-05-22"


def test_the_queue_lists_what_is_overdue(open_case, reviewer, counsel):
    with on("2026-11-23"):
        late = open_case(return_by="2026-11-30")
        gagged = approve(
            open_case(nondisclosure={"present": True, "court_ordered": True, "expires_on": None}),
            counsel,
        )
        add_recipient(services.move(gagged, counsel, State.PRODUCING), counsel, HOLDER)
    with on("2027-12-01"):
        page = sign_in(Client(), reviewer).get("/").content.decode()
    assert "Overdue" in page
    assert late.reference in page and "The requester&#x27;s return date" in page
    assert gagged.reference in page and "Ask the court to end its non-disclosure order" in page


def test_the_provider_records_offer_the_account_holders_address(
    open_case, counsel, provider_database
):
    from custodes.production.services import resolve_targets

    case = approve(open_case(selectors=[{"kind": "username", "value": "someone"}]), counsel)
    resolve_targets(case, counsel)
    client = sign_in(Client(), counsel)
    page = client.get(f"/cases/{case.reference}/").content.decode()
    assert "From the provider's records: <strong>someone@example.org</strong>" in page
    client.post(f"/cases/{case.reference}/notices/", {"address": "someone@example.org"})
    assert Notice.objects.get(case=case).address == "someone@example.org"
    again = client.get(f"/cases/{case.reference}/").content.decode()
    assert "From the provider's records" not in again


@pytest.fixture
def provider_database(settings, tmp_path):
    from custodes.production import demo_provider

    path = demo_provider.create(tmp_path / "provider.sqlite3")
    settings.CUSTODES_PROVIDER_DATABASE_URL = f"sqlite:///{path}"
    return path
