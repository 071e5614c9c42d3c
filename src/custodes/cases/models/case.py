"""A case: one demand's way through the desk, and the accounts it names."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.lookups import IsNull

from custodes import sql
from custodes.cases.models.demand import Demand
from custodes.cases.workflow import Outcome, State

if TYPE_CHECKING:
    from custodes.cases.models.decision import Decision, EngineReview


def new_reference() -> str:
    """A public reference that cannot be guessed from another: 'C-' and 10 random characters."""
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    return "C-" + "".join(secrets.choice(alphabet) for _ in range(10))


# The queue's order: emergencies' due hours first, then the soonest due day, undated last.
QUEUE_ORDER = (
    IsNull(F("due_at"), True),
    F("due_at"),
    IsNull(F("due_on"), True),
    F("due_on"),
    F("created_at"),
)


# The open cases, as a filter the queue's indexes begin with: written as IN, because Django
# writes `is_open=True` as the bare column, which SQLite matches to no index.
OPEN_CASES = Q(is_open__in=[True])


class Case(models.Model):
    reference = models.CharField(max_length=20, unique=True, default=new_reference)
    demand = models.OneToOneField(Demand, on_delete=models.PROTECT, related_name="case")
    state = models.CharField(max_length=30, choices=State.choices, default=State.RECEIVED)
    outcome = models.CharField(max_length=30, choices=Outcome.choices, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_on = models.DateField(null=True, blank=True)
    # Not closed: kept by the database so that the queue's indexes can begin with it.
    is_open = models.GeneratedField(
        expression=~Q(state=State.CLOSED.value),
        output_field=models.BooleanField(),
        db_persist=True,
    )
    # An emergency is due in hours, not days: the moment it must be answered by.
    due_at = models.DateTimeField(null=True, blank=True)
    # An open case this demand seems to repeat (the same document, or the same requester and
    # reference), found on arrival; staff join it to that case or clear the flag.
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Denormalised from the request so the queue can filter and sort without reading JSON.
    instrument = models.CharField(max_length=40, db_index=True)
    agency = models.CharField(max_length=200, blank=True, db_index=True)
    engine_action = models.CharField(max_length=30, blank=True)
    # The request's secrecy: "" (none asked), "requested" (no court ordered it) or
    # "court_ordered", with the order's end where it has one.
    secrecy = models.CharField(max_length=20, blank=True)
    secrecy_ends_on = models.DateField(null=True, blank=True)
    # The day a court's order was made (the demand's date of issue, else its arrival): counsel's
    # yearly request to end an order with no end date counts from it.
    secrecy_since = models.DateField(null=True, blank=True, db_index=True)
    # The first day data left the provider on this case (it entered `producing`).
    disclosed_on = models.DateField(null=True, blank=True)
    # For the transparency report, kept up to date by the services so that it is one
    # GROUP BY over this table: when the demand came, from which country, how many distinct
    # accounts it names, the block findings that rejected it, and when the case closed.
    received_on = models.DateField(null=True, db_index=True)
    country = models.CharField(max_length=2, blank=True)
    accounts_named = models.PositiveIntegerField(default=0)
    blocking_codes = models.CharField(max_length=300, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    days_to_answer = models.PositiveIntegerField(null=True, blank=True)
    # For the report's breakdowns (custodes.cases.reported): an administrative subpoena's
    # statute as the rule pack cites it, whether content or real-time data is asked for, and
    # whether the engine escalated the demand for anonymous speech.
    statute = models.CharField(max_length=60, blank=True)
    asks_content = models.BooleanField(default=False)
    real_time = models.BooleanField(default=False)
    anonymous_speech = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        indexes = [
            models.Index(fields=["state", "due_on"]),
            models.Index(fields=["is_open", "due_on"], name="case_open_due"),
            # The open queue filtered by a kind of process, counted and listed by its day.
            models.Index(fields=["is_open", "instrument", "due_on"], name="case_open_kind_due"),
            # The queue's order (emergencies' hours first, then the soonest day, undated last),
            # as expressions both databases walk in an index, of the open cases or of all: no
            # sort of every case.
            models.Index(F("is_open"), *QUEUE_ORDER, name="case_queue_open"),
            models.Index(*QUEUE_ORDER, name="case_queue_order"),
            models.Index(fields=["instrument", "received_on"], name="case_instrument_received"),
            models.Index(fields=["instrument", "disclosed_on"], name="case_instrument_disclosed"),
            # Orders by their end, for the notices they release; only orders that end, so that
            # no query for the orders with no end reads it.
            models.Index(
                fields=["secrecy_ends_on"],
                condition=Q(secrecy_ends_on__isnull=False),
                name="case_order_ends",
            ),
            # The report's trend: requests per day, read in order from the index alone.
            models.Index(
                fields=["received_on", "instrument", "outcome"], name="case_history_cover"
            ),
            # Covers every column the transparency report reads, in the order it groups
            # them, so the report reads this index and never the wider table.
            models.Index(
                fields=[
                    "country",
                    "instrument",
                    "days_to_answer",
                    "blocking_codes",
                    "received_on",
                    "accounts_named",
                    "disclosed_on",
                    "secrecy",
                    "outcome",
                ],
                name="case_report_cover",
            ),
            # The same for the breakdowns' GROUP BY (by agency, statute, content, timing).
            models.Index(
                fields=[
                    "agency",
                    "instrument",
                    "statute",
                    "asks_content",
                    "real_time",
                    "anonymous_speech",
                    "received_on",
                    "accounts_named",
                    "disclosed_on",
                    "secrecy",
                    "outcome",
                ],
                name="case_report_detail",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def subject(self) -> str:
        return f"case:{self.reference}"

    @property
    def latest_review(self) -> EngineReview | None:
        """The engine's newest review (`EngineReview`), the one in force; None before any.
        From the case's reviews where a query prefetched them, else in one statement."""
        if "reviews" in getattr(self, "_prefetched_objects_cache", {}):
            return self.reviews.first()
        return sql.newest_review(self.pk)

    @property
    def decision_in_force(self) -> Decision | None:
        """The person's decision now in force: the newest no correction has voided; None
        before any. Read from the case's decisions, so that a prefetch of them serves it."""
        return next((d for d in self.decisions.all() if d.voided_at is None), None)


class Target(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="targets")
    kind = models.CharField(max_length=20)
    value = models.CharField(max_length=500)
    at = models.CharField(max_length=40, blank=True)
    port = models.PositiveIntegerField(null=True, blank=True)  # an IP address's source port

    def __str__(self) -> str:
        return f"{self.kind}: {self.value}"

    @property
    def label(self) -> str:
        """How a target is named in a package's list of what was left out, and in what
        holds it back."""
        return f"{self.kind} {self.value}"
