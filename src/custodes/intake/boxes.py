"""A form's tick-boxes: where one stands, whether it is ticked, and a text with each choice
left unticked struck out, since a choice not made asks nothing ("[ ] Do not notify the
account holder")."""

from __future__ import annotations

import re

# A box is set apart by spaces: the tick in a name ("Front Row Tix ✔") is no box. Round
# brackets make one only with a space inside ("( X )", "(   )"), or a radio button's dot
# ("(*)"): "(x)" numbers a list.
# (It opens with the characters a box starts with, which the engine looks for at once, and
# what follows says which box: a bracket's inside, or a mark with nothing next to it.)
BOX = re.compile(
    r"[\[(☐☒☑□■✓✔](?:(?<=\[)\s*[xX✓✔]?\s*\]|(?<=\()(?:\s+[xX✓✔*•]?|[xX✓✔](?=\s)|[*•])\s*\)|"
    r"(?<![\[(])(?<!\S.)(?!\S))"
)
_TICKED = re.compile(r"[\[(]\s*[xX✓✔*•]\s*[\])]|[☒☑■✓✔]")


def boxed(text: str) -> bool:
    """Whether `text` holds a box; in ASCII text only "[" opens one, or a round bracket with
    a space inside, and a look for them is far quicker than the pattern (most lines hold
    none)."""
    return (
        "[" in text or "( " in text or " )" in text or "(*" in text or not text.isascii()
    ) and bool(BOX.search(text))


def ticked(box: str) -> bool:
    """Whether a box `BOX` found is ticked."""
    return bool(_TICKED.fullmatch(box))


def unticked_struck(text: str) -> str:
    """`text` with each unticked box, and the words beside it up to the next box or the end
    of its choice, made one space. A choice ends with its line, or goes on over the lines
    set in further than its box ("[ ] I believe that an emergency involving danger of" /
    "      death exists")."""
    if not boxed(text):
        return text
    boxes = list(BOX.finditer(text))
    pieces, last = [], 0
    for number, box in enumerate(boxes):
        if ticked(box.group(0)):
            continue
        end = boxes[number + 1].start() if number + 1 < len(boxes) else len(text)
        pieces += [text[last : box.start()], " "]
        last = _choice_end(text, box.start(), end)
    return "".join(pieces) + text[last:]


def _choice_end(text: str, start: int, end: int) -> int:
    """Where the choice whose box stands at `start` ends, at `end` at the latest."""
    column = start - (text.rfind("\n", 0, start) + 1)
    line_end = text.find("\n", start, end)
    while line_end != -1:
        following = text.find("\n", line_end + 1, end)
        line = text[line_end + 1 : end if following == -1 else following]
        if not line.strip() or len(line) - len(line.lstrip()) <= column:
            return line_end
        line_end = following
    return end
