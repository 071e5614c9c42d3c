"""The Challenges section of the case page and its forms, over every persona: counsel who owns
the case acts; a reviewer colleague sees and is refused; an outsider, an administrator and a
requester are turned away; anonymous is sent to sign in. Nothing is recorded but the owner's."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from custodes.audit.models import Event
from custodes.cases import services
from custodes.challenges import services as challenges
from custodes.challenges.models import Challenge
from tests.challenges.conftest import BORDER, MOTION, NORTH, notified_case, object_for
from tests.conftest import sign_in
from tests.notices.conftest import on

pytestmark = pytest.mark.django_db

ACTIONS = {
    "file": (
        "/cases/{ref}/challenges/",
        {**MOTION, "accounts": [BORDER], "filed_on": "2026-12-01", "docket": "2:26-mc-00500"},
        "custodes.challenge.filed",
    ),
    "update": (
        "/cases/{ref}/challenges/{challenge}/",
        {"court": "D.D.C.", "docket": "1:26-mc-00077", "filed_on": "2026-11-27", "notes": "x"},
        "custodes.challenge.updated",
    ),
    "rule": (
        "/cases/{ref}/challenges/{challenge}/ruling/",
        {"ruling": "dropped", "ruled_on": "2026-12-09", "reason": "ICE narrowed it by letter"},
        "custodes.challenge.ruled",
    ),
    "go_ahead": (
        "/cases/{ref}/challenges/go-ahead/",
        {"reason": "the other account's holder did not object"},
        "custodes.challenge.go_ahead",
    ),
    "decide_unfiled": (
        "/cases/{ref}/objections/{objection}/filing/",
        {"decision": "wait", "reason": "the ACLU says it is filing"},
        "custodes.objection.filing_decided",
    ),
}
TURNED_AWAY = ["outsider", "admin", "officer"]


@pytest.fixture
def scene(counsel, provider):
    """The case counsel owns: both holders told, the northside one objected with no filing
    yet, and the provider's own letter of objection for the same account."""
    case = notified_case(counsel)
    services.assign(case, counsel, counsel)
    objection = object_for(case)
    with on("2026-11-27"):
        challenge = challenges.file(
            case,
            counsel,
            filed_by="provider",
            kind="letter_of_objection",
            accounts=[NORTH],
            filed_on=date(2026, 11, 27),
        )
    return case, challenge, objection


def _url(name, scene):
    case, challenge, objection = scene
    url, data, _ = ACTIONS[name]
    return url.format(ref=case.reference, challenge=challenge.pk, objection=objection.pk), data


def _post(user, name, scene, **options):
    """Signed in on the day of the action (a session of another day has ended)."""
    url, data = _url(name, scene)
    with on("2026-12-10"):
        client = sign_in(Client(), user) if user else Client()
        return client.post(url, data, **options)


@pytest.mark.parametrize("name", ACTIONS)
def test_counsel_who_owns_the_case_acts_and_it_is_recorded(name, scene, counsel):
    response = _post(counsel, name, scene, follow=True)
    page = response.content.decode()
    assert response.status_code == 200 and 'class="error"' not in page, page[-3000:]
    assert Event.objects.filter(action=ACTIONS[name][2]).count() == (2 if name == "file" else 1)


@pytest.mark.parametrize("name", ACTIONS)
def test_a_reviewer_colleague_sees_the_challenges_and_is_refused_every_action(
    name, scene, reviewer
):
    events = Event.objects.count()
    page = _post(reviewer, name, scene, follow=True).content.decode()
    assert '<li class="error">Only counsel' in page
    assert Event.objects.count() == events
    assert Challenge.objects.get(pk=scene[1].pk).pending


@pytest.mark.parametrize("name", ACTIONS)
@pytest.mark.parametrize("persona", TURNED_AWAY)
def test_no_one_without_a_case_role_touches_a_challenge(name, persona, scene, request):
    person = request.getfixturevalue(persona)
    events = Event.objects.count()
    response = _post(person, name, scene)
    assert response.status_code == 403
    assert Event.objects.count() == events and Challenge.objects.count() == 1


