"""Signing up: official addresses confirmed by e-mail and approved by staff; free-mail and
look-alikes refused with the reason; unlisted domains held for staff."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from custodes.cases.people import current_code
from custodes.outbox.models import Mail
from custodes.requesters.models import Requester
from tests.conftest import PASSWORD, sign_in
from tests.law.test_vetting import LOOK_ALIKES

pytestmark = pytest.mark.django_db


def _sign_up(client, email):
    return client.post(
        "/portal/signup/",
        {
            "name": "SA Dana Reyes",
            "agency": "FBI",
            "email": email,
            "phone": "+12025550100",
            "password": "serve-process-2026",
        },
    )


def _last_mail() -> Mail:
    """The e-mail custodes last wrote to its outbox (the worker sends it)."""
    return Mail.objects.latest("pk")


def _link() -> str:
    return re.search(r"http://\S+/portal/confirm/\S+/", _last_mail().body).group(0)


def test_a_listed_domain_signs_up_confirms_and_waits_for_approval(client):
    response = _sign_up(client, "Dana.Reyes@FBI.gov")
    assert response.status_code == 200 and "Check your e-mail" in response.content.decode()
    assert _last_mail().to == ["dana.reyes@fbi.gov"]
    page = client.get(_link().split("8000", 1)[1])
    assert "Set up your authenticator" in page.content.decode()
    device = get_user_model().objects.get(username="dana.reyes@fbi.gov").totpdevice_set.get()
    done = client.post(_link().split("8000", 1)[1], {"token": current_code(device)})
    assert "Waiting for approval" in done.content.decode()
    requester = Requester.objects.get()
    assert requester.status == "pending" and requester.domain_verdict == "accept"


def test_a_free_mail_address_is_refused_with_the_reason(client):
    response = _sign_up(client, "dana.reyes.fbi@gmail.com")
    assert response.status_code == 400
    assert "free-mail" in response.content.decode()
    assert not get_user_model().objects.exists() and not Mail.objects.exists()


@pytest.mark.parametrize(("domain", "imitated"), LOOK_ALIKES)
def test_a_look_alike_domain_is_refused_naming_what_it_imitates(client, domain, imitated):
    response = _sign_up(client, f"dana@{domain}")
    assert response.status_code == 400
    assert f"looks like {imitated}" in response.content.decode()
    assert not Requester.objects.exists()


def test_an_unlisted_domain_is_held_for_staff_with_the_reason(client):
    _sign_up(client, "det.ray@millbrookpd.org")
    requester = Requester.objects.get()
    assert requester.domain_verdict == "hold"
    assert "Staff will confirm" in requester.domain_reason


@pytest.mark.parametrize(
    "email", ["det.okafor@nypd.org", "lena.huber@polizei.bayern.de", "pc.evans@met.police.uk"]
)
def test_a_police_officer_writing_from_outside_gov_is_accepted(client, email):
    response = _sign_up(client, email)
    assert response.status_code == 200
    assert Requester.objects.get().domain_verdict == "accept"


MALFORMED = [
    ("officer@fbi.gov.", "cannot end with a period"),
    ("a@gmail.com,b@fbi.gov", "more than one address"),
    ("a@evil.com\n@fbi.gov", "more than one address"),
    ("<a@gmail.com>b@fbi.gov", "more than one address"),
    ("SA Dana Reyes <dana@fbi.gov>", "a name, brackets or quotes"),
    ("dana@xn--zz.gov", "not valid IDNA"),
]


@pytest.mark.parametrize(("email", "why"), MALFORMED)
def test_a_malformed_address_is_refused_with_what_to_give(client, email, why):
    response = _sign_up(client, email)
    page = response.content.decode()
    assert response.status_code == 400
    assert why in page and "Give your own official address alone" in page
    assert not get_user_model().objects.exists() and not Mail.objects.exists()


def test_a_forged_or_broken_link_is_refused(client):
    _sign_up(client, "dana@fbi.gov")
    forged = _link().split("8000", 1)[1].replace("/confirm/", "/confirm/x")
    assert client.get(forged).status_code == 400


def test_staff_approve_and_the_requester_can_sign_in(client, counsel):
    _sign_up(client, "dana@fbi.gov")
    link = _link().split("8000", 1)[1]
    client.get(link)
    user = get_user_model().objects.get(username="dana@fbi.gov")
    device = user.totpdevice_set.get()
    client.post(link, {"token": current_code(device)})
    requester = Requester.objects.get()

    def fresh_code():  # a device refuses a code it has accepted; a person waits for the next
        device.refresh_from_db()
        device.last_t = -1
        device.save()
        return current_code(device)

    login = {"email": "dana@fbi.gov", "password": "serve-process-2026", "token": fresh_code()}
    early = Client().post("/portal/login/", login)
    assert early.status_code == 400 and "waiting for staff approval" in early.content.decode()

    staff = sign_in(Client(), counsel)
    assert "dana@fbi.gov" in staff.get("/staff/requesters/").content.decode()
    staff.post(f"/staff/requesters/{requester.pk}/", {"decision": "approve"})
    requester.refresh_from_db()
    assert requester.status == "approved" and requester.decided_by == counsel
    assert "approved" in _last_mail().body

    login["token"] = fresh_code()
    signed_in = Client()
    response = signed_in.post("/portal/login/", login)
    assert response.status_code == 302 and response.url == "/portal/"
    assert signed_in.get("/portal/").status_code == 200


def test_refusing_needs_a_reason(client, counsel, officer):
    pending = Requester.objects.exclude(user=officer)
    assert not pending.exists()
    staff = sign_in(Client(), counsel)
    _sign_up(client, "sam@nypd.org")
    link = _link().split("8000", 1)[1]
    client.get(link)
    device = get_user_model().objects.get(username="sam@nypd.org").totpdevice_set.get()
    client.post(link, {"token": current_code(device)})
    requester = Requester.objects.get(user__username="sam@nypd.org")
    response = staff.post(f"/staff/requesters/{requester.pk}/", {"decision": "refuse"}, follow=True)
    assert "Say why" in response.content.decode()
    requester.refresh_from_db()
    assert requester.status == "pending"


def test_a_reviewer_cannot_approve_requesters(reviewer):
    assert sign_in(Client(), reviewer).get("/staff/requesters/").status_code == 403


def test_the_staff_password_is_not_the_requester_password():
    assert PASSWORD != "serve-process-2026"


@pytest.mark.parametrize(
    "email",
    [
        "d" * 5000 + "@fbi.gov",
        "dana@" + "b." * 200 + "gov",
        "dana@fbi.gov\u202e",
        "dana@xn--.gov",
        "dana@@fbi.gov",
        "@fbi.gov",
        "dana@",
    ],
)
def test_no_address_however_broken_answers_a_server_error(client, email):
    response = _sign_up(client, email)
    assert response.status_code == 400
    assert "Give your own official address alone" in response.content.decode()
    assert not Requester.objects.exists()


def test_a_full_width_address_is_read_as_the_mailbox_it_names(client):
    _sign_up(client, "dana@ｆｂｉ.gov")
    assert Requester.objects.get().user.username == "dana@fbi.gov"


@pytest.mark.django_db(transaction=True)
def test_the_confirmation_link_is_not_kept_once_the_mail_server_has_it(client, smtp):
    from custodes.outbox.delivery import FORGOTTEN
    from custodes.worker import tick

    _sign_up(client, "dana.reyes@fbi.gov")
    link = _link()
    tick()
    [sent] = smtp.to("dana.reyes@fbi.gov")
    assert link in sent.get_content()
    mail = _last_mail()
    assert mail.status == Mail.Status.SENT and mail.body == FORGOTTEN and link not in mail.body


def test_a_refused_address_is_shown_beside_its_field_and_no_account_is_made():
    response = _sign_up(Client(), "dana@gmail.com")
    page = response.content.decode().replace("\n", "")
    assert response.status_code == 400
    [beside] = re.findall(r'name="email"[^>]*>(<p class="error" role="alert">[^<]+)', page)
    assert "gmail.com" in beside
    assert 'value="dana@gmail.com"' in page and not Requester.objects.exists()
