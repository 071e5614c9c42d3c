"""Staff members' full names and titles: given when they are added, changed by an
administrator on the staff page, and by no one else."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from django.test import Client

from custodes.audit.models import Event
from custodes.cli import app
from custodes.staff.models import Profile
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

runner = CliRunner()
ADD = ["staff", "add", "dana", "--role", "reviewer", "--password", "correct horse battery"]


def test_staff_add_records_the_full_name_and_title():
    result = runner.invoke(
        app, [*ADD, "--full-name", "Dana Whitfield", "--title", "Custodian of Records"]
    )
    assert result.exit_code == 0, result.output
    profile = Profile.objects.get(user__username="dana")
    assert (profile.full_name, profile.title) == ("Dana Whitfield", "Custodian of Records")
    event = Event.objects.get(action="custodes.staff.added")
    assert event.data["full_name"] == "Dana Whitfield"
    assert event.data["title"] == "Custodian of Records"


def test_staff_add_without_a_full_name_is_refused():
    result = runner.invoke(app, [*ADD, "--title", "Custodian of Records"])
    assert result.exit_code == 2
    assert "--full-name" in result.output
    assert not Profile.objects.exists()


def test_staff_add_with_a_blank_title_is_refused_saying_why():
    result = runner.invoke(app, [*ADD, "--full-name", "Dana Whitfield", "--title", "  "])
    assert result.exit_code == 2
    assert "Give the person's title (e.g. Custodian of Records)" in result.output
    assert not Profile.objects.exists()


def test_an_admin_changes_a_title_and_the_audit_log_has_it(admin, reviewer):
    client = sign_in(Client(), admin)
    response = client.post(
        f"/staff/{reviewer.pk}/", {"full_name": "Rita Reyes", "title": "Senior Legal Analyst"}
    )
    assert response.status_code == 302 and response.url == "/staff/"
    assert Profile.objects.get(user=reviewer).title == "Senior Legal Analyst"
    event = Event.objects.get(action="custodes.staff.updated")
    assert event.actor == admin and event.subject == "user:rita"
    assert event.data == {"changed": {"title": {"from": "Reviewer", "to": "Senior Legal Analyst"}}}
    page = client.get("/staff/").content.decode()
    assert 'value="Senior Legal Analyst"' in page


def test_an_admin_gives_a_name_to_someone_added_before_names_were_kept(admin, reviewer):
    Profile.objects.filter(user=reviewer).delete()
    client = sign_in(Client(), admin)
    client.post(f"/staff/{reviewer.pk}/", {"full_name": "Rita Reyes", "title": "Reviewer"})
    assert Profile.objects.get(user=reviewer).full_name == "Rita Reyes"


def test_a_blank_name_is_refused_with_what_to_do_and_nothing_changes(admin, reviewer):
    client = sign_in(Client(), admin)
    response = client.post(
        f"/staff/{reviewer.pk}/", {"full_name": " ", "title": "Reviewer"}, follow=True
    )
    assert "rita: Give the person&#x27;s full name" in response.content.decode()
    assert Profile.objects.get(user=reviewer).full_name == "Rita Reyes"
    assert not Event.objects.filter(action="custodes.staff.updated").exists()


@pytest.mark.parametrize("persona", ["anonymous", "reviewer", "counsel", "outsider"])
def test_no_one_but_an_admin_changes_staff(persona, reviewer, counsel, outsider):
    people = {"reviewer": reviewer, "counsel": counsel, "outsider": outsider}
    client = Client() if persona == "anonymous" else sign_in(Client(), people[persona])
    response = client.post(f"/staff/{reviewer.pk}/", {"full_name": "X", "title": "Boss"})
    if persona == "anonymous":
        assert response.status_code == 302 and response.url.startswith("/login/")
    else:
        assert response.status_code == 403
    assert Profile.objects.get(user=reviewer).title == "Reviewer"
    assert not Event.objects.filter(action="custodes.staff.updated").exists()


def test_a_requester_is_not_staff(admin, officer):
    response = sign_in(Client(), admin).post(
        f"/staff/{officer.pk}/", {"full_name": "X", "title": "Boss"}
    )
    assert response.status_code == 404
    assert not Profile.objects.filter(user=officer).exists()
