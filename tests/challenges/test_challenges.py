"""Challenges tracked to their end: filed, updated and ruled on by counsel, one account at a
time; production for the accounts nobody challenged only on counsel's go-ahead; an objection
no filing followed back before counsel, never lapsing by itself."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest

from custodes.audit.models import Event
from custodes.cases import services
from custodes.cases.workflow import State
from custodes.challenges import services as challenges
from custodes.challenges.models import Challenge
from custodes.law.refusal import Refused
from custodes.notices import deadlines
from custodes.outbox.models import Mail
from custodes.production import services as production
from custodes.production.models import Match
from tests.challenges.conftest import (
    BORDER,
    BORDER_HOLDER,
    FILING,
    MOTION,
    NORTH,
    NORTH_HOLDER,
    ORDER,
    object_for,
)
from tests.notices.conftest import on

pytestmark = pytest.mark.django_db


def _motion(case, counsel, objection=None, **overrides):
    values = {
        **MOTION,
        "accounts": [NORTH],
        "filed_on": date(2026, 11, 27),
        "objections": [objection.pk] if objection else [],
        "documents": [FILING],
        **overrides,
    }
    with on("2026-11-27"):
        return challenges.file(case, counsel, **values)


def test_counsel_records_the_holders_motion_to_quash_with_its_docket_and_filing(objected, counsel):
    case, objection = objected
    challenge = _motion(case, counsel, objection, hearing_on=date(2026, 12, 15))
    assert (challenge.docket, challenge.accounts, challenge.pending) == (
        "2:26-mc-00412",
        [NORTH],
        True,
    )
    assert list(challenge.objections.all()) == [objection]
    [document] = challenge.documents.all()
    assert document.original_name == "motion.txt" and document.demand == case.demand
    event = Event.objects.get(action="custodes.challenge.filed")
    assert event.data["docket"] == "2:26-mc-00412" and event.data["filed_by"] == "holder"
    assert event.data["accounts"] == [NORTH] and event.data["documents"] == [document.sha256]
    assert str(challenge) == (
        "motion to quash by the account holder in U.S. District Court for the Eastern District "
        "of Pennsylvania, No. 2:26-mc-00412"
    )


@pytest.mark.parametrize(
    ("overrides", "refusal"),
    [
        ({"accounts": ["username stranger"]}, "is not among the accounts this demand names"),
        ({"accounts": []}, "Choose the accounts"),
        ({"court": ""}, "name the court"),
        ({"filed_on": date(2026, 12, 30)}, "the day is in the future"),
        ({"hearing_on": date(2026, 11, 1)}, "cannot come before the filing"),
        ({"filed_by": "requester"}, "Say who filed it"),
        ({"documents": [(b"", "empty.pdf")]}, "empty.pdf is empty"),
    ],
)
def test_a_filing_that_makes_no_sense_is_refused_and_nothing_is_kept(
    notified, counsel, overrides, refusal
):
    events = Event.objects.count()
    with pytest.raises(Refused, match=refusal):
        _motion(notified, counsel, **overrides)
    assert not Challenge.objects.exists() and Event.objects.count() == events


def test_only_counsel_records_rules_or_lets_production_go_ahead(objected, counsel, reviewer):
    case, objection = objected
    with pytest.raises(Refused, match="Only counsel records a challenge"):
        _motion(case, reviewer, objection)
    challenge = _motion(case, counsel, objection)
    with pytest.raises(Refused, match="Only counsel"):
        challenges.update(challenge, reviewer, {"docket": "x"})
    with pytest.raises(Refused, match="Only counsel"):
        challenges.rule(challenge, reviewer, "dropped", date(2026, 11, 28), "x")
    with pytest.raises(Refused, match="Only counsel"):
        challenges.go_ahead(case, reviewer, "x")
    assert Event.objects.filter(action__startswith="custodes.challenge.").count() == 1


def test_the_docket_and_hearing_are_updated_and_a_ruled_challenge_is_kept_as_it_ended(
    notified, counsel
):
    challenge = _motion(notified, counsel, docket="")
    with on("2026-11-30"):
        challenges.update(
            challenge, counsel, {"docket": "2:26-mc-00412", "hearing_on": date(2026, 12, 15)}
        )
    event = Event.objects.get(action="custodes.challenge.updated")
    assert event.data["fields"]["docket"] == {"from": "", "to": "2:26-mc-00412"}
    assert event.data["fields"]["hearing_on"]["to"] == "2026-12-15"
    assert event.data["changed"] == "docket, hearing_on"
    with on("2026-12-02"):
        challenges.rule(challenge, counsel, "dropped", date(2026, 12, 2), "the holder dropped it")
        with pytest.raises(Refused, match="kept as it ended"):
            challenges.update(challenge, counsel, {"notes": "late"})
        with pytest.raises(Refused, match="ruled on already"):
            challenges.rule(challenge, counsel, "quashed", date(2026, 12, 2), "again")


def test_the_hearing_joins_counsels_deadlines(notified, counsel):
    _motion(notified, counsel, hearing_on=date(2026, 12, 15))
    found = [
        d for d in deadlines.open_deadlines(date(2026, 12, 1)) if d.kind == "challenge_hearing"
    ]
    assert [(d.due_on, d.counsel) for d in found] == [(date(2026, 12, 15), True)]


def test_a_denial_in_court_needs_the_courts_order(notified, counsel):
    challenge = _motion(notified, counsel)
    with on("2026-12-10"), pytest.raises(Refused, match="Attach the court's order"):
        challenges.rule(challenge, counsel, "denied", date(2026, 12, 10), "denied")
    with on("2026-12-10"):
        ruled = challenges.rule(challenge, counsel, "denied", date(2026, 12, 10), "denied", [ORDER])
    assert ruled.challenge.documents.count() == 2
    assert Event.objects.get(action="custodes.challenge.ruled").data["ruling"] == "denied"


def test_while_a_challenge_is_pending_nothing_is_produced_without_counsels_go_ahead(
    objected, counsel
):
    case, objection = objected
    _motion(case, counsel, objection)
    with on("2026-12-08"), pytest.raises(Refused, match="is pending"):
        services.move(case, counsel, State.PRODUCING)
    assert set(production.held(case)) == {NORTH, BORDER}
    with on("2026-12-08"):
        made = challenges.go_ahead(case, counsel, "the other account's holder did not object")
        case = services.move(case, counsel, State.PRODUCING, reason="go-ahead")
    assert made.held_back == [NORTH]
    chosen = production.plan(case)
    assert chosen.accounts == ["48800000001"]  # borderlight_alerts only
    [held] = [item for item in chosen.left_out if item["what"] == NORTH]
    assert "held back while the challenge is pending" in held["reason"]
    event = Event.objects.get(action="custodes.challenge.go_ahead")
    assert event.data["accounts"] == [NORTH] and event.data["reason"]


def test_a_go_ahead_is_refused_while_an_objection_is_tied_to_no_account(objected, counsel):
    case, _ = objected
    Match.objects.filter(contact=NORTH_HOLDER).update(contact="")
    with on("2026-11-26"), pytest.raises(Refused, match="is tied to no account in our records"):
        challenges.go_ahead(case, counsel, "x")


def test_a_go_ahead_is_refused_when_every_account_is_challenged(objected, counsel):
    case, objection = objected
    _motion(case, counsel, objection, accounts=[NORTH, BORDER])
    with on("2026-11-28"), pytest.raises(Refused, match="Every account this demand names"):
        challenges.go_ahead(case, counsel, "x")


def test_a_go_ahead_on_an_unchallenged_case_is_refused(notified, counsel):
    with on("2026-11-26"), pytest.raises(Refused, match="production needs no go-ahead"):
        challenges.go_ahead(notified, counsel, "x")


def test_a_filing_after_the_go_ahead_needs_counsel_to_decide_again(objected, counsel):
    case, objection = objected
    _motion(case, counsel, objection)
    with on("2026-11-28"):
        challenges.go_ahead(case, counsel, "produce the other account")
    assert set(production.held(case)) == {NORTH}
    object_for(case, BORDER_HOLDER, day="2026-11-29")
    assert set(production.held(case)) == {NORTH, BORDER}


def test_the_agency_withdrawing_closes_the_case_and_tells_both_holders(objected, counsel):
    case, objection = objected
    challenge = _motion(case, counsel, objection)
    with on("2026-12-04"):
        ruled = challenges.rule(
            challenge, counsel, "withdrawn", date(2026, 12, 4), "ICE withdrew the summons"
        )
    assert (ruled.case.state, ruled.case.outcome) == (State.CLOSED, "withdrawn")
    objection.refresh_from_db()
    assert objection.outcome == "withdrawn"
    told = Mail.objects.filter(purpose="outcome").values_list("to", flat=True)
    assert sorted(a for to in told for a in to) == sorted([NORTH_HOLDER, BORDER_HOLDER])


def test_an_objection_no_filing_followed_comes_back_to_counsel_and_never_lapses_by_itself(
    objected, counsel
):
    case, objection = objected

    def filing_deadlines(today):
        return [d for d in deadlines.open_deadlines(today) if d.kind == "challenge_filing"]

    [deadline] = filing_deadlines(date(2026, 11, 26))
    assert (deadline.due_on, deadline.counsel) == (date(2026, 12, 9), True)
    with on("2026-12-01"), pytest.raises(Refused, match="has until 2026-12-09 to file"):
        challenges.decide_unfiled(objection, counsel, "lapse", "x")
    assert [d.kind for d in deadlines.overdue(date(2027, 3, 1))].count("challenge_filing") == 1
    with on("2026-12-09"):
        challenges.decide_unfiled(objection, counsel, "wait", "the ACLU says it is filing")
    [deadline] = filing_deadlines(date(2026, 12, 9))
    assert deadline.due_on == date(2026, 12, 23)
    with on("2026-12-23"), pytest.raises(Refused, match=r"objection is pending"):
        services.move(case, counsel, State.PRODUCING)
    with on("2026-12-23"):
        challenges.decide_unfiled(objection, counsel, "lapse", "no filing in four weeks")
        assert not filing_deadlines(date(2026, 12, 23))
        case = services.move(case, counsel, State.PRODUCING, reason="the objection lapsed")
    assert production.held(case) == {}
    decided = Event.objects.filter(action="custodes.objection.filing_decided")
    assert [e.data["decision"] for e in decided.order_by("sequence")] == ["wait", "lapse"]


def test_an_objection_followed_by_a_filing_is_no_longer_before_counsel(objected, counsel):
    case, objection = objected
    _motion(case, counsel, objection)
    assert not [
        d for d in deadlines.open_deadlines(date(2026, 12, 20)) if d.kind == "challenge_filing"
    ]
    with on("2026-12-10"), pytest.raises(Refused, match="its challenge decides"):
        challenges.decide_unfiled(objection, counsel, "lapse", "x")


def test_the_provider_records_its_own_letter_of_objection(open_case, counsel):
    case = open_case(instrument="administrative_subpoena", authority=["21 U.S.C. § 876"])
    with on("2026-11-24"):
        challenge = challenges.file(
            case,
            counsel,
            filed_by="provider",
            kind="letter_of_objection",
            accounts=["username someone"],
            filed_on=date(2026, 11, 24),
        )
    assert challenge.by_provider and not challenge.court


@pytest.mark.slow
def test_a_bad_filing_days_setting_stops_the_app_with_its_name():
    env = {**os.environ, "CUSTODES_CHALLENGE_FILING_DAYS": "two weeks"}
    result = subprocess.run(
        [sys.executable, "-c", "import tests.settings"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "CUSTODES_CHALLENGE_FILING_DAYS='two weeks' is not a whole number" in result.stderr


def test_counsel_is_reminded_before_the_objection_comes_back(objected, counsel_with_mail):
    written = deadlines.send_reminders(date(2026, 12, 2))  # seven days before 2026-12-09
    assert written >= 1
    [reminder] = [
        m for m in Mail.objects.filter(purpose="reminder") if "No filing in court" in m.body
    ]
    assert reminder.to == ["carl@parley.example"]
    assert NORTH_HOLDER in reminder.body


def test_an_account_the_court_narrowed_waits_for_counsels_new_decision(objected, counsel):
    case, objection = objected
    challenge = _motion(case, counsel, objection)
    with on("2026-12-10"):
        challenges.rule(challenge, counsel, "narrowed", date(2026, 12, 10), "dates only", [ORDER])
        held = production.held(case)
        assert list(held) == [NORTH] and "until counsel records the decision" in held[NORTH]
        services.decide(case, counsel, "produce", ["subscriber"], "as the court narrowed it")
    assert production.held(case) == {}
