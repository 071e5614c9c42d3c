"""The report's figures, counted from the cases the way the large providers count them:
requests; accounts specified (for each request the distinct accounts it names, summed); the
share of requests where some data was produced; the share with a court's non-disclosure
order; emergency and preservation requests; and what they lack: notices sent and delayed,
objections, demands withdrawn, quashed or rejected (and the findings that rejected them),
and the median days to answer. National security letters appear only as bands. A second
GROUP BY, over what the breakdowns read, gives them by agency, statute, content and timing
(`breakdown`); the challenges table gives the demands the provider and users challenged
and how the challenges ended.

Each figure comes from one GROUP BY over the cases in the period (a second, over days to
answer, gives the medians), so the report costs about what a hand-written query does.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Count, Q, Sum
from django.utils import timezone

from custodes.audit import checkpoints
from custodes.audit.models import Event
from custodes.cases.models import Case
from custodes.cases.workflow import NOT_COUNTED, Outcome
from custodes.challenges.models import Challenge
from custodes.notices.models import Notice, Objection
from custodes.outbox.models import Mail
from custodes.transparency import agencies, breakdown, schema
from custodes.transparency.breakdown import Breakdowns, Detail
from custodes.transparency.figures import COUNTS, Figures
from custodes.transparency.periods import Period

__all__ = ["COUNTS", "Figures", "Report", "compute", "counted_cases"]


@dataclass
class Report:
    period: Period
    generated_at: datetime
    ledger: dict  # the audit chain's head when the report was computed
    groups: dict[tuple[str, str], Figures]  # (country, legal process) → figures
    rejected_by: dict[str, int]  # finding code → rejected requests
    national_security: dict[str, str]  # bands only
    band_size: int
    breakdowns: Breakdowns

    def total(self, country: str | None = None, process: str | None = None) -> Figures:
        """The figures of a country, a process, or all; preservation requests count only
        under their own process, as the large providers count them."""
        total = Figures()
        for (c, p), figures in self.groups.items():
            if country is not None and c != country:
                continue
            if (process is None and p != schema.PRESERVATION) or p == process:
                total.add(figures)
        return total

    @property
    def countries(self) -> list[str]:
        return sorted({c for c, _ in self.groups})

    @property
    def processes(self) -> list[str]:
        return sorted({p for _, p in self.groups})


def counted_cases():
    """Every case the report counts: not one closed as a duplicate or entered in error."""
    return Case.objects.exclude(outcome__in=NOT_COUNTED)


def compute(period: Period) -> Report:
    cases = counted_cases().filter(received_on__gte=period.start, received_on__lte=period.end)
    groups, rejected_by, letters = _scan(cases)
    details = _details(cases)
    _add_notices(groups, details, period)
    _add_challenges(groups, period)
    size = settings.CUSTODES_NSL_BAND
    return Report(
        period=period,
        generated_at=timezone.now(),
        ledger=_ledger_head(),
        groups=groups,
        rejected_by=dict(sorted(rejected_by.items())),
        # Bands only (50 U.S.C. § 1874): the exact numbers go no further than this.
        national_security={
            "requests": schema.band(letters.requests, size),
            "accounts": schema.band(letters.accounts, size),
            "review_asked": schema.band(_review_asked(cases), size),
        },
        band_size=size,
        breakdowns=breakdown.build(details, agencies.load(settings.CUSTODES_AGENCY_TABLES)),
    )


FIGURES = {
    "requests": Count("id"),
    "accounts": Sum("accounts_named"),
    "produced": Count("id", filter=Q(disclosed_on__isnull=False)),
    "nondisclosure": Count("id", filter=Q(secrecy="court_ordered")),
    "withdrawn": Count("id", filter=Q(outcome=Outcome.WITHDRAWN)),
    "quashed": Count("id", filter=Q(outcome=Outcome.QUASHED)),
    "rejected": Count("id", filter=Q(outcome=Outcome.REJECTED)),
    "preserved_accounts": Sum("accounts_named", filter=Q(outcome=Outcome.PRESERVED)),
}
SCANNED = tuple(FIGURES)


def _scan(cases) -> tuple[dict, Counter, Figures]:
    """Every figure but the notices in one pass over the period's cases: grouped by days to
    answer (for the medians) and by the findings that blocked them (for the rejections) as
    well as by country and process. National security letters are set apart."""
    keys = ("country", "instrument", "days_to_answer", "blocking_codes")
    rows = cases.values(*keys).annotate(**FIGURES).values_list(*keys, *SCANNED)
    sums: dict[tuple[str, str], list[int]] = {}
    days: dict[tuple[str, str], Counter] = defaultdict(Counter)
    rejected_by: Counter = Counter()
    rejected = SCANNED.index("rejected")
    for country, instrument, answered_in, codes, *counts in rows:
        key = (country or "", instrument)
        total = sums.setdefault(key, [0] * len(SCANNED))
        for i, count in enumerate(counts):
            total[i] += count or 0
        if answered_in is not None:
            days[key][answered_in] += counts[0]
        for code in filter(None, codes.split(",")):
            rejected_by[code] += counts[rejected]
    groups: dict[tuple[str, str], Figures] = defaultdict(Figures)
    letters = Figures()
    for (country, instrument), total in sums.items():
        figures = Figures(
            **dict(zip(SCANNED, total, strict=True)), days=days[(country, instrument)]
        )
        if instrument in schema.NATIONAL_SECURITY:
            letters.add(figures)
        else:
            groups[(country, schema.legal_process(instrument))].add(figures)
    return dict(groups), +rejected_by, letters


# What became of each case, for the breakdowns: counted beside the figures above.
OUTCOME_COUNTS = {
    "produced": Q(outcome=Outcome.PRODUCED),
    "partially_produced": Q(outcome=Outcome.PARTIALLY_PRODUCED),
    "no_records": Q(outcome=Outcome.NO_RECORDS),
    "open": Q(outcome=""),
}
DETAIL_KEYS = ("agency", "instrument", "statute", "asks_content", "real_time", "anonymous_speech")


def _details(cases) -> dict[Detail, Figures]:
    """The breakdowns' figures in a second GROUP BY, over what they read (the agency as read,
    the process, the statute, content, real time, anonymous speech): its groups are few, as
    the agencies are, where grouping them with the days to answer would make them many."""
    outcomes = {f"outcome_{k}": Count("id", filter=q) for k, q in OUTCOME_COUNTS.items()}
    rows = (
        cases.exclude(instrument__in=schema.NATIONAL_SECURITY)
        .values(*DETAIL_KEYS)
        .annotate(**FIGURES, **outcomes)
        .values_list(*DETAIL_KEYS, *SCANNED, *outcomes)
    )
    details: dict[Detail, Figures] = defaultdict(Figures)
    width = len(DETAIL_KEYS)
    for row in rows:
        counts = [c or 0 for c in row[width : width + len(SCANNED)]]
        figures = Figures(**dict(zip(SCANNED, counts, strict=True)))
        figures.outcomes.update(dict(zip(OUTCOME_COUNTS, row[width + len(SCANNED) :], strict=True)))
        for outcome in ("withdrawn", "quashed", "rejected"):
            figures.outcomes[outcome] = getattr(figures, outcome)
        details[Detail(*row[:width])] = figures
    return details


def _review_asked(cases) -> int:
    """National security letters on which the provider asked the FBI to seek judicial review
    of their secrecy (18 U.S.C. § 3511(b)), as its policy promises on every one."""
    letters = cases.filter(instrument__in=schema.NATIONAL_SECURITY)
    return letters.filter(review_asked__isnull=False).count()


def _add_notices(groups, details, period: Period) -> None:
    """Notices and objections counted in SQL by what places them (their case's country and
    the breakdowns' fields). Notices are read for the cases of the period; objections, which
    are few, by their case's day, the period's days kept here: filtering on the cases' date
    in SQL would make the database walk every case of the period to find a few."""
    case_keys = [f"case__{k}" for k in DETAIL_KEYS]
    notice_keys = ["case__country", "offers_objection", "mail__status"]
    notices = (
        Notice.objects.filter(case__received_on__range=(period.start, period.end))
        .values(*notice_keys, *case_keys)
        .annotate(n=Count("id"))
        .values_list(*notice_keys, *case_keys, "n")
    )
    for country, before_production, status, *detail, n in notices:
        process = schema.legal_process(detail[1])
        for figures in (
            groups.setdefault((country or "", process), Figures()),
            details[Detail(*detail)],
        ):
            if status is None:
                figures.notices_waiting += n
            elif status == Mail.Status.SENT and before_production:
                figures.notices_sent += n
            elif status == Mail.Status.SENT:
                figures.notices_delayed += n
    objection_keys = [f"notice__{k}" for k in ("case__received_on", "case__country", *case_keys)]
    objections = (
        Objection.objects.values(*objection_keys)
        .annotate(n=Count("id"))
        .values_list(*objection_keys, "n")
    )
    for received_on, country, *detail, n in objections:
        if period.start <= received_on <= period.end:
            key = (country or "", schema.legal_process(detail[1]))
            groups.setdefault(key, Figures()).objections += n
            details[Detail(*detail)].objections += n


PROVIDER, USERS = "provider", "users"


def _sides(filed_by: str) -> tuple[str, ...]:
    return {
        Challenge.FiledBy.PROVIDER: (PROVIDER,),
        Challenge.FiledBy.HOLDER: (USERS,),
        Challenge.FiledBy.BOTH: (PROVIDER, USERS),
    }[filed_by]


def _add_challenges(groups, period: Period) -> None:
    """Challenges, from their own (small) table, placed by their case's date as notices are:
    the demands each side challenged, and how the challenges ended."""
    rows = Challenge.objects.exclude(case__outcome__in=NOT_COUNTED).values_list(
        "case_id", "case__received_on", "case__country", "case__instrument", "filed_by", "ruling"
    )
    seen: set[tuple[int, str]] = set()
    for case_id, received_on, country, instrument, filed_by, ruling in rows:
        if not period.start <= received_on <= period.end:
            continue
        if instrument in schema.NATIONAL_SECURITY:
            continue  # bands only, and no figure of them anywhere else
        figures = groups.setdefault((country or "", schema.legal_process(instrument)), Figures())
        figures.rulings[ruling] += 1
        for side in _sides(filed_by):
            figures.rulings_by_side[(side, ruling)] += 1
            if (case_id, side) not in seen:
                seen.add((case_id, side))
                figures.challenged[side] += 1


def _ledger_head() -> dict:
    checkpoints.make(checkpoints.REPORT)
    head = Event.objects.order_by("-sequence").only("sequence", "hash").first()
    return {"audit_event": head.sequence if head else 0, "sha256": head.hash if head else ""}
