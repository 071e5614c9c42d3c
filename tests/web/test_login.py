"""Signing in takes a password and the six-digit code; both outcomes are logged."""

from __future__ import annotations

import pytest
from django.test import Client

from custodes.audit.models import Event
from custodes.cases.people import current_code
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _sign_in(client, user, password=PASSWORD, code=None):
    code = code if code is not None else current_code(user.totpdevice_set.first())
    return client.post("/login/", {"username": user.username, "password": password, "token": code})


def test_password_and_code_sign_in(reviewer):
    client = Client()
    response = _sign_in(client, reviewer)
    assert response.status_code == 302 and response.url == "/"
    assert client.get("/").status_code == 200
    assert Event.objects.filter(action="custodes.auth.login", actor=reviewer).exists()


def test_a_wrong_code_is_refused_and_logged(reviewer):
    good = current_code(reviewer.totpdevice_set.first())
    wrong = f"{(int(good) + 1) % 1000000:06d}"
    response = _sign_in(Client(), reviewer, code=wrong)
    assert response.status_code == 400
    assert "do not match" in response.content.decode()
    failed = Event.objects.get(action="custodes.auth.login_failed")
    assert failed.subject == "user:rita" and "password" not in str(failed.data)


def test_a_wrong_password_is_refused(reviewer):
    assert _sign_in(Client(), reviewer, password="guess").status_code == 400


def test_sign_in_does_not_redirect_elsewhere(reviewer):
    client = Client()
    code = current_code(reviewer.totpdevice_set.first())
    response = client.post(
        "/login/",
        {"username": "rita", "password": PASSWORD, "token": code, "next": "https://evil.example/"},
    )
    assert response.url == "/"
