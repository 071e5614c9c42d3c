"""When the user is told: one test per rule of `law.notice`."""

from __future__ import annotations

from datetime import date, timedelta

from custodes.law.notice import (
    CourtOrder,
    Facts,
    effective_action,
    objection_deadline,
    schedule,
    yearly_review_due,
    yearly_review_due_by,
)
from custodes.law.vocab import NoticeAction

TODAY = date(2026, 11, 23)


def test_notice_before_production_goes_when_the_notice_period_begins():
    waiting = schedule(Facts(NoticeAction.NOTIFY_BEFORE_PRODUCTION))
    assert waiting.send_on is None and waiting.offers_objection
    begun = schedule(Facts(NoticeAction.NOTIFY_BEFORE_PRODUCTION, notice_period_from=TODAY))
    assert begun.send_on == TODAY and begun.offers_objection


def test_a_court_order_delays_notice_to_the_day_it_ends():
    plan = schedule(Facts(NoticeAction.DELAY, order=CourtOrder(date(2027, 5, 22))))
    assert plan.send_on == date(2027, 5, 22)
    assert "18 U.S.C. § 2705(b)" in plan.citation and not plan.offers_objection


def test_an_order_lifted_early_releases_notice_that_day():
    order = CourtOrder(date(2027, 5, 22), lifted_on=date(2026, 12, 1))
    plan = schedule(Facts(NoticeAction.DELAY, order=order))
    assert plan.send_on == date(2026, 12, 1) and "was lifted" in plan.reason


def test_an_order_without_end_holds_notice_and_cites_the_one_year_policy():
    plan = schedule(Facts(NoticeAction.DELAY, order=CourtOrder(None)))
    assert plan.send_on is None and "one year or less" in plan.citation


def test_the_child_safety_exception_holds_notice_until_counsel_sets_a_day():
    held = schedule(Facts(NoticeAction.DELAY, child_safety=True))
    assert held.send_on is None and "child" in held.reason
    ruled = schedule(Facts(NoticeAction.DELAY, child_safety=True, ruled_on=TODAY))
    assert ruled.send_on == TODAY


def test_an_ended_order_does_not_release_a_child_safety_hold():
    order = CourtOrder(date(2026, 12, 1))
    plan = schedule(Facts(NoticeAction.DELAY, order=order, child_safety=True))
    assert plan.send_on is None


def test_emergency_notice_follows_disclosure_by_90_days_unless_staff_set_a_day():
    assert schedule(Facts(NoticeAction.AFTER_EMERGENCY)).send_on is None
    disclosed = Facts(NoticeAction.AFTER_EMERGENCY, disclosed_on=date(2026, 11, 23))
    assert schedule(disclosed).send_on == date(2027, 2, 21)
    later = Facts(NoticeAction.AFTER_EMERGENCY, disclosed_on=TODAY, ruled_on=date(2027, 6, 1))
    assert schedule(later).send_on == date(2027, 6, 1)


def test_national_security_letters_and_undisclosed_demands_are_never_told():
    assert schedule(Facts(NoticeAction.PROHIBITED)).send_on is None
    assert "2709(c)" in schedule(Facts(NoticeAction.PROHIBITED)).citation
    assert schedule(Facts(NoticeAction.NONE)).send_on is None


def test_a_person_who_rejects_or_preserves_leaves_nothing_to_tell():
    assert effective_action("notify_before_production", "reject") == NoticeAction.NONE
    assert effective_action("after_emergency", "preserve") == NoticeAction.NONE
    assert effective_action("delay", "produce") == NoticeAction.DELAY
    assert (
        effective_action("notify_before_production", None) == NoticeAction.NOTIFY_BEFORE_PRODUCTION
    )


def test_the_objection_deadline_and_the_yearly_review():
    assert objection_deadline(TODAY, 14) == date(2026, 12, 7)
    assert yearly_review_due(date(2026, 11, 16)) == date(2027, 11, 16)
    assert yearly_review_due(date(2028, 2, 29)) == date(2029, 2, 28)


def test_the_day_an_order_must_date_from_to_be_reviewed_by_a_day_is_its_exact_inverse():
    days = [date(2023, 1, 1) + timedelta(days=n) for n in range(3 * 366)]
    for day in days[366:]:  # 2024 and 2025, with 29 February on both sides
        latest = yearly_review_due_by(day)
        for since in (latest - timedelta(days=1), latest, latest + timedelta(days=1)):
            assert (yearly_review_due(since) <= day) == (since <= latest), (day, since)
