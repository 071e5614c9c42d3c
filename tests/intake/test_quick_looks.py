"""Several readers look for a word first and read a costly pattern only where one is written.
Each word list is kept by hand beside the pattern it guards; a word added to the pattern and
not to its list would silently drop matches. So each look must pass wherever its pattern
finds something, over every line, paragraph and sentence of every demand text the project
holds (as written and lower-cased).

(Patterns that open with a lookahead of their first letters are held by test_quick_skips.)"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from custodes.intake import instrument, items, purpose, read_document, secrecy
from custodes.intake.categories import without_negations
from custodes.intake.layout import LIST_MARKER, Layout, flat, folded, folds_plainly
from tests.helpers import CASES

# Every look over every piece of every demand text: slow (`make test` runs it).
pytestmark = pytest.mark.slow

CORPUS = Path(__file__).parent / "corpus"


@cache
def _pieces() -> tuple[str, ...]:
    folders = [CORPUS, CASES] if CASES.is_dir() else [CORPUS]
    paths = sorted(
        p for folder in folders for p in folder.rglob("*") if p.suffix in (".txt", ".eml")
    )
    pieces: set[str] = set()
    for path in paths:
        layout = Layout.of(read_document(path))
        pieces.update(line.text for line in layout.lines)
        pieces.update(layout.paragraphs)
        pieces.update(layout.sentences)
    return tuple(sorted(pieces | {piece.lower() for piece in pieces}))


def _as_commanded(sentence: str) -> str:
    return folded(flat(without_negations(sentence)))


def _records_title(line: str) -> bool:
    return bool(
        items._SCHEDULE_TITLE.search(line)
        or items._RECORDS_TITLE.match(LIST_MARKER.sub("", line, count=1))
        or items._RECORDS_LABEL.match(line)
    )


def _silence(sentence: str) -> bool:
    return folds_plainly(sentence) and any(
        pattern.search(sentence)
        for pattern in (
            secrecy._SILENCE,
            secrecy._ASK_FIRST,
            secrecy._CONFIDENTIAL,
            secrecy._KEPT_FROM,
            secrecy._FOREIGN,
        )
    )


def _agency(sentence: str) -> bool:
    return folds_plainly(sentence) and bool(purpose._AGENCY_NAMES.search(sentence))


# (what the look is, the look, what it guards): wherever the guarded reading finds something,
# the look must pass.
LOOKS: list[tuple[str, Callable[[str], bool], Callable[[str], bool]]] = [
    (
        "items._COMMAND_CUE",
        lambda s: bool(items._COMMAND_CUE.search(s.lower())),
        lambda s: bool(items._COMMAND.search(_as_commanded(s))),
    ),
    (
        "items._COMMAND_WORDS",
        lambda s: bool(items._COMMAND_WORDS.search(_as_commanded(s))),
        lambda s: bool(items._COMMAND.search(_as_commanded(s))),
    ),
    (
        "items._RECORDS_STEMS",
        lambda s: any(stem in folded(s) for stem in items._RECORDS_STEMS),
        _records_title,
    ),
    (
        "items._TARGETS_NAMED",
        lambda s: (
            bool(items._DIGIT_COLON_AT.search(s))
            or any(word in folded(s) for word in items._TARGETS_NAMED)
        ),
        lambda s: bool(items._TARGET_VALUE.search(s)),
    ),
    (
        "secrecy._SILENCE_NEEDS",
        lambda s: bool(secrecy._SILENCE_NEEDS.search(s.lower())),
        _silence,
    ),
    (
        "purpose._AGENCY_WORDS",
        lambda s: bool(purpose._AGENCY_WORDS.search(s.lower())),
        _agency,
    ),
    *(
        (
            f"instrument._NEEDS[{mark.pattern[:24]!r}]",
            lambda s, words=words: any(word in s.lower() for word in words),
            lambda s, mark=mark: bool(mark.search(s.lower())),
        )
        for mark, words in instrument._NEEDS.items()
    ),
]


@pytest.mark.parametrize(("look", "guarded"), [pytest.param(*rest, id=n) for n, *rest in LOOKS])
def test_a_quick_look_passes_wherever_its_pattern_reads(look, guarded):
    read = [piece for piece in _pieces() if guarded(piece)]
    missed = [piece for piece in read if not look(piece)]
    assert read, "the pattern reads nothing here: the test would hold nothing"
    assert missed == [], f"the pattern reads {len(missed)} pieces the look passes over"
