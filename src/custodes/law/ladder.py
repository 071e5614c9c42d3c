"""The least process that reaches a category of data, read from the rule pack: what a
requester would have to serve to obtain what their demand's process does not reach."""

from __future__ import annotations

from custodes.law.pack import InstrumentRule, Pack, load_pack
from custodes.law.vocab import Category

COMPULSORY = ("subpoena", "order")


def least_process(category: Category | str, pack: Pack | None = None) -> InstrumentRule | None:
    """The compulsory instrument, open to any country's demand, that reaches `category` and
    the fewest others besides (the pack's first where several reach as few)."""
    pack = pack or load_pack()
    reaching = [
        rule
        for rule in pack.instruments.values()
        if rule.kind in COMPULSORY and not rule.countries and Category(category) in rule.reaches
    ]
    return min(reaching, key=lambda rule: len(rule.reaches), default=None)
