"""Functions an app built on another registers with it, from its AppConfig.ready, so that the
app below imports nothing of the one above (the layers' import contracts)."""

from __future__ import annotations

from typing import Generic, TypeVar

Hook = TypeVar("Hook")


class Hooks(list, Generic[Hook]):
    def register(self, hook: Hook) -> None:
        """Once however often asked (an app's ready may run again in the tests)."""
        if hook not in self:
            self.append(hook)
