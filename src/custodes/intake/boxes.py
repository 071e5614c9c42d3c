"""A form's tick-boxes: where one stands, whether it is ticked, and a text with each choice
left unticked struck out, since a choice not made asks nothing ("[ ] Do not notify the
account holder")."""

from __future__ import annotations

import re

# A box is set apart by spaces: the tick in a name ("Front Row Tix ✔") is no box.
# (It opens with the characters a box starts with, which the engine looks for at once, and
# what follows says which box: a bracket's inside, or a mark with nothing next to it.)
BOX = re.compile(r"[\[☐☒☑□■✓✔](?:(?<=\[)\s*[xX✓✔]?\s*\]|(?<!\[)(?<!\S.)(?!\S))")
_TICKED = re.compile(r"\[\s*[xX✓✔]\s*\]|[☒☑■✓✔]")


def boxed(text: str) -> bool:
    """Whether `text` holds a box; only "[" opens one in ASCII text, and a look for it is far
    quicker than the pattern (most lines hold none)."""
    return ("[" in text or not text.isascii()) and bool(BOX.search(text))


def ticked(box: str) -> bool:
    """Whether a box `BOX` found is ticked."""
    return bool(_TICKED.fullmatch(box))


def unticked_struck(text: str) -> str:
    """`text` with each unticked box, and the words beside it up to the next box or the end
    of its line, made one space."""
    if not boxed(text):
        return text
    boxes = list(BOX.finditer(text))
    pieces, last = [], 0
    for number, box in enumerate(boxes):
        if ticked(box.group(0)):
            continue
        end = boxes[number + 1].start() if number + 1 < len(boxes) else len(text)
        line_end = text.find("\n", box.end(), end)
        pieces += [text[last : box.start()], " "]
        last = end if line_end == -1 else line_end
    return "".join(pieces) + text[last:]
