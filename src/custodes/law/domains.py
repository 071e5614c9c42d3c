"""Is an e-mail domain a government's? Known suffixes, US local patterns, and look-alikes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from custodes.law.pack import load_domains

# Spellings that stand in for a government suffix in imitation domains: fbi-gov.com,
# fbi.gov.co, police-uk.net, usdoj.qov.
_IMITATION = re.compile(r"(^|[.-])(gov|g0v|qov|gouv|govt|mil|police|polizei|bund)([.-]|$)")


@dataclass(frozen=True)
class DomainCheck:
    domain: str
    verified: bool
    country: str | None = None
    imitates: bool = False


def check_domain(domain: str, extra: tuple[str, ...] = ()) -> DomainCheck:
    domain = domain.lower().strip().rstrip(".")
    if any(_within(domain, d.lower()) for d in extra):
        return DomainCheck(domain, verified=True)
    suffixes, local_patterns = load_domains()
    labels = domain.split(".")
    for index in range(len(labels)):  # longest suffix first: "police.vic.gov.au" before "gov.au"
        suffix = ".".join(labels[index:])
        if suffix in suffixes:
            return DomainCheck(domain, verified=True, country=suffixes[suffix] or None)
    if any(p.search(domain) for p in local_patterns):
        return DomainCheck(domain, verified=True, country="US")
    return DomainCheck(domain, verified=False, imitates=_imitates(domain))


def _within(domain: str, suffix: str) -> bool:
    return domain == suffix or domain.endswith("." + suffix)


def _imitates(domain: str) -> bool:
    # Everything but the registrable top-level label: "fbi.gov.co" keeps "fbi.gov".
    head = domain.rsplit(".", 1)[0]
    return bool(_IMITATION.search(head)) or domain.rsplit(".", 1)[-1] in {"qov", "g0v", "gouv"}
