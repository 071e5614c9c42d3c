"""Vocabularies of phrases, compiled once into one trie-shaped regular expression.

A term is a lower-case phrase. A trailing `*` matches any word ending, a lone `*` between
words matches one word, and words may be separated by any white space or hyphen. Terms that
share a beginning share a branch of the pattern, so a passage is read in one pass however
many terms there are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SEP, _WORD, _STAR, _END = "\x00sep", "\x00word", "\x00star", "\x00end"
_ATOM_PATTERN = {
    _SEP: r"[\s-]+",
    _WORD: r"[\w'’-]+",
    _STAR: r"[\w'’-]*",
    _END: r"(?!\w)",
}


def _atoms(term: str) -> list[str]:
    atoms: list[str] = []
    for index, word in enumerate(term.lower().split()):
        if index:
            atoms.append(_SEP)
        if word == "*":
            atoms.append(_WORD)
            continue
        atoms.extend(word.rstrip("*"))
        if word.endswith("*"):
            atoms.append(_STAR)
    if atoms[-1] != _STAR:
        atoms.append(_END)
    return atoms


def _trie_pattern(node: dict) -> str:
    # Continuations before the end of a term, so the longest term at a place wins.
    branches = sorted(node.items(), key=lambda item: item[0] in (_END, _STAR))
    parts = []
    for atom, child in branches:
        atom_pattern = _ATOM_PATTERN.get(atom) or re.escape(atom)
        parts.append(atom_pattern + (_trie_pattern(child) if child else ""))
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def compile_terms(terms: Iterable[str]) -> re.Pattern[str]:
    trie: dict = {}
    for term in terms:
        node = trie
        for atom in _atoms(term):
            node = node.setdefault(atom, {})
    return re.compile(r"(?<!\w)" + _trie_pattern(trie))


class Vocabulary:
    """A set of terms; `find` returns the distinct matched text in a passage.

    Passages are lower-cased before matching (a case-sensitive pattern is half again
    faster); callers that read one passage many times lower-case it once themselves.
    """

    def __init__(self, terms: Iterable[str]):
        self.terms = tuple(terms)
        self.pattern = compile_terms(self.terms)

    def find(self, text: str) -> list[str]:
        seen: dict[str, None] = {}
        for match in self.pattern.finditer(text.lower()):
            seen.setdefault(match.group(0), None)
        return list(seen)

    def spans(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in self.pattern.finditer(text.lower())]
