"""What the staff desk tells a person: which decision stands, what each action did, what a
refusal asks of them, plain words where codes were, and only the pages their role opens."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils import timezone

from custodes.cases import services
from custodes.cases.models import Case
from custodes.cases.people import current_code
from custodes.cases.workflow import State
from custodes.staff.models import Profile
from tests.cases.test_duplicates import SUBPOENA
from tests.cases.test_emergency import EMERGENCY
from tests.conftest import PASSWORD, sign_in
from tests.helpers import RECEIVED_ON, request
from tests.notices.conftest import approve
from tests.web.test_corrections import AS_READ

pytestmark = pytest.mark.django_db


def _page(client, case) -> str:
    return client.get(f"/cases/{case.reference}/").content.decode()


def _messages(response) -> list[tuple[str, str]]:
    return [(m.level_tag, str(m)) for m in response.context["messages"]]


@pytest.fixture
def mixed_subpoena(open_case):
    """An administrative subpoena whose statute does not reach its purpose, asking for
    content it cannot reach: only counsel approves it."""
    return open_case(
        instrument="administrative_subpoena",
        authority=["21 U.S.C. § 876"],
        categories=["subscriber", "content"],
        purpose="x",
    )


# 1. Voided decisions


def test_a_decision_voided_by_a_correction_is_marked_set_aside(case, counsel):
    services.decide(case, counsel, "produce", ["subscriber"], "")
    changes = {"categories": ["subscriber", "content"]}
    services.correct_request(case, counsel, changes)  # content: the engine's review changes
    voided = case.decisions.get()
    assert voided.voided_at is not None
    page = _page(sign_in(Client(), counsel), case)
    day = timezone.localtime(voided.voided_at).strftime("%Y-%m-%d")
    assert f"set aside on {day}: the corrected request changed the engine's review" in page
    assert "No decision is in force." in page and ">in force<" not in page


def test_the_decision_in_force_is_marked_and_the_form_starts_from_it(case, counsel):
    services.decide(case, counsel, "produce", ["subscriber"], "")
    services.correct_request(case, counsel, {"categories": ["subscriber", "content"]})
    standing = services.decide(case, counsel, "preserve", [], "keep it while we ask the court")
    page = _page(sign_in(Client(), counsel), case)
    shown = re.search(rf'id="decision-{standing.pk}">.*?</p>', page, re.S).group(0)
    assert '<span class="tag sev-info">in force</span>' in shown
    assert '<option value="preserve" selected>' in page  # not the engine's
    assert '<option value="produce_partial" selected>' not in page
    assert 'id="allowed-subscriber" name="allowed" value="subscriber" checked' not in page


def test_without_a_decision_the_form_starts_from_the_engines(case, reviewer):
    page = _page(sign_in(Client(), reviewer), case)
    assert '<option value="produce" selected>' in page
    assert 'id="allowed-subscriber" name="allowed" value="subscriber" checked' in page


# 2. Plain words on the case page


def test_the_correction_form_offers_plain_words_and_sends_codes(case, reviewer):
    page = _page(sign_in(Client(), reviewer), case)
    assert '<option value="grand_jury_subpoena" selected>grand jury subpoena</option>' in page
    assert '<label for="c-cat-transactional">account records</label>' in page
    assert 'name="categories" value="transactional"' in page


def test_the_corrections_read_as_plain_words(case, reviewer):
    services.correct_request(
        case,
        reviewer,
        {"categories": ["subscriber", "transactional"], "instrument": "search_warrant"},
    )
    page = _page(sign_in(Client(), reviewer), case)
    diff = page.split("Reviewers' corrections")[1].split("</table>")[0]
    assert "<ins>basic subscriber information, account records</ins>" in diff
    assert "<del>grand jury subpoena</del>" in diff and "<ins>search warrant</ins>" in diff
    assert "[" not in diff and "&#x27;subscriber&#x27;" not in diff


def test_the_note_before_approval_names_findings_by_their_titles(mixed_subpoena, reviewer):
    page = _page(sign_in(Client(), reviewer), mixed_subpoena)
    note = re.search(r'<p class="muted" id="approval-needs">(.*?)</p>', page, re.S).group(1)
    assert "the statute does not reach the purpose (needs counsel)" in note
    assert "the engine&#x27;s decision is to escalate to counsel" in note
    assert "AUTHORITY_MISMATCH" not in note and "ask counsel to record theirs" in note
    assert '<span class="citation">AUTHORITY_MISMATCH</span>' in page  # the findings list


# 5. Refusals and notes that say what to do


def test_counsel_reads_the_note_before_approval_in_counsels_terms(mixed_subpoena, counsel):
    page = _page(sign_in(Client(), counsel), mixed_subpoena)
    note = re.search(r'<p class="muted" id="approval-needs">(.*?)</p>', page, re.S).group(1)
    assert "record counsel&#x27;s decision" in note and "ask counsel" not in note


def test_a_reviewer_who_decides_otherwise_is_told_how_to_reach_counsel(case, reviewer):
    response = sign_in(Client(), reviewer).post(
        f"/cases/{case.reference}/decide/",
        {"action": "reject", "reason": "looks wrong"},
        follow=True,
    )
    assert _messages(response) == [
        (
            "error",
            "Only counsel may decide otherwise than the engine; to send it to counsel, move "
            "the case to escalated.",
        )
    ]


# 3. A joined duplicate, and a closed case, read-only


@pytest.fixture
def joined(open_case, reviewer):
    """The same document uploaded twice (the request as given, not as intake reads it), the
    second joined to the first."""
    first = open_case(document=SUBPOENA, name="subpoena.txt")
    again = open_case(document=SUBPOENA, name="subpoena-copy.txt")
    services.join_duplicate(again, reviewer)
    again.refresh_from_db()
    return first, again


def test_a_joined_duplicate_says_where_it_went(joined, reviewer):
    first, again = joined
    page = _page(sign_in(Client(), reviewer), again)
    link = f'<a href="/cases/{first.reference}/">{first.reference}</a>'
    assert f"Closed as a duplicate of {link}" in page
    assert f"Its documents moved to {link}" in page
    assert "there is no document" not in page


def test_a_closed_case_is_read_only_but_takes_notes(joined, reviewer):
    _, again = joined
    page = _page(sign_in(Client(), reviewer), again)
    for form in ("/decide/", "/correct/", "/move/", "/assign/", "/duplicate/join/"):
        assert f'action="/cases/{again.reference}{form}"' not in page
    assert f'action="/cases/{again.reference}/notes/"' in page
    assert 'id="timeline-heading"' in page


# 4. What each action did


def test_each_action_says_what_it_did(case, counsel):
    client = sign_in(Client(), counsel)
    url = f"/cases/{case.reference}/"

    def said(path, data):
        return _messages(client.post(url + path, data, follow=True))

    assert said("move/", {"to": "in_review"}) == [("success", "Case moved to in review.")]
    corrected = said("correct/", AS_READ | {"agency": "FBI"})
    assert corrected == [("success", "Request corrected; the engine reviewed it again.")]
    decided = said("decide/", {"action": "produce", "allowed": ["subscriber"]})
    assert decided == [("success", "Decision recorded.")]
    assert said("notes/", {"text": "called the agency"}) == [("success", "Note added.")]
    voiding = said("correct/", AS_READ | {"categories": ["subscriber", "content"]})
    assert voiding == [
        (
            "success",
            "Request corrected; the engine reviewed it again. Its review changed: the "
            "decisions before it are set aside.",
        )
    ]
    said("decide/", {"action": "produce", "allowed": ["subscriber"], "reason": "not content"})
    assert said("move/", {"to": "approved"}) == [("success", "Case moved to approved.")]


def test_joining_a_duplicate_says_where(open_case, reviewer):
    first = open_case(document=SUBPOENA, name="subpoena.txt")
    again = open_case(document=SUBPOENA, name="subpoena-copy.txt")
    response = sign_in(Client(), reviewer).post(
        f"/cases/{again.reference}/duplicate/join/", {"reason": ""}, follow=True
    )
    assert _messages(response) == [
        ("success", f"Joined to {first.reference}; its documents moved there.")
    ]


# 6. Navigation by role


def _nav(client) -> str:
    page = client.get("/staff/requesters/").content.decode()
    return re.search(r"<nav>(.*?)</nav>", page, re.S).group(1)


def test_the_navigation_shows_what_each_role_opens(reviewer, counsel, admin):
    reviewing = _nav(sign_in(Client(), reviewer))
    assert 'href="/"' in reviewing and 'href="/upload/"' in reviewing
    assert 'href="/staff/requesters/"' not in reviewing and 'href="/staff/"' not in reviewing
    counselling = _nav(sign_in(Client(), counsel))
    assert 'href="/"' in counselling and 'href="/staff/requesters/"' in counselling
    assert 'href="/staff/"' not in counselling
    administering = _nav(sign_in(Client(), admin))
    assert 'href="/"' not in administering and 'href="/upload/"' not in administering
    assert 'href="/staff/requesters/"' in administering and 'href="/staff/"' in administering


def test_an_admin_lands_on_the_staff_page(admin, reviewer):
    for person, landing in ((admin, "/staff/"), (reviewer, "/")):
        code = current_code(person.totpdevice_set.first())
        response = Client().post(
            "/login/", {"username": person.username, "password": PASSWORD, "token": code}
        )
        assert response.status_code == 302 and response.url == landing


# 7. Emergencies


def test_an_emergency_shows_its_due_hour_with_its_time_zone(open_case, reviewer):
    emergency = open_case(**EMERGENCY)
    due = timezone.localtime(emergency.due_at).strftime("%Y-%m-%d %H:%M")
    client = sign_in(Client(), reviewer)
    assert f"emergency: due {due} UTC" in _page(client, emergency)
    queue = client.get("/").content.decode()
    assert f"<strong>emergency</strong>: due {due} UTC</td>" in queue


# 9. Staff


@pytest.mark.parametrize("field", ["full_name", "title"])
def test_a_blank_name_or_title_is_refused_and_a_change_is_confirmed(admin, reviewer, field):
    client = sign_in(Client(), admin)
    blank = {"full_name": "Rita Reyes", "title": "Reviewer"} | {field: "  "}
    response = client.post(f"/staff/{reviewer.pk}/", blank, follow=True)
    [(level, text)] = _messages(response)
    assert level == "error" and text.startswith("rita: Give the person")
    assert text.endswith("Nothing was changed.")
    profile = Profile.objects.get(user=reviewer)
    assert (profile.full_name, profile.title) == ("Rita Reyes", "Reviewer")
    saved = client.post(
        f"/staff/{reviewer.pk}/", {"full_name": "Rita Reyes", "title": "Analyst"}, follow=True
    )
    assert _messages(saved) == [("success", "Saved. rita signs as Rita Reyes, Analyst.")]
    page = saved.content.decode()
    assert 'name="title" value="Analyst" maxlength="200" required pattern=".*\\S.*"' in page


# 10. A code used twice


def test_a_code_used_twice_says_to_wait_for_the_next(reviewer):
    code = current_code(reviewer.totpdevice_set.first())
    data = {"username": reviewer.username, "password": PASSWORD, "token": code}
    assert Client().post("/login/", data).status_code == 302
    again = Client().post("/login/", data)
    assert again.status_code == 400
    assert "each code works once: wait for the next." in again.content.decode()


# 2. The portal: a state as the requester reads it


def test_the_portal_shows_a_requesters_state_in_their_words(officer, counsel):
    case = approve(services.open_case(request(), "portal", officer, RECEIVED_ON), counsel)
    Case.objects.filter(pk=case.pk).update(state=State.PRODUCING)
    client = sign_in(Client(), officer)
    assert "<td>being produced</td>" in client.get("/portal/").content.decode()
    page = client.get(f"/portal/demands/{case.reference}/").content.decode()
    assert '<span class="tag">being produced</span>' in page and ">producing<" not in page
