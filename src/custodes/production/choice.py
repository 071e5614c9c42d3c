"""Which of the provider's datasets a demand asks for. Each requested item is matched, within
its own category, to the datasets whose connector entry gives a word it uses (on word
boundaries, singular or plural); an item that names none of its category's datasets asks for
the category whole. Each item also says which side of a conversation it wants: sent,
received, or both. People then leave datasets and columns out, or include others, with
reasons. No Django here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from custodes.law.request import Request
from custodes.production.connector import BOTH, RECEIVED, SENT, Dataset

# How a plural becomes its singular, first ending that fits; applied to both the item and
# the terms, so "DMs" meets "DM" and "IP addresses" meets "IP address".
_PLURALS = (
    ("ies", "y"),
    ("sses", "ss"),
    ("xes", "x"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("ss", "ss"),
    ("us", "us"),
    ("is", "is"),
    ("s", ""),
)

# The words that say which side of a conversation an item asks for, longest first where two
# begin at the same word; "*" stands for any one word. An item with none of them, or with
# words for both sides, asks for both.
_SIDES = {
    "sent or received": BOTH,
    "sent and received": BOTH,
    "sent and or received": BOTH,
    "to or from": BOTH,
    "from or to": BOTH,
    "exchanged": BOTH,
    "between": BOTH,
    "sent to the account": frozenset({RECEIVED}),
    "sent to the * account": frozenset({RECEIVED}),
    "sent to the user": frozenset({RECEIVED}),
    "to the account": frozenset({RECEIVED}),
    "addressed to": frozenset({RECEIVED}),
    "received": frozenset({RECEIVED}),
    "receive": frozenset({RECEIVED}),
    "incoming": frozenset({RECEIVED}),
    "inbound": frozenset({RECEIVED}),
    "sent": frozenset({SENT}),
    "send": frozenset({SENT}),
    "outgoing": frozenset({SENT}),
    "authored": frozenset({SENT}),
    "written by": frozenset({SENT}),
    "from the account": frozenset({SENT}),
    "from the * account": frozenset({SENT}),
}


def _singular(word: str) -> str:
    for ending, replacement in _PLURALS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)] + replacement
    return word


def words(text: str) -> str:
    """The text as singular, lower-case words between single spaces, padded with one."""
    return " " + " ".join(_singular(w) for w in re.findall(r"[a-z0-9]+", text.lower())) + " "


def names(dataset: Dataset, text: str) -> bool:
    """Whether the text uses one of the words the dataset's connector entry gives for it."""
    said = words(text)
    return any(words(term) in said for term in dataset.terms)


_PHRASES = sorted(_SIDES, key=lambda p: -len(p.split()))
_SIDE = re.compile(
    "(?<= )(?:"
    + "|".join(
        "(" + " ".join(r"\S+" if w == "*" else re.escape(_singular(w)) for w in p.split()) + ")"
        for p in _PHRASES
    )
    + ")(?= )"
)


def directions(text: str) -> frozenset[str]:
    """The sides of a conversation an item asks for: sent, received, or both."""
    asked: set[str] = set()
    for found in _SIDE.finditer(words(text)):
        asked |= _SIDES[_PHRASES[found.lastindex - 1]]
    return frozenset(asked) or BOTH


@dataclass(frozen=True)
class Item:
    """One requested item of a demand, as the contract gives it."""

    text: str
    category: str | None

    @classmethod
    def all_of(cls, request: Request) -> list[Item]:
        return [cls(item.text, str(item.category)) for item in request.items]


@dataclass(frozen=True)
class Selection:
    """A dataset going into the package: the directions asked for, why it is there, and the
    columns a person left out."""

    dataset: Dataset
    directions: frozenset[str] = BOTH
    reasons: tuple[str, ...] = ()
    without: frozenset[str] = frozenset()


def preselect(
    datasets: Iterable[Dataset], items: list[Item], categories: Iterable[str]
) -> list[Selection]:
    """For each category (those the decision allows), the datasets its items name; an item
    that names none, or a category no item falls in, asks for all its datasets."""
    datasets = list(datasets)
    found: dict[str, tuple[set, list]] = {}
    for category in categories:
        theirs = [d for d in datasets if d.category == category]
        for item in [i for i in items if i.category == category] or [None]:
            named = [d for d in theirs if item and names(d, item.text)]
            if named:
                why = f"named by the item “{item.text}”"
            elif item:
                why = f"the item “{item.text}” names none of its records: all {category}"
            else:
                why = f"the demand asks for {category} and no item says which records"
            sides = directions(item.text) if item else BOTH
            for dataset in named or theirs:
                asked, reasons = found.setdefault(dataset.name, (set(), []))
                asked |= sides
                reasons.append(why)
    return [
        Selection(d, frozenset(found[d.name][0]), tuple(found[d.name][1]))
        for d in datasets
        if d.name in found
    ]


@dataclass(frozen=True)
class Chosen:
    """A person's choice: a dataset (or one of its columns, `column`) left out or included."""

    dataset: str
    include: bool
    reason: str
    by: str
    column: str = ""


@dataclass
class Settled:
    selections: list[Selection] = field(default_factory=list)
    left_out: list[dict] = field(default_factory=list)  # by people, with reason and who


def settle(preselected: list[Selection], allowed: list[Dataset], chosen: list[Chosen]) -> Settled:
    """The preselection with people's choices applied, the latest on each dataset or column
    standing. Only a dataset of `allowed` (the categories the decision allows) goes in."""
    latest = {(c.dataset, c.column): c for c in chosen}
    picked = {s.dataset.name: s for s in preselected}
    settled = Settled()
    for dataset in allowed:
        where = f"{dataset.category}/{dataset.name}"
        choice = latest.get((dataset.name, ""))
        selection = picked.get(dataset.name)
        if choice and choice.include and selection is None:
            selection = Selection(dataset, BOTH, (f"included by {choice.by}: {choice.reason}",))
        elif choice and not choice.include and selection is not None:
            settled.left_out.append({"what": where, "reason": choice.reason, "by": choice.by})
            continue
        if selection is None:
            continue
        without = [c for (name, column), c in latest.items() if name == dataset.name and column]
        without = [c for c in without if not c.include]
        for c in without:
            what = f"{where}, column {c.column}"
            settled.left_out.append({"what": what, "reason": c.reason, "by": c.by})
        settled.selections.append(replace(selection, without=frozenset(c.column for c in without)))
    return settled
