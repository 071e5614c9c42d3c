"""Every role against every page and action: anonymous, outsider, admin, reviewer, counsel."""

from __future__ import annotations

import pytest
from django.test import Client

from custodes.audit.models import Event
from custodes.cases.models import Case
from tests.conftest import sign_in
from tests.helpers import RECEIVED_ON, request

pytestmark = pytest.mark.django_db

PAGES = ["/", "/upload/", "/cases/{ref}/", "/cases/{ref}/documents/{doc}/", "/staff/"]
ACTIONS = [
    ("/cases/{ref}/move/", {"to": "in_review"}),
    ("/cases/{ref}/decide/", {"action": "produce", "allowed": ["subscriber"]}),
    ("/cases/{ref}/correct/", {"instrument": "grand_jury_subpoena", "categories": ["subscriber"]}),
    ("/cases/{ref}/notes/", {"text": "called the agency"}),
    ("/cases/{ref}/assign/", {"assignee": ""}),
]
WORKS_CASES = {"reviewer", "counsel"}


@pytest.fixture
def uploaded_case(db, reviewer):
    """A case as staff upload it: the structured request (not what intake reads from the
    text, which these tests are not about) with its document kept."""
    from custodes.cases import services
    from custodes.cases.uploads import check_upload

    document = b"SUBPOENA TO TESTIFY BEFORE A GRAND JURY\nTo: Parley Social, Inc.\n"
    checked = check_upload(document, "subpoena.txt")
    case = services.open_case(
        request(),
        "upload",
        reviewer,
        RECEIVED_ON,
        document=(document, "subpoena.txt", checked),
    )
    assert case.engine_action == "produce"
    return case


@pytest.fixture
def people(reviewer, counsel, admin, outsider):
    return {"reviewer": reviewer, "counsel": counsel, "admin": admin, "outsider": outsider}


def _url(template, case):
    return template.format(ref=case.reference, doc=case.demand.documents.first().pk)


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_sees_nothing_and_is_sent_to_sign_in(page, uploaded_case):
    response = Client().get(_url(page, uploaded_case))
    assert response.status_code == 302 and response.url.startswith("/login/")


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("persona", ["reviewer", "counsel", "admin", "outsider"])
def test_each_role_sees_only_its_pages(page, persona, people, uploaded_case):
    client = sign_in(Client(), people[persona])
    response = client.get(_url(page, uploaded_case))
    allowed = persona == "admin" if page == "/staff/" else persona in WORKS_CASES
    assert response.status_code == (200 if allowed else 403)


@pytest.mark.parametrize(("action", "data"), ACTIONS, ids=[a for a, _ in ACTIONS])
@pytest.mark.parametrize("persona", ["anonymous", "admin", "outsider"])
def test_no_one_without_a_case_role_can_act(action, data, persona, people, uploaded_case):
    client = Client() if persona == "anonymous" else sign_in(Client(), people[persona])
    events = Event.objects.count()
    response = client.post(_url(action, uploaded_case), data)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url.startswith("/login/")
    assert Event.objects.count() == events
    assert Case.objects.get().state == "received"


@pytest.mark.parametrize(("action", "data"), ACTIONS, ids=[a for a, _ in ACTIONS])
@pytest.mark.parametrize("persona", sorted(WORKS_CASES))
def test_reviewers_and_counsel_can_act(action, data, persona, people, uploaded_case):
    client = sign_in(Client(), people[persona])
    events = Event.objects.count()
    response = client.post(_url(action, uploaded_case), data)
    assert response.status_code == 302 and response.url == f"/cases/{uploaded_case.reference}/"
    assert Event.objects.count() == events + 1


def test_a_signed_in_person_without_the_second_factor_sees_nothing(reviewer, uploaded_case):
    client = Client()
    client.force_login(reviewer)  # password only
    assert client.get("/").status_code == 302


def test_case_references_cannot_be_guessed(open_case):
    references = {open_case().reference for _ in range(20)}
    assert len(references) == 20
    assert all(len(r) == 12 and r.startswith("C-") for r in references)


def test_a_post_without_the_csrf_token_is_refused(reviewer, uploaded_case):
    client = sign_in(Client(enforce_csrf_checks=True), reviewer)
    response = client.post(f"/cases/{uploaded_case.reference}/notes/", {"text": "x"})
    assert response.status_code == 403


def test_a_refused_action_is_shown_on_the_case_page(reviewer, uploaded_case):
    client = sign_in(Client(), reviewer)
    response = client.post(
        f"/cases/{uploaded_case.reference}/move/", {"to": "producing"}, follow=True
    )
    assert "cannot go from received to producing" in response.content.decode()


def test_a_nul_character_in_a_form_is_refused_at_the_edge(reviewer, uploaded_case):
    client = sign_in(Client(), reviewer)
    response = client.post(f"/cases/{uploaded_case.reference}/notes/", {"text": "call\x00back"})
    assert response.status_code == 400 and b"NUL" in response.content
    assert not uploaded_case.notes.exists()
