"""The demo desk for `custodes serve --demo`: the shipped demo demands, staff, and an approved
requester for the portal."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test.utils import override_settings

from custodes.cases import services
from custodes.cases.models import Case
from custodes.cases.people import add_staff, current_code
from custodes.reviewing import load_request

DEMO_RECEIVED_ON = date(2026, 11, 23)
# username: (roles, full name, title)
DEMO_STAFF = {
    "reviewer": (("reviewer",), "Dana Whitfield", "Custodian of Records"),
    "counsel": (("counsel", "reviewer"), "Marcus Okafor", "Associate General Counsel"),
    "admin": (("admin",), "Helen Brandt", "Legal Operations Manager"),
}
DEMO_PASSWORD = "custodes-demo"


def demo_provider_database() -> Path:
    """The demo provider's own data, which productions on the demo desk read."""
    from custodes.production import demo_provider

    path = Path(settings.DATA_DIR) / "provider.sqlite3"
    return path if demo_provider.made(path) else demo_provider.create(path)


def load_demo() -> list[Case]:
    """Open a case for every demo demand, once."""
    if Case.objects.exists():
        return []
    opened = []
    folder = resources.files("custodes") / "demo"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        data = entry.read_bytes()
        if entry.name.endswith(".json"):
            with resources.as_file(entry) as path:
                request = load_request(path)
            opened.append(services.open_case(request, "api", None, DEMO_RECEIVED_ON))
        else:
            opened.append(services.receive_upload(data, entry.name, None, DEMO_RECEIVED_ON))
    return opened


DEMO_REQUESTER = "officer@fbi.gov"


def demo_requester():
    """An approved requester for the portal, created if missing; its TOTP device."""
    from custodes.requesters import accounts
    from custodes.requesters.models import Requester

    existing = Requester.objects.filter(user__username=DEMO_REQUESTER).first()
    if existing:
        return existing.user.totpdevice_set.first()
    # The demo desk's own confirmation and approval mail is kept, not printed.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        requester = accounts.sign_up(
            "SA Demo Officer",
            DEMO_REQUESTER,
            "Federal Bureau of Investigation",
            "+12025550100",
            DEMO_PASSWORD,
        )
        device = accounts.confirm_email(requester)
        accounts.confirm_authenticator(requester, current_code(device))
        counsel = get_user_model().objects.get(username="counsel")
        accounts.decide(requester, counsel, approve=True, reason="demo desk")
    return device


def demo_staff() -> dict:
    """The demo people, created if missing: {username: device}."""
    users = get_user_model().objects
    devices = {}
    for username, (roles, full_name, title) in DEMO_STAFF.items():
        if not users.filter(username=username).exists():
            add_staff(
                username,
                DEMO_PASSWORD,
                list(roles),
                full_name=full_name,
                title=title,
                email=f"{username}@parley.example",
            )
        devices[username] = users.get(username=username).totpdevice_set.first()
    return devices
