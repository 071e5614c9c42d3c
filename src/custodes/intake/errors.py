"""The one error intake raises: the input cannot be read, with what to do about it."""


class UnreadableInput(ValueError):
    """A document custodes cannot read. The message says what is wrong and what to send."""
