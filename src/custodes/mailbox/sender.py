"""Who sent a message, and whether to believe it: the From: address vetted as a portal sign-up
is (law/addresses.py, law/vetting.py), and the receiving mail server's Authentication-Results
(RFC 8601) asked whether that address is genuine. A From: line is only what the sender typed:
a government domain whose DMARC (or aligned DKIM or SPF) did not pass is not vetted, and the
case says it may be forged. This module imports no Django.

The header is read here rather than by a library: the one on PyPI (authres) has not had a
release since 2019, and custodes needs only the authserv-id and each method's result and
properties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import getaddresses

from custodes.law.addresses import parse_address
from custodes.law.refusal import Refused
from custodes.law.vetting import ACCEPT, HOLD, vet_domain

PASS, FAIL, NONE = "pass", "fail", "none"


@dataclass(frozen=True)
class SenderCheck:
    address: str  # the From: address as custodes reads it; "" when there is none to read
    verdict: str  # the domain's: accept | hold | refuse
    authentication: str  # pass | fail | none: what the receiving server found
    vetted: bool  # a government domain, and the server confirmed the address
    reason: str  # for the case page


@dataclass(frozen=True)
class Result:
    method: str
    result: str
    properties: dict[str, str]


def check_sender(
    message: EmailMessage, allowlist: tuple[str, ...], authserv_id: str | None
) -> SenderCheck:
    written = str(message.get("From", "") or "")
    addresses = [a for _, a in getaddresses([written]) if a]
    if len(addresses) != 1:
        return SenderCheck(
            "",
            HOLD,
            NONE,
            False,
            f"Not vetted: the From: line {written[:120]!r} holds no single address.",
        )
    try:
        address = parse_address(addresses[0])
    except Refused as error:
        return SenderCheck(addresses[0][:320], HOLD, NONE, False, f"Not vetted: {error}")
    vetting = vet_domain(address.ascii_domain, allowlist)
    results = trusted_results(message, authserv_id)
    authentication, how = _authenticated(results, address.ascii_domain)
    if vetting.verdict != ACCEPT:
        return SenderCheck(
            address.email, vetting.verdict, authentication, False, f"Not vetted: {vetting.reason}"
        )
    if authentication == PASS:
        return SenderCheck(
            address.email,
            ACCEPT,
            PASS,
            True,
            f"Vetted: {vetting.reason} The receiving mail server confirmed the From: address "
            f"({how}).",
        )
    doubt = (
        f"the receiving mail server's check did not pass ({how})"
        if authentication == FAIL
        else "no Authentication-Results of the receiving mail server confirm the From: address"
    )
    return SenderCheck(
        address.email,
        ACCEPT,
        authentication,
        False,
        f"Not vetted: the From: address claims {address.domain}, an official government domain, "
        f"but {doubt}: the message may be forged. Confirm it with the agency through its "
        "published contact details before acting on it.",
    )


def trusted_results(message: EmailMessage, authserv_id: str | None) -> list[Result]:
    """The results of the receiving server: the first Authentication-Results header with its
    authserv-id, or without one configured the topmost (the last server to add one is the
    one that received it; any below may have come with the message)."""
    for header in message.get_all("Authentication-Results", ()):
        server, results = parse_results(str(header))
        if authserv_id is None or server.lower() == authserv_id.lower():
            return results
    return []


_COMMENT = re.compile(r"\([^()]*\)")


def parse_results(value: str) -> tuple[str, list[Result]]:
    """`mx.example.com; dmarc=pass header.from=fbi.gov; dkim=fail (bad sig) header.d=fbi.gov`
    as the authserv-id and each method's result."""
    text = " ".join(value.split())
    while _COMMENT.search(text):  # comments nest; remove the innermost first
        text = _COMMENT.sub(" ", text)
    text = re.sub(r'"([^"]*)"', lambda m: m.group(1).replace(";", ",").replace(" ", "_"), text)
    server, *clauses = text.split(";")
    results = []
    for clause in clauses:
        words = clause.split()
        if not words or "=" not in words[0]:
            continue  # "none": no method was run
        method, _, result = words[0].partition("=")
        properties = {}
        for word in words[1:]:
            key, equals, value = word.partition("=")
            if equals:
                properties[key.lower()] = value.lower()
        results.append(Result(method.split("/")[0].lower(), result.lower(), properties))
    return server.split()[0] if server.split() else "", results


def _authenticated(results: list[Result], domain: str) -> tuple[str, str]:
    """Whether the results confirm mail from `domain`: DMARC's verdict where the server gave
    one, otherwise a DKIM signature or SPF pass of an aligned domain."""
    domain = domain.lower()
    for r in results:
        if r.method == "dmarc" and _aligned(r.properties.get("header.from", domain), domain):
            return (PASS if r.result == "pass" else FAIL), f"dmarc={r.result}"
    for r in results:
        if (
            r.method == "dkim"
            and r.result == "pass"
            and _aligned(r.properties.get("header.d", ""), domain)
        ):
            return PASS, f"dkim=pass header.d={r.properties['header.d']}"
    for r in results:
        mail_from = r.properties.get("smtp.mailfrom", "").rpartition("@")[2]
        if r.method == "spf" and r.result == "pass" and _aligned(mail_from, domain):
            return PASS, f"spf=pass smtp.mailfrom={mail_from}"
    said = ", ".join(
        f"{r.method}={r.result}" for r in results if r.method in ("dmarc", "dkim", "spf")
    )
    return (FAIL, said) if said else (NONE, "no results")


def _aligned(other: str, domain: str) -> bool:
    """Relaxed alignment (RFC 7489 §3.1): one domain is the other or under it."""
    other = other.lower().rstrip(".")
    return bool(other) and (
        other == domain or domain.endswith("." + other) or other.endswith("." + domain)
    )
