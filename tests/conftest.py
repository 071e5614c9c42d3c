"""Personas and cases the Django tests share."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django_otp import DEVICE_ID_SESSION_KEY

from custodes.cases import services
from custodes.cases.people import add_staff
from tests.helpers import RECEIVED_ON, request

PASSWORD = "correct horse battery"


@pytest.fixture
def reviewer(db):
    return add_staff("rita", PASSWORD, ["reviewer"])[0]


@pytest.fixture
def counsel(db):
    return add_staff("carl", PASSWORD, ["counsel", "reviewer"])[0]


@pytest.fixture
def admin(db):
    return add_staff("ada", PASSWORD, ["admin"])[0]


@pytest.fixture
def outsider(db):
    """Signed in with a second factor, but holding no role: must see nothing."""
    return add_staff("otto", PASSWORD, [])[0]


def sign_in(client, user):
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = user.totpdevice_set.first().persistent_id
    session.save()
    return client


@pytest.fixture
def as_user(client):
    return lambda user: sign_in(client, user)


@pytest.fixture
def open_case(db):
    """Open a case from a structured request (the test helpers' defaults, overridden)."""

    def make(**overrides):
        return services.open_case(request(**overrides), "api", None, RECEIVED_ON)

    return make


@pytest.fixture
def case(open_case):
    return open_case()


def user_named(name):
    return get_user_model().objects.get(username=name)
