"""Whether a closed case's demand may be published: only when nothing forbids telling of it.
A national security letter never (18 U.S.C. § 2709(c)); a court's non-disclosure order not
while it is in force (18 U.S.C. § 2705(b)); a demand about the sexual exploitation of a child
not until counsel has confirmed that telling no longer endangers the child. Pure facts in,
the reason it may not (or None) out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from custodes.law.notice import CHILD_PRACTICE, NSL_SECRECY, SCA_GAG, CourtOrder


@dataclass(frozen=True)
class Standing:
    closed: bool
    national_security: bool
    order: CourtOrder | None  # a court's non-disclosure order on the demand, if any
    child_safety: bool
    child_cleared_on: date | None  # the day counsel said telling no longer endangers a child


def why_not(standing: Standing, today: date) -> str | None:
    """The reason the demand may not be published today, with its rule; None if it may."""
    if standing.national_security:
        return (
            "A national security letter is never published: the law forbids telling anyone "
            f"of it unless the FBI lifts its secrecy ({NSL_SECRECY})."
        )
    if not standing.closed:
        return "Only a closed case's demand may be published."
    if standing.order is not None:
        ends = standing.order.ends_on
        if ends is None:
            return (
                "A court's non-disclosure order with no end date is in force: nothing is "
                f"published while it binds ({SCA_GAG})."
            )
        if ends >= today:
            after = (ends + timedelta(days=1)).isoformat()
            return (
                f"A court's non-disclosure order is in force until {ends.isoformat()}: the "
                f"demand may be published from {after} ({SCA_GAG})."
            )
    if standing.child_safety and (
        standing.child_cleared_on is None or standing.child_cleared_on > today
    ):
        return (
            "The demand concerns the sexual exploitation of a child: it is not published until "
            f"counsel confirms that telling would no longer endanger the child ({CHILD_PRACTICE})."
        )
    return None
