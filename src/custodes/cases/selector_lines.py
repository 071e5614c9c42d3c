"""Targets written one per line as 'kind: value', as staff and requesters type them; an IP
address may carry its time and source port ('ip: 198.51.100.7 at 2026-10-04T03:12:47Z port
52144'), so that a correction keeps what intake read."""

from __future__ import annotations

import re
from typing import Any

from custodes.law.refusal import Refused

_AT_PORT = re.compile(r"\s+at\s+(?P<at>\S+)|\s+port\s+(?P<port>\d{1,5})", re.IGNORECASE)


def selector_line(selector: dict[str, Any]) -> str:
    line = f"{selector['kind']}: {selector['value']}"
    if selector.get("at"):
        line += f" at {selector['at']}"
    if selector.get("port"):
        line += f" port {selector['port']}"
    return line


def parse_selector_lines(text: str) -> list[dict[str, Any]]:
    selectors = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        kind, separator, value = line.partition(":")
        if not separator or not value.strip():
            raise Refused(f"Target line {number} should read 'kind: value', e.g. 'username: jdoe'.")
        selectors.append(_selector(kind.strip().lower(), value.strip()))
    return selectors


def _selector(kind: str, written: str) -> dict[str, Any]:
    """'198.51.100.7 at 2026-10-04T03:12:47Z port 52144': the value, then its time and port."""
    selector: dict[str, Any] = {"kind": kind}
    first = _AT_PORT.search(written) if kind == "ip" else None
    selector["value"] = written[: first.start()].strip() if first else written
    for match in _AT_PORT.finditer(written, first.start()) if first else ():
        if match["at"]:
            selector["at"] = match["at"]
        else:
            selector["port"] = int(match["port"])
    return selector
