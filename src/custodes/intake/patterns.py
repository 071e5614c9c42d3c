"""Regular expressions compiled on first use.

Python compiles each pattern anew in every process, and the review command reads one demand:
the patterns that only some demands need (a scan's slips, an e-mail's confidentiality notice,
a rare kind of process or period, a court's marks where neither the sender nor the letterhead
tells the country) are compiled when first used rather than at import. Those made so are the
costliest of the ones that fewer than one text in ten of the samples and the corpus needs.
No Django here.
"""

from __future__ import annotations

import re
from functools import cached_property


class OnFirstUse:
    """A pattern compiled the first time it is called for: `_MARKS().search(text)`."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def __call__(self) -> re.Pattern[str]:
        return self._compiled

    @cached_property
    def _compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)
