"""Staff accounts: a password, roles, and a confirmed TOTP device for the second factor."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from custodes.audit.chain import record
from custodes.cases.roles import COUNSEL, ROLES


@transaction.atomic
def add_staff(
    username: str, password: str, roles: list[str], by=None, email: str = ""
) -> tuple[object, TOTPDevice]:
    """`email` is where deadline reminders and objections reach them."""
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown role {', '.join(sorted(unknown))}; roles are {', '.join(ROLES)}")
    user = get_user_model().objects.create_user(username=username, password=password, email=email)
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    record("custodes.staff.added", by, f"user:{username}", {"roles": sorted(roles)})
    return user, device


def secret_of(device: TOTPDevice) -> str:
    """The base32 secret an authenticator app takes."""
    from base64 import b32encode

    return b32encode(device.bin_key).decode().rstrip("=")


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def staff_addresses(case, counsel: bool = False) -> list[str]:
    """Whom a case's reminders reach: its assignee, or where it has none (or the matter is
    counsel's), every member of counsel."""
    if not counsel and case.assignee and case.assignee.email:
        return [case.assignee.email]
    people = get_user_model().objects.filter(groups__name=COUNSEL, is_active=True)
    return sorted({p.email for p in people if p.email})
