"""The readers' long patterns open with a lookahead of their alternatives' first letters, so
the regex engine skips most places at once. A letter left out of it would silently drop
matches: each such pattern must find exactly what it finds without its lookahead, over every
demand text the project holds (as written and lower-cased, as the readers read them)."""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import cache
from pathlib import Path

import pytest

import custodes.intake
import custodes.law
from custodes.intake import read_document
from custodes.intake.patterns import OnFirstUse
from tests.helpers import CASES

# Every long pattern over every demand text the project holds: slow (`make test` runs it).
pytestmark = pytest.mark.slow

CORPUS = Path(__file__).parent / "corpus"
_OPENING = re.compile(r"(?:\\b)?\(\?=")


def _patterns():
    for package in (custodes.intake, custodes.law):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for name, value in vars(module).items():
                if isinstance(value, OnFirstUse):
                    value = value()
                if isinstance(value, re.Pattern) and _OPENING.match(value.pattern):
                    yield pytest.param(value, id=f"{info.name}.{name}")


def _without_lookahead(pattern: re.Pattern[str]) -> re.Pattern[str]:
    text = pattern.pattern
    start = _OPENING.match(text).end()
    depth, index = 1, start
    while depth:
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = _class_end(text, index)
            continue
        depth += (char == "(") - (char == ")")
        index += 1
    prefix = text[: text.index("(?=")]
    return re.compile(prefix + text[index:], pattern.flags)


def _class_end(text: str, index: int) -> int:
    """The index after the character class that opens at `index`: a bracket or parenthesis
    inside it is a character, not a group."""
    index += 2 if text[index + 1] == "^" else 1
    index += text[index] == "]"
    while text[index] != "]":
        index += 2 if text[index] == "\\" else 1
    return index + 1


@cache
def _texts() -> tuple[str, ...]:
    folders = [CORPUS, CASES] if CASES.is_dir() else [CORPUS]
    paths = sorted(
        p for folder in folders for p in folder.rglob("*") if p.suffix in (".txt", ".eml")
    )
    texts = [read_document(p) for p in paths]
    return tuple(texts + [t.lower() for t in texts])


@pytest.mark.parametrize("pattern", list(_patterns()))
def test_a_lookahead_drops_no_match(pattern):
    plain = _without_lookahead(pattern)
    for text in _texts():
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]
