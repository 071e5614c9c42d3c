"""The demo desk for `custodes serve --demo`: the shipped demo demands and two staff."""

from __future__ import annotations

from datetime import date
from importlib import resources

from django.contrib.auth import get_user_model

from custodes.cases import services
from custodes.cases.models import Case
from custodes.cases.people import add_staff
from custodes.reviewing import load_request

DEMO_RECEIVED_ON = date(2026, 11, 23)
DEMO_STAFF = {"reviewer": ("reviewer",), "counsel": ("counsel", "reviewer"), "admin": ("admin",)}
DEMO_PASSWORD = "custodes-demo"


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


def demo_staff() -> dict:
    """The demo people, created if missing: {username: device}."""
    users = get_user_model().objects
    devices = {}
    for username, roles in DEMO_STAFF.items():
        if not users.filter(username=username).exists():
            add_staff(username, DEMO_PASSWORD, list(roles))
        devices[username] = users.get(username=username).totpdevice_set.first()
    return devices
