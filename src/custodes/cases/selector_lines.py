"""Targets written one per line as 'kind: value', as staff and requesters type them."""

from __future__ import annotations


class SelectorLinesError(ValueError):
    pass


def parse_selector_lines(text: str) -> list[dict[str, str]]:
    selectors = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        kind, separator, value = line.partition(":")
        if not separator or not value.strip():
            raise SelectorLinesError(
                f"Target line {number} should read 'kind: value', e.g. 'username: jdoe'."
            )
        selectors.append({"kind": kind.strip().lower(), "value": value.strip()})
    return selectors
