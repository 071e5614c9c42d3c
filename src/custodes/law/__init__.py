"""The law: closed vocabularies, rule packs as data, and the review engine.

Pure Python; nothing here imports Django, so a review needs no database.
"""

from custodes.law.config import ReviewConfig
from custodes.law.decision import Decision, Finding, Notice, Withheld
from custodes.law.engine import review
from custodes.law.request import (
    DateRange,
    Nondisclosure,
    Request,
    Requester,
    RequestError,
    Selector,
)

__all__ = [
    "DateRange",
    "Decision",
    "Finding",
    "Nondisclosure",
    "Notice",
    "Request",
    "RequestError",
    "Requester",
    "ReviewConfig",
    "Selector",
    "Withheld",
    "review",
]
