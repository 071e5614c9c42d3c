"""Vocabularies of phrases, compiled once into regular expressions.

A term is a lower-case phrase. A trailing `*` matches any word ending, a lone `*` between
words matches one word, and words may be separated by any white space or hyphen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def _term_pattern(term: str) -> str:
    words = term.lower().split()
    parts = []
    for word in words:
        if word == "*":
            parts.append(r"[\w'’-]+")
        elif word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"[\w'’-]*")
        else:
            parts.append(re.escape(word))
    body = r"[\s-]+".join(parts)
    return rf"(?<![\w]){body}(?![\w])" if not term.endswith("*") else rf"(?<![\w]){body}"


class Vocabulary:
    """A set of terms; `find` returns the distinct terms' matched text in a passage."""

    def __init__(self, terms: Iterable[str]):
        self.terms = tuple(terms)
        # Longest first, so that "child sexual abuse" wins over "sexual abuse".
        ordered = sorted(self.terms, key=len, reverse=True)
        self.pattern = re.compile("|".join(_term_pattern(t) for t in ordered), re.IGNORECASE)

    def find(self, text: str) -> list[str]:
        seen: dict[str, None] = {}
        for match in self.pattern.finditer(text):
            seen.setdefault(match.group(0).lower(), None)
        return list(seen)

    def spans(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in self.pattern.finditer(text)]

    def __contains__(self, text: str) -> bool:
        return self.pattern.search(text) is not None
