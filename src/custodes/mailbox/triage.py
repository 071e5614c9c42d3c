"""Which messages to the mailbox are not demands: automatic replies and bulk mail, delivery
reports (bounces, RFC 3464) and what the mail server's spam filter flagged. The header rules
are data (setaside.toml); this module imports no Django."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from email.message import EmailMessage
from functools import cache
from importlib import resources

MATCHES = ("present", "is", "other_than", "starts_with")


@dataclass(frozen=True)
class Rule:
    header: str
    match: str
    values: tuple[str, ...]
    reason: str

    def says(self, value: str) -> bool:
        word = value.strip().lower()
        first = word.replace(";", " ").split(" ", 1)[0]
        if self.match == "present":
            return True
        if self.match == "is":
            return first in self.values
        if self.match == "other_than":
            return first not in self.values
        return word.startswith(self.values)


@cache
def rules() -> tuple[Rule, ...]:
    with (resources.files("custodes.mailbox") / "setaside.toml").open("rb") as handle:
        data = tomllib.load(handle)
    out = []
    for number, rule in enumerate(data["rule"], start=1):
        if rule["match"] not in MATCHES:
            raise ValueError(f"setaside.toml rule {number}: match must be one of {MATCHES}")
        values = tuple(v.lower() for v in rule.get("values", ()))
        out.append(Rule(rule["header"], rule["match"], values, rule["reason"]))
    return tuple(out)


def not_a_demand(message: EmailMessage) -> str | None:
    """Why this message is no demand, or None when nothing says so."""
    report = _report_type(message)
    if report:
        return f"a report, not a demand (report-type={report}: a bounce, RFC 3464, or a receipt)"
    for rule in rules():
        for value in message.get_all(rule.header, ()):
            if rule.says(str(value)):
                return rule.reason.format(value=" ".join(str(value).split())[:80])
    return None


def _report_type(message: EmailMessage) -> str | None:
    if message.get_content_type() == "multipart/report":
        return str(message.get_param("report-type", "unnamed"))[:40]
    for part in message.walk():
        if part.get_content_type() == "message/delivery-status":
            return "delivery-status"
    return None
