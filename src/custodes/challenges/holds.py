"""What challenges hold back, registered from ChallengesConfig.ready with the apps under this
one (which import nothing of it): the cases' gate (no production while a challenge is pending
and counsel has not said the rest may go ahead), the notices' gate (the objections that no
longer hold the case) and production (the accounts left out of a package, and why).

A challenge is per account. While one is pending, or an objection waits for its filing,
nothing of the case is produced until counsel records a go-ahead; after it, production leaves
out the challenged accounts while their challenge is pending, and for good those for which
the demand was quashed or withdrawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from custodes.cases.models import Case
from custodes.cases.workflow import State
from custodes.challenges.models import Challenge, FilingDecision, GoAhead
from custodes.law.refusal import Refused
from custodes.notices.models import Objection
from custodes.production.models import Match

# Rulings after which the challenge no longer holds its accounts back: production may follow.
RELEASING = (Challenge.Ruling.DENIED, Challenge.Ruling.NARROWED, Challenge.Ruling.DROPPED)
# Rulings that keep its accounts out of every package: the demand no longer reaches them.
ENDING = (Challenge.Ruling.QUASHED, Challenge.Ruling.WITHDRAWN)


def target_labels(case: Case) -> list[str]:
    return list(dict.fromkeys(t.label for t in case.targets.order_by("pk")))


@dataclass
class Standing:
    challenges: list[Challenge]
    holding: list[Objection]  # objections still holding the case: not ended, lapsed or ruled
    lapsed: list[Objection]
    released: list[Objection]  # every challenge they led to let production go ahead
    go_ahead: GoAhead | None  # counsel's, if it came after everything that holds the case

    @property
    def pending(self) -> list[Challenge]:
        return [c for c in self.challenges if c.pending]

    @property
    def waiting(self) -> bool:
        """Something holds the case: a pending challenge, or an objection."""
        return bool(self.pending or self.holding)


def standing(case: Case) -> Standing:
    challenges = list(case.challenges.prefetch_related("objections"))
    objections = Objection.objects.filter(notice__case=case, outcome="").select_related("notice")
    holding, lapsed, released = [], [], []
    for objection in objections.prefetch_related("challenges", "filing_decisions"):
        filed = list(objection.challenges.all())
        decisions = list(objection.filing_decisions.all())
        if filed and all(c.ruling in RELEASING for c in filed):
            released.append(objection)
        elif not filed and decisions and decisions[0].decision == FilingDecision.Decision.LAPSE:
            lapsed.append(objection)
        else:
            holding.append(objection)
    since = [c.created_at for c in challenges if c.pending] + [o.received_at for o in holding]
    go_ahead = case.go_aheads.first()
    if go_ahead is not None and since and go_ahead.created_at < max(since):
        go_ahead = None  # something was filed or objected to after it: counsel decides again
    return Standing(challenges, holding, lapsed, released, go_ahead if since else None)


def objection_accounts(objection: Objection) -> set[str]:
    """The accounts an objection is for: those of the challenges it led to, or else those
    whose holder the provider's records give the notice's address for."""
    filed = objection.challenges.all()
    if filed:
        return {account for c in filed for account in c.accounts}
    matches = Match.objects.filter(
        target__case_id=objection.notice.case_id,
        status=Match.Status.MATCHED,
        contact__iexact=objection.notice.address,
    ).select_related("target")
    return {m.target.label for m in matches}


def held_back(case: Case) -> dict[str, str]:
    """The case's targets that production leaves out, each with why."""
    found = standing(case)
    held: dict[str, str] = {}
    for challenge in found.challenges:
        if challenge.pending:
            why = f"challenged ({challenge}): held back while the challenge is pending"
        elif challenge.ruling in ENDING:
            why = f"{challenge.get_ruling_display()} ({challenge}): the demand no longer reaches it"
        elif challenge.ruling == Challenge.Ruling.NARROWED and not _decided_since(case, challenge):
            why = (
                f"narrowed by the court ({challenge}): held back until counsel records the "
                "decision the narrowed demand allows"
            )
        else:
            continue
        for account in challenge.accounts:
            held.setdefault(account, why)
    for objection in found.holding:
        if objection.challenges.exists():
            continue
        received = objection.received_at.date().isoformat()
        why = f"its holder objected on {received}: held back until a filing or counsel's decision"
        for account in objection_accounts(objection):
            held.setdefault(account, why)
    if found.waiting and found.go_ahead is None:
        why = (
            "a challenge is pending on this demand: nothing is produced until counsel says that "
            "production for the accounts nobody challenged may go ahead"
        )
        for account in target_labels(case):
            held.setdefault(account, why)
    return held


def _decided_since(case: Case, challenge: Challenge) -> bool:
    """A decision in force recorded after the ruling: what the narrowed demand allows."""
    decided = case.decision_in_force
    return bool(decided and challenge.ruled_at and decided.created_at > challenge.ruled_at)


def excused_objections(case: Case) -> set[int]:
    """The objections that no longer hold the case back (the notices' gate asks): lapsed by
    counsel's decision, let go by every challenge they led to, or, after counsel's go-ahead,
    held back account by account in production instead."""
    found = standing(case)
    excused = {o.pk for o in found.lapsed + found.released}
    if found.go_ahead is not None:
        excused |= {o.pk for o in found.holding}
    return excused


def check_move(case: Case, target: str, today: date) -> None:
    if target != State.PRODUCING:
        return
    found = standing(case)
    if found.pending and found.go_ahead is None:
        names = "; ".join(str(c) for c in found.pending)
        raise Refused(
            f"A challenge is pending ({names}): production waits for its ruling, or for "
            "counsel's go-ahead for the accounts nobody challenged."
        )


def after_move(case: Case, today: date) -> None:
    return None
