"""How many accounts a demand names: the identifiers of one account count once.

Before the targets are looked up, a username and a profile URL that ends in it are one
account; an account number, an e-mail address or a phone number cannot be joined to a name
until the provider's records say whose they are (`production` counts again then). Pure: no
database.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from custodes.law.request import Selector
from custodes.law.vocab import SelectorKind


def distinct_accounts(selectors: Iterable[Selector]) -> int:
    return len({_identity(s) for s in selectors})


def _identity(selector: Selector) -> tuple[str, str]:
    if selector.kind is SelectorKind.URL:
        handle = _handle(selector.value)
        if handle:
            return ("name", handle)
    if selector.kind is SelectorKind.USERNAME:
        return ("name", selector.value.lower().lstrip("@"))
    return (str(selector.kind), f"{selector.value.lower()}@{selector.at or ''}")


def _handle(url: str) -> str:
    """The last segment of a profile URL's path: 'https://parley.social/@jdoe/' gives 'jdoe'."""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    return segments[-1].lower().lstrip("@") if segments else ""
