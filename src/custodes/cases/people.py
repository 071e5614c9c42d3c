"""Staff accounts: a password, roles, a confirmed TOTP device for the second factor, and the
full name and title they sign a production's papers with."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from custodes.audit.chain import record
from custodes.cases.roles import COUNSEL, ROLES, is_admin
from custodes.law.refusal import Refused
from custodes.staff.models import LONGEST, Profile


@transaction.atomic
def add_staff(
    username: str,
    password: str,
    roles: list[str],
    *,
    full_name: str,
    title: str,
    by=None,
    email: str = "",
) -> tuple[object, TOTPDevice]:
    """`email` is where deadline reminders and objections reach them."""
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise Refused(f"unknown role {', '.join(sorted(unknown))}; roles are {', '.join(ROLES)}")
    full_name, title = _signature(full_name, title)
    user = get_user_model().objects.create_user(username=username, password=password, email=email)
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    Profile.objects.create(user=user, full_name=full_name, title=title)
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    record(
        "custodes.staff.added",
        by,
        f"user:{username}",
        {"roles": sorted(roles), "full_name": full_name, "title": title},
    )
    return user, device


@transaction.atomic
def update_staff(person, by, full_name: str, title: str) -> Profile:
    """An administrator sets the full name and title `person` signs with."""
    if not is_admin(by):
        raise Refused("Only an administrator changes a staff member's name or title.")
    full_name, title = _signature(full_name, title)
    profile = Profile.objects.select_for_update().filter(user=person).first()
    profile = profile or Profile(user=person)  # staff added before names were kept
    changed = {
        field: {"from": getattr(profile, field), "to": value}
        for field, value in (("full_name", full_name), ("title", title))
        if getattr(profile, field) != value
    }
    if changed:
        profile.full_name, profile.title = full_name, title
        profile.save()
        record("custodes.staff.updated", by, f"user:{person.get_username()}", {"changed": changed})
    return profile


def _signature(full_name: str, title: str) -> tuple[str, str]:
    """Both, stripped; the certificate and the cover letter are signed with them."""
    for what, value, example in (
        ("full name", full_name, "Dana Whitfield"),
        ("title", title, "Custodian of Records"),
    ):
        if not value.strip():
            raise Refused(
                f"Give the person's {what} (e.g. {example}): a production's certificate and "
                "cover letter are signed with it."
            )
        if len(value.strip()) > LONGEST:
            raise Refused(f"Shorten the {what} to {LONGEST} characters at most.")
    return full_name.strip(), title.strip()


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
