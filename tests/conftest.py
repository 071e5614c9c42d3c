"""Personas and cases the Django tests share."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django_otp import DEVICE_ID_SESSION_KEY
from hypothesis import settings as hypothesis_settings

from custodes.cases import services
from custodes.cases.people import add_staff
from custodes.cases.uploads import check_upload
from tests.helpers import RECEIVED_ON, request

# In CI the property, fuzz and schema tests draw the same examples every run, so a landing
# never turns on luck; on a developer's machine they keep exploring new ones.
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI") == "true":
    hypothesis_settings.load_profile("ci")

PASSWORD = "correct horse battery"

# The tests that drive a real browser, talk to a real SMTP server or serve pages on a real
# port are `slow` (so are those that start a command as a child process, run real threads or
# walk many examples, each marked where it is written; pyproject's marker says which):
# `make test-fast` leaves them out, `make test` runs them all.
SLOW_FIXTURES = {"browser_page", "smtp", "live_server"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def reviewer(db):
    return add_staff("rita", PASSWORD, ["reviewer"], full_name="Rita Reyes", title="Reviewer")[0]


@pytest.fixture
def counsel(db):
    roles = ["counsel", "reviewer"]
    return add_staff("carl", PASSWORD, roles, full_name="Carl Chen", title="Counsel")[0]


@pytest.fixture
def admin(db):
    return add_staff("ada", PASSWORD, ["admin"], full_name="Ada Adeyemi", title="Administrator")[0]


@pytest.fixture
def outsider(db):
    """Signed in with a second factor, but holding no role: must see nothing."""
    return add_staff("otto", PASSWORD, [], full_name="Otto Olsen", title="Intern")[0]


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
    """Open a case from a structured request (the test helpers' defaults, overridden). With
    `document` (its bytes, and `name`), the case comes as a staff upload with that document
    kept, checked as every upload is, but never read by intake: the request is the one given."""

    def make(document: bytes | None = None, name: str = "demand.txt", **overrides):
        if document is None:
            return services.open_case(request(**overrides), "api", None, RECEIVED_ON)
        kept = (document, name, check_upload(document, name))
        return services.open_case(request(**overrides), "upload", None, RECEIVED_ON, document=kept)

    return make


@pytest.fixture
def case(open_case):
    return open_case()


@pytest.fixture(scope="session")
def demo_provider_template(tmp_path_factory):
    """The demo provider's database, built once a session; `provider_sqlite` (in
    tests/production/conftest.py) gives each test a copy of it."""
    from custodes.production import demo_provider

    return demo_provider.create(tmp_path_factory.mktemp("provider") / "provider.sqlite3")


def user_named(name):
    return get_user_model().objects.get(username=name)


REQUESTER_PASSWORD = "serve-process-2026"


def approved_requester_user(email="officer@fbi.gov", name="SA Dana Reyes"):
    """A requester who signed up, confirmed, set an authenticator and was approved."""
    from custodes.requesters import accounts

    requester = accounts.sign_up(
        name, email, "Federal Bureau of Investigation", "+12025550100", REQUESTER_PASSWORD
    )
    device = accounts.confirm_email(requester)
    from custodes.cases.people import current_code

    accounts.confirm_authenticator(requester, current_code(device))
    approver = add_staff(
        f"approver-{email}", PASSWORD, ["counsel"], full_name="Abe Approver", title="Counsel"
    )[0]
    accounts.decide(requester, approver, approve=True)
    return requester.user


@pytest.fixture
def officer(db):
    return approved_requester_user()


@pytest.fixture
def other_officer(db):
    return approved_requester_user("detective@nypd.org", "Det. Sam Lee")


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Browser tests save what they saw here. `make screenshots` points it at docs/screenshots to
# retake the README's pictures; otherwise they go to a temporary folder and the tree stays as
# it was.
SCREENSHOTS = Path(
    os.environ.get("CUSTODES_SCREENSHOTS") or tempfile.mkdtemp(prefix="custodes-screenshots-")
)
needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make test installs it)"
)


@pytest.fixture
def browser_page():
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs a loop
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        yield page
        browser.close()


@pytest.fixture
def smtp(settings):
    """A real SMTP server on loopback, and custodes' e-mail settings pointed at it."""
    from tests import mailserver

    inbox = mailserver.Inbox()
    controller = mailserver.start(inbox)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port
    inbox.port = controller.port
    yield inbox
    controller.stop()
