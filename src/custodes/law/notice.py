"""When the user is told: the day a notice may go out, or why it waits, with the rule behind it.

Pure dates and facts in, a `Schedule` out; the notices app supplies the facts (the review's
notice action, the court's order, when data left, what staff ruled) and acts on the answer.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from custodes.law.vocab import Action, NoticeAction

SCA_GAG = "18 U.S.C. § 2705(b)"
DOJ_GAG_POLICY = (
    "DOJ, Policy Regarding Applications for Protective Orders Pursuant to 18 U.S.C. § 2705(b) "
    "(Oct. 19, 2017; Justice Manual 9-13.700): one year or less"
)
NSL_SECRECY = "18 U.S.C. § 2709(c)"
EMERGENCY_PRACTICE = (
    "18 U.S.C. § 2702(b)(8); providers' practice: notice once the emergency has passed "
    "(Google, Meta, Reddit)"
)
CHILD_PRACTICE = "providers' practice: notice waits in child-exploitation cases (Meta, X, Reddit)"
NOTICE_PRACTICE = (
    "providers' practice: notice before disclosure with time to object (Google, Meta, X, Reddit)"
)


@dataclass(frozen=True)
class CourtOrder:
    """A non-disclosure order as far as notice cares: its end and, if earlier, its lifting."""

    expires_on: date | None
    lifted_on: date | None = None

    @property
    def ends_on(self) -> date | None:
        return self.lifted_on or self.expires_on


@dataclass(frozen=True)
class Facts:
    action: NoticeAction  # the notice the review decided
    order: CourtOrder | None = None  # a court's non-disclosure order, if one binds the provider
    child_safety: bool = False
    notice_period_from: date | None = None  # the day the case entered its notice period
    disclosed_on: date | None = None  # the day data left the provider
    ruled_on: date | None = None  # the day staff set, with a reason, for a held notice
    emergency_days: int = 90


@dataclass(frozen=True)
class Schedule:
    send_on: date | None  # None: the notice waits with no date yet
    reason: str
    citation: str
    offers_objection: bool = False  # sent before production, with a window to object


def effective_action(review_action: str, decided_action: str | None) -> NoticeAction:
    """The review's notice, unless a person decided that nothing is disclosed."""
    if decided_action in (Action.REJECT, Action.PRESERVE):
        return NoticeAction.NONE
    return NoticeAction(review_action)


def schedule(facts: Facts) -> Schedule:
    match facts.action:
        case NoticeAction.NONE:
            return Schedule(
                None, "Nothing is disclosed on this demand, so there is nothing to tell.", ""
            )
        case NoticeAction.PROHIBITED:
            return Schedule(
                None,
                "The law forbids telling anyone of a national security letter; the user is "
                "never told unless the FBI lifts the secrecy.",
                NSL_SECRECY,
            )
        case NoticeAction.AFTER_EMERGENCY:
            return _after_emergency(facts)
        case NoticeAction.DELAY:
            return _delayed(facts)
    return _before_production(facts)


def _before_production(facts: Facts) -> Schedule:
    if facts.notice_period_from is None:
        return Schedule(
            None,
            "The user is told, with time to object, when the case enters its notice period; "
            "nothing is produced before that time has passed.",
            NOTICE_PRACTICE,
            offers_objection=True,
        )
    return Schedule(
        facts.notice_period_from,
        "The user is told before anything is produced and has time to object.",
        NOTICE_PRACTICE,
        offers_objection=True,
    )


def _delayed(facts: Facts) -> Schedule:
    if facts.order is not None:
        ends = facts.order.ends_on
        if ends is None:
            return Schedule(
                None,
                "A court's non-disclosure order with no end date forbids notice; counsel is "
                "reminded each year to ask the court to end it.",
                f"{SCA_GAG}; {DOJ_GAG_POLICY}",
            )
        if not facts.child_safety or facts.ruled_on:
            how = "was lifted" if facts.order.lifted_on else "ends"
            return Schedule(
                max(ends, facts.ruled_on or ends),
                f"A court's non-disclosure order forbids notice; it {how} on {ends.isoformat()}, "
                "and the delayed notice goes out that day.",
                SCA_GAG,
            )
    if facts.ruled_on:
        return Schedule(
            facts.ruled_on,
            "Counsel confirmed that telling the user no longer endangers a child.",
            CHILD_PRACTICE,
        )
    return Schedule(
        None,
        "The demand concerns the sexual exploitation of a child: notice waits until counsel "
        "confirms that telling the user would no longer endanger the child.",
        CHILD_PRACTICE,
    )


def _after_emergency(facts: Facts) -> Schedule:
    if facts.ruled_on:
        return Schedule(
            facts.ruled_on,
            f"Staff set the notice for {facts.ruled_on.isoformat()}, after the emergency.",
            EMERGENCY_PRACTICE,
        )
    if facts.disclosed_on is None:
        return Schedule(
            None,
            "The user is told after the emergency; the day is set when data is disclosed.",
            EMERGENCY_PRACTICE,
        )
    send_on = facts.disclosed_on + timedelta(days=facts.emergency_days)
    return Schedule(
        send_on,
        f"The user is told {facts.emergency_days} days after the emergency disclosure of "
        f"{facts.disclosed_on.isoformat()}, unless staff set another day with a reason.",
        EMERGENCY_PRACTICE,
    )


def objection_deadline(sent_on: date, window_days: int) -> date:
    """The last day the user may object; production may start the day after."""
    return sent_on + timedelta(days=window_days)


def yearly_review_due(since: date) -> date:
    """A year after the order was made, or after counsel last asked the court to end it:
    when counsel is reminded to ask (again) for an order that has no end date."""
    try:
        return since.replace(year=since.year + 1)
    except ValueError:  # 29 February
        return since.replace(year=since.year + 1, day=28)


def yearly_review_due_by(day: date) -> date:
    """The latest day an order (or counsel's last request to end it) can date from for its
    yearly review to be due by `day`: `yearly_review_due(since) <= day` exactly when
    `since <= yearly_review_due_by(day)`."""
    try:
        since = day.replace(year=day.year - 1)
    except ValueError:  # 29 February: a year before, the 28th
        return day.replace(year=day.year - 1, day=28)
    if (since.month, since.day) == (2, 28) and calendar.isleap(since.year):
        return since + timedelta(days=1)  # an order of 29 February is reviewed on the 28th
    return since
