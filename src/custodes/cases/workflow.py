"""The case workflow: its states, its outcomes, and the only moves allowed between them.

Pure data and one function that says whether the table allows a move and why not;
`gate.check_move` adds what the decision and notice ask, and `services.move` carries a move
out. Overdue is derived from dates by a query, never a state.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models

from custodes.law.refusal import Refused


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
    # Not a demand answered: counted nowhere in the transparency report.
    DUPLICATE = "duplicate"
    ENTERED_IN_ERROR = "entered_in_error"


NOT_COUNTED = (Outcome.DUPLICATE, Outcome.ENTERED_IN_ERROR)


@dataclass(frozen=True)
class Move:
    source: State
    target: State
    counsel_only: bool = False
    outcomes: tuple[Outcome, ...] = ()  # for a move to closed: the outcomes it may record


_CLOSING_IN_REVIEW = (
    Outcome.REJECTED,
    Outcome.WITHDRAWN,
    Outcome.PRESERVED,
    Outcome.NO_RECORDS,
    *NOT_COUNTED,
)

MOVES: tuple[Move, ...] = (
    Move(State.RECEIVED, State.IN_REVIEW),
    Move(State.RECEIVED, State.CLOSED, outcomes=NOT_COUNTED),
    Move(State.IN_REVIEW, State.AWAITING_REQUESTER),
    Move(State.IN_REVIEW, State.ESCALATED),
    Move(State.IN_REVIEW, State.APPROVED),
    Move(State.IN_REVIEW, State.CLOSED, outcomes=_CLOSING_IN_REVIEW),
    Move(State.AWAITING_REQUESTER, State.IN_REVIEW),
    Move(
        State.AWAITING_REQUESTER,
        State.CLOSED,
        outcomes=(Outcome.WITHDRAWN, Outcome.REJECTED, *NOT_COUNTED),
    ),
    Move(State.ESCALATED, State.APPROVED, counsel_only=True),
    Move(State.ESCALATED, State.IN_REVIEW, counsel_only=True),
    Move(
        State.ESCALATED, State.CLOSED, counsel_only=True, outcomes=(Outcome.REJECTED, *NOT_COUNTED)
    ),
    Move(State.APPROVED, State.NOTICE_PERIOD),
    Move(State.APPROVED, State.PRODUCING),
    Move(
        State.APPROVED,
        State.CLOSED,
        outcomes=(Outcome.PRESERVED, Outcome.WITHDRAWN, *NOT_COUNTED),
    ),
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
BEFORE_APPROVAL = (State.RECEIVED, State.IN_REVIEW, State.AWAITING_REQUESTER, State.ESCALATED)


def find_move(source: str, target: str) -> Move:
    for move in MOVES:
        if move.source == source and move.target == target:
            return move
    allowed = ", ".join(m.target for m in MOVES if m.source == source) or "none"
    raise Refused(
        f"A case cannot go from {source} to {target}; from {source} it may go to: {allowed}."
    )


def check_move_table(source: str, target: str, outcome: str, is_counsel: bool) -> Move:
    """The table's part of a move; `cases.gate.check_move` adds the decision and notice."""
    move = find_move(source, target)
    if move.counsel_only and not is_counsel:
        raise Refused(f"Only counsel may move a case from {source} to {target}.")
    if move.outcomes and outcome not in move.outcomes:
        choices = ", ".join(move.outcomes)
        raise Refused(f"Closing from {source} needs an outcome: one of {choices}.")
    if not move.outcomes and outcome:
        raise Refused(f"An outcome is recorded only when a case is closed, not on {target}.")
    return move


def moves_from(source: str) -> list[Move]:
    return [m for m in MOVES if m.source == source]
