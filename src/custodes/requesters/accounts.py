"""Requester accounts: sign-up with an official address, a confirmation link sent to it, an
authenticator for the second factor, and approval by staff before any demand is accepted."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from custodes.audit.chain import record
from custodes.law.addresses import parse_address
from custodes.law.refusal import Refused
from custodes.law.vetting import REFUSE, vet_domain
from custodes.outbox.delivery import queue_mail
from custodes.requesters.models import Requester

CONFIRM_SALT = "custodes.portal.confirm"
CONFIRM_MAX_AGE = 2 * 24 * 60 * 60


def _subject(requester: Requester) -> str:
    return f"requester:{requester.user.get_username()}"


@transaction.atomic
def sign_up(name: str, email: str, agency: str, phone: str, password: str) -> Requester:
    if not name.strip() or not agency.strip():
        raise Refused("Give your name, your agency and your official e-mail address.")
    try:
        address = parse_address(email)
    except Refused as error:
        raise Refused(str(error), field="email") from None
    email = address.email
    vetting = vet_domain(address.ascii_domain, settings.CUSTODES_GOVERNMENT_DOMAINS)
    if vetting.verdict == REFUSE:
        record(
            "custodes.requester.refused_at_signup",
            None,
            f"requester:{email}",
            {"reason": vetting.reason},
        )
        raise Refused(vetting.reason, field="email")
    users = get_user_model()
    if users.objects.filter(username=email).exists():
        raise Refused(
            "An account with this address exists; sign in, or ask us to reset it.", field="email"
        )
    try:
        password_validation.validate_password(password)
    except ValidationError as error:
        raise Refused(" ".join(error.messages), field="password") from None
    user = users.objects.create_user(username=email, email=email, password=password)
    requester = Requester.objects.create(
        user=user,
        name=name.strip(),
        agency=agency.strip(),
        phone=phone.strip(),
        domain_verdict=vetting.verdict,
        domain_reason=vetting.reason,
    )
    record("custodes.requester.signed_up", user, _subject(requester), {"domain": vetting.verdict})
    _send_confirmation(requester)
    return requester


def _send_confirmation(requester: Requester) -> None:
    token = signing.TimestampSigner(salt=CONFIRM_SALT).sign(str(requester.pk))
    link = f"{settings.CUSTODES_SITE_URL}/portal/confirm/{token}/"
    queue_mail(  # sent by the worker once the sign-up commits: no mail server holds it up
        f"requester:{requester.pk}:confirm",
        [requester.user.email],
        "Confirm your custodes requester account",
        f"Follow this link within two days to confirm {requester.user.email}:\n\n{link}\n\n"
        "If you did not sign up, ignore this message.",
        purpose="confirmation",
        about=_subject(requester),
    )


def requester_for_link(token: str) -> Requester:
    try:
        pk = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired:
        raise Refused("This link has expired; sign up again to get a new one.") from None
    except signing.BadSignature:
        raise Refused("This link is not one we sent; check that it was copied whole.") from None
    requester = Requester.objects.select_related("user").filter(pk=pk).first()
    if requester is None:
        raise Refused("This link is not one we sent; check that it was copied whole.")
    return requester


@transaction.atomic
def confirm_email(requester: Requester) -> TOTPDevice:
    """The address is confirmed; the device the requester's authenticator will hold."""
    if requester.email_confirmed_at is None:
        requester.email_confirmed_at = timezone.now()
        requester.save(update_fields=["email_confirmed_at"])
        record("custodes.requester.email_confirmed", requester.user, _subject(requester), {})
    device = requester.user.totpdevice_set.first()
    return device or TOTPDevice.objects.create(
        user=requester.user, name="authenticator", confirmed=False
    )


@transaction.atomic
def confirm_authenticator(requester: Requester, code: str) -> None:
    device = requester.user.totpdevice_set.first()
    if device is None or not device.verify_token(code.strip()):
        raise Refused(
            "That code does not match; check your authenticator's clock and try again.",
            field="token",
        )
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    if requester.status == Requester.Status.UNCONFIRMED:
        requester.status = Requester.Status.PENDING
        requester.save(update_fields=["status"])
    record("custodes.requester.authenticator_set", requester.user, _subject(requester), {})


@transaction.atomic
def decide(requester: Requester, staff, approve: bool, reason: str = "") -> Requester:
    if requester.status != Requester.Status.PENDING:
        raise Refused(f"Only a confirmed request can be decided; this one is {requester.status}.")
    if not approve and not reason.strip():
        raise Refused("Say why the account is refused; the requester is told.", field="reason")
    requester.status = Requester.Status.APPROVED if approve else Requester.Status.REFUSED
    requester.decided_by, requester.decision_reason = staff, reason.strip()
    requester.save(update_fields=["status", "decided_by", "decision_reason"])
    record(
        "custodes.requester.approved" if approve else "custodes.requester.refused",
        staff,
        _subject(requester),
        {"reason": requester.decision_reason},
    )
    queue_mail(
        f"requester:{requester.pk}:decided",
        [requester.user.email],
        "Your custodes requester account",
        "Your account is approved; you may sign in and submit demands."
        if approve
        else f"Your account was not approved: {requester.decision_reason}",
        purpose="account_decision",
        about=_subject(requester),
    )
    return requester


def approved_requester(user) -> Requester | None:
    requester = (
        getattr(user, "requester", None) if getattr(user, "is_authenticated", False) else None
    )
    if requester is None or requester.status != Requester.Status.APPROVED:
        return None
    return requester
