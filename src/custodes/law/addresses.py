"""A requester's e-mail address, read by a library made for it (email-validator) before any
vetting: one mailbox, no display name, no list, nothing before or after it, its domain's
punycode checked, and normalised so one mailbox has one spelling."""

from __future__ import annotations

from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

from custodes.law.refusal import Refused

_EXAMPLE = "Give your own official address alone, as in name@agency.gov."


@dataclass(frozen=True)
class Address:
    email: str  # local part lower-cased, domain normalised: the account's name
    domain: str  # as people read it (Unicode)
    ascii_domain: str  # as DNS carries it (punycode)


def parse_address(text: str) -> Address:
    raw = text.strip()
    if not raw:
        raise Refused(f"The e-mail address is missing. {_EXAMPLE}")
    shown = _shown(raw)
    if any(mark in raw for mark in ",;") or raw.count("@") > 1:
        raise Refused(f"{shown} holds more than one address. {_EXAMPLE}")
    if any(mark in raw for mark in '<>"'):
        raise Refused(f"{shown} has a name, brackets or quotes around it. {_EXAMPLE}")
    try:
        valid = validate_email(
            raw,
            check_deliverability=False,  # no DNS at sign-up: staff confirm unknown agencies
            allow_display_name=False,
            allow_quoted_local=False,
            allow_domain_literal=False,
        )
    except EmailNotValidError as error:
        raise Refused(f"{shown} is not an e-mail address we can use: {error} {_EXAMPLE}") from None
    return Address(f"{valid.local_part.lower()}@{valid.domain}", valid.domain, valid.ascii_domain)


def _shown(raw: str) -> str:
    """The address as typed, quoted, control characters escaped, a long one cut."""
    cut = raw if len(raw) <= 120 else raw[:119] + "…"
    return repr(cut) if not cut.isprintable() else f"'{cut}'"
