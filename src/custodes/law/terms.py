"""Vocabularies of phrases, compiled once into one trie-shaped regular expression.

A term is a lower-case phrase. A trailing `*` matches any word ending, a lone `*` between
words matches one word, and words may be separated by any white space or hyphen. Terms that
share a beginning share a branch of the pattern, so a passage is read in one pass however
many terms there are; `Vocabularies` reads several vocabularies in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property

_SEP, _WORD, _STAR, _END = "\x00sep", "\x00word", "\x00star", "\x00end"
# Where a term that ends in `*` ends: without it "threat*" would be lost in a trie that also
# holds "threat* to kill", whose branch goes on from the same place.
_DONE = "\x00done"
# A letter of a word: the characters of `[\w'’-]`, written as a class without the `’` and an
# alternative with it. Python compiles a class holding a character beyond Latin-1 into a table
# of all 65,536, at each of the ~2,000 places the vocabularies hold a letter: most of the time
# the review command spent compiling them. (`{1}` keeps re's parser from merging the
# alternative back into the class.)
_LETTER = r"(?:[\w'-]|’{1})"
_ATOM_PATTERN = {
    _SEP: r"[\s-]+",
    _WORD: _LETTER + "+",
    _STAR: _LETTER + "*",
    _END: r"(?!\w)",
    _DONE: "",
}
_LAST = (_END, _STAR, _DONE)


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
    atoms.append(_DONE if atoms[-1] == _STAR else _END)
    return atoms


def _atom_pattern(atom: str) -> str:
    return _ATOM_PATTERN[atom] if atom in _ATOM_PATTERN else re.escape(atom)


def _trie_pattern(node: dict) -> str:
    out = []
    while len(node) == 1:  # most of a trie is runs of one atom after another: written in a loop
        ((atom, node),) = node.items()
        out.append(_atom_pattern(atom))
    if node:
        # Continuations before the end of a term, so the longest term at a place wins.
        branches = sorted(node.items(), key=lambda item: item[0] in _LAST)
        out.append("(?:" + "|".join(_atom_pattern(a) + _trie_pattern(c) for a, c in branches) + ")")
    return "".join(out)


def _trie(terms: Iterable[str]) -> str:
    """The terms' pattern, without the word boundary that opens it."""
    trie: dict = {}
    for term in terms:
        node = trie
        for atom in _atoms(term):
            node = node.setdefault(atom, {})
    return _trie_pattern(trie)


def compile_terms(terms: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + _trie(terms))


class Vocabulary:
    """A set of terms; `find` returns the distinct matched text in a passage.

    Passages are lower-cased before matching (a case-sensitive pattern is half again
    faster); callers that read one passage many times lower-case it once themselves.
    """

    def __init__(self, terms: Iterable[str]):
        self.terms = tuple(terms)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Compiled when first read: a command that reviews one demand reads only some of the
        vocabularies, and compiling costs more than reading one passage."""
        return compile_terms(self.terms)

    def find(self, text: str) -> list[str]:
        seen: dict[str, None] = {}
        for match in self.pattern.finditer(text.lower()):
            seen.setdefault(match.group(0), None)
        return list(seen)

    def spans(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in self.pattern.finditer(text.lower())]


class Vocabularies:
    """Several vocabularies read over one lower-cased passage in a single pass.

    One pattern finds the places where a term of any of them starts, and there tries each
    vocabulary's own trie in a lookahead group of its own; of the places a vocabulary
    matches, those inside its previous match are dropped. So each vocabulary finds exactly
    what its own `Vocabulary.spans` would, for the price of about one pass.

    The pattern opens with the character before the term, `\\W`, where `Vocabulary` has a
    lookbehind: a pattern that opens with a class of characters lets the regex engine skip to
    the next place it can start at once, rather than try the pattern at every character. The
    passage is read with a space before it, so that a term may start it.
    """

    def __init__(self, vocabularies: dict[str, Vocabulary]):
        self.names = tuple(vocabularies)
        union = _trie(term for vocabulary in vocabularies.values() for term in vocabulary.terms)
        each = "".join(f"(?=({_trie(v.terms)})?)" for v in vocabularies.values())
        self.pattern = re.compile(rf"\W(?={union}){each}")

    def spans(self, lowered: str) -> dict[str, list[tuple[int, int]]]:
        """Where each vocabulary's terms stand in a lower-cased passage, by its name."""
        # (`regs`: the spans of all of a match's groups in one call, as on Python 3.11 to 3.13)
        places = [match.regs for match in self.pattern.finditer(" " + lowered)]
        found = {}
        for group, name in enumerate(self.names, 1):
            spans, end = [], 1  # (a group that did not match starts at -1)
            for place in places:
                start, stop = place[group]
                if start >= end:  # not inside this vocabulary's match before
                    spans.append((start - 1, stop - 1))
                    end = stop
            found[name] = spans
        return found
