"""The production page for staff, the key shown once, and the requester's download: their
own packages only, until the link expires, every download audited."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from custodes.audit.models import Event
from custodes.cases import services as cases
from custodes.cases.workflow import State
from custodes.production import services as production
from custodes.production.models import Production
from tests.conftest import sign_in
from tests.helpers import RECEIVED_ON, request
from tests.notices.conftest import approve
from tests.production.test_packages import AUTUMN, GAGGED

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(officer, counsel, provider):
    """A demand the officer submitted, cleared for production."""
    demand = request(
        nondisclosure=GAGGED,
        date_range=AUTUMN,
        selectors=[{"kind": "username", "value": "someone"}],
    )
    case = approve(cases.open_case(demand, "portal", officer, RECEIVED_ON), counsel)
    return cases.move(case, counsel, State.PRODUCING)


def test_counsel_looks_up_previews_and_seals_and_the_key_is_shown_once(submitted, counsel):
    client = sign_in(Client(), counsel)
    page = f"/cases/{submitted.reference}/production/"
    client.post(page + "resolve/")
    preview = client.get(page + "?preview=1").content.decode()
    assert "matched</span> 30000000002" in preview
    assert "<td>1</td>" in preview and "(registration record)" in preview
    sealed = client.post(page + "seal/")
    assert sealed["Cache-Control"] == "no-store"
    key = re.search(r"AGE-SECRET-KEY-1[0-9A-Z]+", sealed.content.decode()).group(0)
    made = Production.objects.get()
    assert made.recipient.startswith("age1")
    stored = [str(v) for v in Production.objects.values().get().values()]
    stored += [str(e.data) for e in Event.objects.all()]
    assert not any(key in value for value in stored)  # kept nowhere
    assert key not in client.get(page).content.decode()


def test_no_one_without_a_case_role_reaches_production(submitted, admin, outsider, officer):
    page = f"/cases/{submitted.reference}/production/"
    for person in (admin, outsider, officer):
        client = sign_in(Client(), person)
        assert client.get(page).status_code in (302, 403)
        assert client.post(page + "seal/").status_code in (302, 403)
    assert not Production.objects.exists()


def _sealed(case, counsel):
    production.resolve_targets(case, counsel)
    made, _ = production.begin_seal(case, counsel)
    return production.seal(made.pk)


def test_the_requester_downloads_their_package_until_the_link_expires(
    submitted, counsel, officer, other_officer
):
    made = _sealed(submitted, counsel)
    client = sign_in(Client(), officer)
    page = client.get(f"/portal/demands/{submitted.reference}/").content.decode()
    link = re.search(r'href="(/portal/demands/[^"]+/packages/[^"]+/)"', page).group(1)
    response = client.get(link)
    assert response.status_code == 200
    with made.archive.open("rb") as handle:
        assert b"".join(response.streaming_content) == handle.read()
    event = Event.objects.get(action="custodes.production.downloaded")
    assert event.data == {"production": made.pk, "by": "requester"}

    assert sign_in(Client(), other_officer).get(link).status_code == 404
    forged = link.rsplit("/", 2)[0] + "/not-a-token/"
    assert client.get(forged).status_code == 404
    with time_machine.travel(made.sealed_at + timedelta(days=15)):
        expired = sign_in(Client(), officer).get(link, follow=True).content.decode()
    assert "This download has expired" in expired
    assert Event.objects.filter(action="custodes.production.downloaded").count() == 1


def test_staff_downloads_are_audited_too(submitted, counsel):
    made = _sealed(submitted, counsel)
    client = sign_in(Client(), counsel)
    response = client.get(f"/cases/{submitted.reference}/production/{made.pk}/download/")
    assert response.status_code == 200 and response["Content-Disposition"].endswith(
        f'{made.file_name}"'
    )
    assert Event.objects.get(action="custodes.production.downloaded").data["by"] == "staff"
    assert timezone.now() >= made.sealed_at


def _preview_after(client, case, **choice) -> str:
    page = f"/cases/{case.reference}/production/"
    client.post(page + "resolve/")
    response = client.post(page + "datasets/", choice, follow=True)
    return response.content.decode()


def test_a_column_left_out_is_shown_left_out_not_among_the_columns(submitted, counsel):
    client = sign_in(Client(), counsel)
    preview = _preview_after(
        client, submitted, dataset="subscriber", column="email", reason="not asked for"
    )
    assert "Left out: the column email of subscriber." in preview  # what was done
    columns = re.search(r"<td>(account, username[^<]*)<div", preview).group(1)
    assert "email" not in columns.split(", ")
    assert "left out: <del>email</del>" in preview
    assert '<option value="email">' not in preview  # it can be put back, not left out again
    assert (
        "<strong>basic subscriber information: registration record, the column email</strong>"
        in preview
    )
    assert "subscriber/subscriber" not in preview


def test_a_preselected_dataset_left_out_stays_with_the_preselected(submitted, counsel):
    client = sign_in(Client(), counsel)
    preview = _preview_after(client, submitted, dataset="subscriber", reason="asked elsewhere")
    assert "Not preselected" not in preview
    row = re.search(
        r'<tr class="muted set-aside" id="set-aside-subscriber">.*?</tr>', preview, re.S
    )
    assert row and "left out" in row.group(0) and "asked elsewhere" in row.group(0)
    assert "Put back" in row.group(0)
    assert "<strong>basic subscriber information: registration record</strong>" in preview
    # Put back, it is preselected again.
    page = f"/cases/{submitted.reference}/production/"
    back = client.post(
        page + "datasets/",
        {"dataset": "subscriber", "include": "yes", "reason": "asked after all"},
        follow=True,
    ).content.decode()
    assert "set-aside-subscriber" not in back and "(registration record)</span></td>" in back
