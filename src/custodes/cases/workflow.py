"""The case workflow: its states, its outcomes, and the only moves allowed between them.

Pure data and one function that says whether a move is legal and why not; `services.move`
carries a move out. Overdue is derived from dates by a query, never a state.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models


class State(models.TextChoices):
    RECEIVED = "received"
    IN_REVIEW = "in_review"
    AWAITING_REQUESTER = "awaiting_requester"
    ESCALATED = "escalated"
    APPROVED = "approved"
    NOTICE_PERIOD = "notice_period"
    CHALLENGED = "challenged"
    PRODUCING = "producing"
    CLOSED = "closed"


class Outcome(models.TextChoices):
    PRODUCED = "produced"
    PARTIALLY_PRODUCED = "partially_produced"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    QUASHED = "quashed"
    PRESERVED = "preserved"
    NO_RECORDS = "no_records"


@dataclass(frozen=True)
class Move:
    source: State
    target: State
    counsel_only: bool = False
    outcomes: tuple[Outcome, ...] = ()  # for a move to closed: the outcomes it may record


_CLOSING_IN_REVIEW = (Outcome.REJECTED, Outcome.WITHDRAWN, Outcome.PRESERVED, Outcome.NO_RECORDS)

MOVES: tuple[Move, ...] = (
    Move(State.RECEIVED, State.IN_REVIEW),
    Move(State.IN_REVIEW, State.AWAITING_REQUESTER),
    Move(State.IN_REVIEW, State.ESCALATED),
    Move(State.IN_REVIEW, State.APPROVED),
    Move(State.IN_REVIEW, State.CLOSED, outcomes=_CLOSING_IN_REVIEW),
    Move(State.AWAITING_REQUESTER, State.IN_REVIEW),
    Move(State.AWAITING_REQUESTER, State.CLOSED, outcomes=(Outcome.WITHDRAWN, Outcome.REJECTED)),
    Move(State.ESCALATED, State.APPROVED, counsel_only=True),
    Move(State.ESCALATED, State.IN_REVIEW, counsel_only=True),
    Move(State.ESCALATED, State.CLOSED, counsel_only=True, outcomes=(Outcome.REJECTED,)),
    Move(State.APPROVED, State.NOTICE_PERIOD),
    Move(State.APPROVED, State.PRODUCING),
    Move(State.APPROVED, State.CLOSED, outcomes=(Outcome.PRESERVED, Outcome.WITHDRAWN)),
    Move(State.NOTICE_PERIOD, State.PRODUCING),
    Move(State.NOTICE_PERIOD, State.CHALLENGED),
    Move(State.NOTICE_PERIOD, State.CLOSED, outcomes=(Outcome.WITHDRAWN,)),
    Move(State.CHALLENGED, State.PRODUCING, counsel_only=True),
    Move(
        State.CHALLENGED,
        State.CLOSED,
        counsel_only=True,
        outcomes=(Outcome.QUASHED, Outcome.WITHDRAWN),
    ),
    Move(
        State.PRODUCING,
        State.CLOSED,
        outcomes=(Outcome.PRODUCED, Outcome.PARTIALLY_PRODUCED, Outcome.NO_RECORDS),
    ),
)


# The moves after which data may leave the provider: an emergency needs its call-back first.
DISCLOSING = (State.APPROVED, State.NOTICE_PERIOD, State.PRODUCING)


class IllegalMove(Exception):
    """A move the workflow does not allow; the message says why, for the person who tried."""


def find_move(source: str, target: str) -> Move:
    for move in MOVES:
        if move.source == source and move.target == target:
            return move
    allowed = ", ".join(m.target for m in MOVES if m.source == source) or "none"
    raise IllegalMove(
        f"A case cannot go from {source} to {target}; from {source} it may go to: {allowed}."
    )


def check_move(source: str, target: str, outcome: str, is_counsel: bool) -> Move:
    move = find_move(source, target)
    if move.counsel_only and not is_counsel:
        raise IllegalMove(f"Only counsel may move a case from {source} to {target}.")
    if move.outcomes and outcome not in move.outcomes:
        choices = ", ".join(move.outcomes)
        raise IllegalMove(f"Closing from {source} needs an outcome: one of {choices}.")
    if not move.outcomes and outcome:
        raise IllegalMove(f"An outcome is recorded only when a case is closed, not on {target}.")
    return move


def moves_from(source: str) -> list[Move]:
    return [m for m in MOVES if m.source == source]
