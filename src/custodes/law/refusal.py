"""The one kind of refusal: a person's request that custodes will not carry out, with the
reason they can act on. Each face turns it into its own answer (a message on the page, the
API's error with its field, a line from the command); `field` names the input at fault
(`selectors.0.value`, `document`), or is None when the request as a whole is."""

from __future__ import annotations


class Refused(ValueError):
    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


def require_reason(reason: str, what: str) -> str:
    """The written reason a step needs, stripped; `what` names the step ("Setting the day of
    a notice")."""
    if not reason.strip():
        raise Refused(f"{what} needs a written reason.", field="reason")
    return reason.strip()
