"""Whether a text is a domain name, and its two spellings: as DNS carries it (punycode) and
as people read it. One place for every list and check that takes a domain."""

from __future__ import annotations

import re

import idna

_LDH = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")  # a DNS label: letters, digits, inner hyphens


def ascii_form(domain: str) -> str | None:
    """The domain as DNS carries it (punycode for other scripts), or None when it is not a
    valid domain name: a label that does not decode, a character no domain may hold."""
    domain = domain.strip().lower().rstrip(".")
    if not domain or ".." in domain or len(domain) > 253:
        return None
    if domain.isascii() and "xn--" not in domain:  # the common case, without IDNA's tables
        return domain if all(_LDH.fullmatch(label) for label in domain.split(".")) else None
    try:
        return idna.encode(domain, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return None


def unicode_form(domain: str) -> str | None:
    ascii_domain = ascii_form(domain)
    if ascii_domain is None or "xn--" not in ascii_domain:
        return ascii_domain
    try:
        return idna.decode(ascii_domain)
    except (idna.IDNAError, UnicodeError):
        return None
