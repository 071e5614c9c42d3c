"""Every date someone must act by, derived from the cases by query (never stored as a state),
and the reminders sent before each."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Subquery
from django.utils import timezone

from custodes.cases.models import Case, Preservation
from custodes.cases.models.case import OPEN_CASES
from custodes.cases.people import staff_addresses
from custodes.cases.workflow import State
from custodes.hooks import Hooks
from custodes.law.notice import yearly_review_due, yearly_review_due_by
from custodes.notices import letters, review
from custodes.notices.models import Notice
from custodes.notices.plan import may_be_due_by, schedule_for, ways_due_by
from custodes.outbox.delivery import queue_mail
from custodes.outbox.models import Mail


@dataclass(frozen=True)
class Deadline:
    case: Case
    kind: str
    due_on: date
    what: str
    counsel: bool = False  # counsel's to act on, not the assignee's

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.case.pk}:{self.due_on.isoformat()}"


# Deadlines the apps built on notices add (challenges: an objection with no filing, a
# hearing), registered from their AppConfig.ready: each gives (today, until) its deadlines.
Source = Callable[[date, date | None], Iterable[Deadline]]
_sources: Hooks[Source] = Hooks()
register_source = _sources.register


def open_deadlines(today: date, until: date | None = None, limit: int | None = None):
    """Deadlines not yet met, soonest first; `until` bounds their day, `limit` their number
    of each kind."""
    found = [
        *_return_dates(until, limit),
        *_objection_windows(until, limit),
        *_preservations(until, limit),
        *_delayed_notices(today, until, limit),
        *_court_reviews(until, limit),
        *_judicial_reviews(until, limit),
        *_notices_in_doubt(until, limit),
        *(deadline for source in _sources for deadline in source(today, until)),
    ]
    return sorted(found, key=lambda d: (d.due_on, d.case.reference))


def overdue(today: date, limit: int = 50) -> list[Deadline]:
    return open_deadlines(today, until=today - timedelta(days=1), limit=limit)[:limit]


def _bounded(queryset, field: str, until: date | None, limit: int | None):
    if until:
        queryset = queryset.filter(**{f"{field}__lte": until})
    queryset = queryset.order_by(field)
    return queryset[:limit] if limit else queryset


def _return_dates(until, limit):
    cases = Case.objects.filter(OPEN_CASES, due_on__isnull=False)
    for case in _bounded(cases, "due_on", until, limit):
        yield Deadline(case, "return_date", case.due_on, "The requester's return date")


def _objection_windows(until, limit):
    notices = Notice.objects.filter(offers_objection=True, mail__isnull=False)
    in_period = Case.objects.filter(state=State.NOTICE_PERIOD).values("pk")
    if limit:
        # The cases whose first notice was written soonest, each read with its own notices:
        # from the notices to their cases, PostgreSQL walks every mailed notice in the order
        # written to find the few cases still in their notice period.
        first = notices.filter(case=OuterRef("pk")).order_by("queued_on").values("queued_on")
        in_period = in_period.alias(first=Subquery(first[:1]))
        in_period = in_period.order_by(F("first").asc(nulls_last=True))[:limit]
    notices = notices.filter(case__in=in_period).select_related("case", "mail")
    # The window ends no sooner than the day the notice was written: the earliest written
    # first (a shorter window written later may come after the list's end).
    for notice in _bounded(notices, "queued_on", until, limit):
        deadline = notice.objection_deadline
        if deadline and (until is None or deadline <= until):
            yield Deadline(
                notice.case,
                "objection_window",
                deadline,
                "The user's window to object ends (production may start the day after)",
            )


def _preservations(until, limit):
    kept = Preservation.objects.filter(released_on__isnull=True).select_related("case")
    for preservation in _bounded(kept, "ends_on", until, limit):
        what = "The preservation period ends: " + (
            "release the records" if preservation.extended_on else "extend it once, or release"
        )
        yield Deadline(preservation.case, "preservation", preservation.ends_on, what)


def _delayed_notices(today, until, limit):
    waiting = Notice.objects.filter(case=OuterRef("pk"), mail__isnull=True)
    cases = Case.objects.filter(Exists(waiting))
    if until is not None and limit:
        # The soonest of each way a notice falls due, never every case that waits.
        soonest = set()
        for way, field in ways_due_by(until, today):
            found = cases.filter(way)
            if _repeats_cases(field):
                found = found.distinct()
            soonest.update(_bounded(found, field, None, limit).values_list("pk", flat=True))
        cases = Case.objects.filter(pk__in=soonest)
    elif until is not None:
        cases = cases.filter(may_be_due_by(until, today)).distinct()
    # What each case's schedule reads, in four queries rather than four a case.
    cases = cases.select_related("nondisclosure").prefetch_related(
        "reviews", "decisions", "notice_rulings"
    )
    for case in cases:
        send_on = schedule_for(case, today).send_on
        if send_on and (until is None or send_on <= until):
            yield Deadline(case, "notice", send_on, "The delayed notice to the user goes out")


def _repeats_cases(field: str) -> bool:
    """Whether a day read through `field` can repeat a case (a case's several rulings): only
    then is DISTINCT asked for, which sorts every candidate where an index would be walked
    in order until the first few that wait."""
    return Case._meta.get_field(field.split("__")[0]).one_to_many


def _court_reviews(until, limit):
    unbounded = Case.objects.filter(
        secrecy="court_ordered",
        secrecy_ends_on__isnull=True,
        nondisclosure__lifted_on__isnull=True,
    ).select_related("nondisclosure")
    bound = until and yearly_review_due_by(until)
    # Counted from the order where counsel never asked the court, else from the last asking:
    # each half read in the order of its own indexed date.
    never_asked = unbounded.filter(nondisclosure__last_asked_on__isnull=True)
    asked = unbounded.filter(nondisclosure__last_asked_on__isnull=False)
    for field, cases in (("secrecy_since", never_asked), ("nondisclosure__last_asked_on", asked)):
        for case in _bounded(cases, field, bound, limit):
            order = getattr(case, "nondisclosure", None)
            due_on = yearly_review_due((order and order.last_asked_on) or case.secrecy_since)
            yield Deadline(
                case,
                "court_review",
                due_on,
                "Ask the court to end its non-disclosure order, which has no end date",
                counsel=True,
            )


def _judicial_reviews(until, limit):
    for case in _bounded(review.not_yet_asked(until), "received_on", None, limit):
        yield Deadline(case, "judicial_review", review.due_on(case), review.WHAT, counsel=True)


def _notices_in_doubt(until, limit):
    # From the (few) e-mails in doubt to their notices, not from every notice.
    in_doubt = Mail.objects.filter(status__in=(Mail.Status.UNCERTAIN, Mail.Status.FAILED))
    doubtful = Notice.objects.filter(mail__in=in_doubt.values("pk")).select_related("case", "mail")
    for notice in _bounded(doubtful, "mail__created_at", None, limit):
        since = timezone.localdate(notice.mail.claimed_at or notice.mail.created_at)
        if until is None or since <= until:
            what = f"The notice to {notice.address} is {notice.mail.status}: settle it"
            yield Deadline(notice.case, "notice_delivery", since, what)


def send_reminders(today: date) -> int:
    """One reminder for each deadline, at the nearest of the reminder days before it; asked
    again the same day (or by another worker), the outbox's key keeps it to one."""
    days_before = settings.CUSTODES_REMINDER_DAYS
    if not days_before:
        return 0
    written = 0
    for deadline in open_deadlines(today, until=today + timedelta(days=days_before[0])):
        days = (deadline.due_on - today).days
        if days < 0:
            continue
        nearest = min(d for d in days_before if days <= d)
        to = staff_addresses(deadline.case, counsel=deadline.counsel)
        if not to:
            continue
        subject, body = letters.reminder_mail(deadline.case, deadline.what, deadline.due_on, days)
        with transaction.atomic():
            queue_mail(
                f"reminder:{deadline.key}:{nearest}",
                to,
                subject,
                body,
                "reminder",
                deadline.case.subject,
            )
        written += 1
    return written