@pytest.mark.parametrize("name", ACTIONS)
def test_anonymous_is_sent_to_sign_in(name, scene):
    events = Event.objects.count()
    response = _post(None, name, scene)
    assert response.status_code == 302 and response.url.startswith("/login/")
    assert Event.objects.count() == events


def test_the_case_page_shows_the_challenge_record_to_counsel_and_colleague_only(
    scene, counsel, reviewer, outsider, officer
):
    case = scene[0]
    url = f"/cases/{case.reference}/"
    with on("2026-12-10"):
        owners = sign_in(Client(), counsel).get(url).content.decode()
        colleagues = sign_in(Client(), reviewer).get(url).content.decode()
        for persona in (outsider, officer):
            assert sign_in(Client(), persona).get(url).status_code == 403
        assert Client().get(url).status_code == 302
    for page in (owners, colleagues):
        assert 'id="challenges-heading">Challenges' in page
        assert "Letter of objection</strong> by the provider" in page
        assert "Counsel decides whether it lapses" in page
        assert "a challenge is pending on this demand" in page
    assert 'id="record-challenge" >' in owners or 'id="record-challenge">' in owners
    assert 'id="record-challenge" disabled title="counsel only"' in colleagues


def test_a_challenge_of_another_case_is_not_found_through_this_one(scene, counsel, open_case):
    other = open_case()
    with on("2026-12-10"):
        client = sign_in(Client(), counsel)
    response = client.post(
        f"/cases/{other.reference}/challenges/{scene[1].pk}/ruling/",
        {"ruling": "dropped", "ruled_on": "2026-12-09", "reason": "x"},
    )
    assert response.status_code == 404 and Challenge.objects.get(pk=scene[1].pk).pending


def test_the_agency_withdrawing_closes_the_case_and_the_record_stays_on_its_page(scene, counsel):
    case, challenge, _ = scene
    with on("2026-12-10"):
        client = sign_in(Client(), counsel)
        page = client.post(
            f"/cases/{case.reference}/challenges/{challenge.pk}/ruling/",
            {"ruling": "withdrawn", "ruled_on": "2026-12-09", "reason": "ICE withdrew it"},
            follow=True,
        ).content.decode()
    assert "The case is closed: withdrawn." in page
    assert '<span class="tag ruling">withdrawn by the agency</span>' in page
    assert "Record a challenge" not in page and "Let production go ahead" not in page


BAD_VALUES = {
    "an impossible filing day": ("file", {"filed_on": "2026-02-30"}, "filed_on", "YYYY-MM-DD"),
    "an unknown kind": ("file", {"kind": "prayer"}, "kind", "prayer is not a kind of filing"),
    "an objection that is no id": ("file", {"objections": ["x"]}, "objections", "not on this"),
    "a filing day wiped": ("update", {"filed_on": ""}, "filed_on", "YYYY-MM-DD"),
    "an unknown ruling": ("rule", {"ruling": "pardoned"}, "ruling", "pardoned is not a ruling"),
    "a ruling with no day": ("rule", {"ruled_on": ""}, "ruled_on", "YYYY-MM-DD"),
    "no reason to go ahead": ("go_ahead", {"reason": " "}, "reason", "needs a written reason"),
    "an unknown decision": ("decide_unfiled", {"decision": "maybe"}, "decision", "maybe is not"),
}


@pytest.mark.parametrize(("name", "bad", "field", "says"), BAD_VALUES.values(), ids=BAD_VALUES)
def test_a_bad_value_is_refused_beside_its_field_and_changes_nothing(
    name, bad, field, says, scene, counsel
):
    url, data = _url(name, scene)
    events, challenge = Event.objects.count(), scene[1]
    with on("2026-12-10"):
        page = sign_in(Client(), counsel).post(url, data | bad, follow=True).content.decode()
    beside = page.split(f'name="{field}"')
    assert any(says in part.split("<label")[0] for part in beside[1:]), page[-3000:]
    assert Event.objects.count() == events
    challenge.refresh_from_db()
    assert (challenge.ruling, challenge.filed_on) == ("pending", date(2026, 11, 27))
    assert Challenge.objects.count() == 1
