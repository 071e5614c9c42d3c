"""Notice in time: court orders, emergencies, the child-safety exception and the window to
object, with the clock moved by time-machine."""

from __future__ import annotations

from datetime import date

import pytest

from custodes.cases import services
from custodes.cases.models import Case
from custodes.cases.workflow import State
from custodes.law.refusal import Refused
from custodes.notices import services as notices
from custodes.notices.deadlines import overdue
from custodes.notices.models import Notice
from custodes.worker import tick
from tests.notices.conftest import HOLDER, approve, into_notice_period, on

pytestmark = pytest.mark.django_db(transaction=True)

ORDER_180_DAYS = {"present": True, "court_ordered": True, "expires_on": "2027-05-22"}
ORDER_NO_END = {"present": True, "court_ordered": True, "expires_on": None}


def produced_under_order(open_case, counsel, order):
    """Produced (and closed as produced: the day data left) while a court's order holds
    the notice."""
    case = approve(open_case(nondisclosure=order), counsel)
    case = services.move(case, counsel, State.PRODUCING)
    notices.add_recipient(case, counsel, HOLDER)
    return services.move(case, counsel, State.CLOSED, "produced")


def test_a_180_day_order_delays_the_notice_to_the_exact_day(open_case, counsel, smtp):
    with on("2026-11-23"):
        produced_under_order(open_case, counsel, ORDER_180_DAYS)  # ordered 2026-11-23
        tick()
    with on("2027-05-21"):
        tick()
    assert smtp.messages == []
    with on("2027-05-22"):
        tick()
        tick()
    [message] = smtp.messages
    assert "ends on 2027-05-22" in message.get_content()
    assert "We disclosed data in answer to this demand on 2026-11-23" in message.get_content()


def test_a_lifted_order_sends_the_notice_at_once(open_case, counsel, smtp):
    with on("2026-12-10"):
        case = produced_under_order(open_case, counsel, ORDER_180_DAYS)
        tick()
        assert smtp.messages == []
        notices.lift_order(case, counsel, date(2026, 12, 10), "The court vacated its order.")
        tick()
    [message] = smtp.messages
    assert "was lifted on 2026-12-10" in message.get_content()


def test_production_before_the_window_ends_is_refused(open_case, counsel, smtp):
    with on("2026-11-23"):
        case = into_notice_period(open_case(), counsel)
        tick()
    with on("2026-12-07"), pytest.raises(Refused, match="may start on 2026-12-08"):
        services.move(case, counsel, State.PRODUCING)
    with on("2026-12-08"):
        assert services.move(case, counsel, State.PRODUCING).state == State.PRODUCING


def test_production_waits_for_a_notice_that_has_not_gone_out(open_case, counsel, smtp):
    with on("2026-11-23"):
        case = into_notice_period(open_case(), counsel)  # no worker has run: not yet sent
    with on("2027-01-05"), pytest.raises(Refused, match="has not gone out"):
        services.move(case, counsel, State.PRODUCING)


def test_notice_comes_before_production(open_case, counsel):
    case = approve(open_case(), counsel)
    with pytest.raises(Refused, match="The user is told first"):
        services.move(case, counsel, State.PRODUCING)
    with pytest.raises(Refused, match="e-mail address first"):
        services.move(case, counsel, State.NOTICE_PERIOD)


def test_an_unbounded_order_raises_its_yearly_reminder_to_counsel(
    open_case, counsel_with_mail, smtp
):
    with on("2026-11-23"):
        case = produced_under_order(open_case, counsel_with_mail, ORDER_NO_END)  # issued 11-16
        tick()
    with on("2027-11-08"):
        tick()
    assert smtp.to("carl@parley.example") == []
    with on("2027-11-09"):
        tick()
        tick()
    [reminder] = smtp.to("carl@parley.example")
    assert "Ask the court to end its non-disclosure order" in reminder.get_content()
    assert "2027-11-16, in 7 days" in reminder.get_content()
    with on("2027-11-10"):
        notices.record_court_asked(
            case, counsel_with_mail, date(2027, 11, 10), "Moved to vacate the order."
        )
        tick()
    with on("2028-11-03"):
        tick()
    assert len(smtp.to("carl@parley.example")) == 2  # next year's, counted from the motion
    assert smtp.messages[-1]["Subject"].endswith("on 2028-11-10")
    assert smtp.to(HOLDER) == []  # the order still forbids telling the user


def disclosed_in_emergency(open_case, counsel, purpose):
    case = open_case(instrument="emergency_request", emergency=True, purpose=purpose)
    services.record_callback(case, counsel, "+1 202 324 3000", "fbi.gov switchboard")
    case = services.move(approve(case, counsel), counsel, State.PRODUCING)
    notices.add_recipient(case, counsel, HOLDER)
    return case


def test_emergency_notice_goes_90_days_after_disclosure(open_case, counsel, smtp):
    with on("2026-11-23"):
        disclosed_in_emergency(open_case, counsel, "A kidnapped child is in danger of death.")
    with on("2027-02-20"):
        tick()
    assert smtp.messages == []
    with on("2027-02-21"):
        tick()
    assert len(smtp.messages) == 1
    assert "90 days after the emergency disclosure of 2026-11-23" in smtp.messages[0].get_content()


def test_staff_put_back_an_emergency_notice_only_with_a_reason(open_case, counsel, smtp):
    with on("2026-11-23"):
        case = disclosed_in_emergency(
            open_case, counsel, "A bomb threat against a school, with a time set."
        )
        with pytest.raises(Refused, match="written reason"):
            notices.set_notice_day(case, counsel, date(2027, 6, 1), "")
        notices.set_notice_day(
            case, counsel, date(2027, 6, 1), "The agency reports the danger continues."
        )
    with on("2027-02-21"):
        tick()
    assert smtp.messages == []
    with on("2027-06-01"):
        tick()
    assert len(smtp.messages) == 1


def test_the_child_safety_exception_waits_for_counsel(open_case, counsel, reviewer, smtp):
    with on("2026-11-23"):
        case = approve(
            open_case(purpose="Distribution of child sexual abuse material by the account."),
            counsel,
        )
        case = services.move(case, counsel, State.PRODUCING)
        notices.add_recipient(case, counsel, HOLDER)
        tick()
        assert smtp.messages == []
        with pytest.raises(Refused, match="Counsel confirms"):
            notices.set_notice_day(case, reviewer, date(2026, 11, 23), "It is over.")
        notices.set_notice_day(
            case, counsel, date(2026, 11, 23), "The suspect is charged; the child is safe."
        )
        tick()
    assert len(smtp.messages) == 1


def test_secrecy_no_court_ordered_does_not_delay_notice(open_case, counsel, smtp):
    asked = {"present": True, "court_ordered": False, "expires_on": None}
    with on("2026-11-23"):
        case = into_notice_period(open_case(nondisclosure=asked), counsel)
        tick()
    assert len(smtp.to(HOLDER)) == 1
    assert Case.objects.get(pk=case.pk).state == State.NOTICE_PERIOD


def test_a_national_security_letter_takes_no_notice(open_case, counsel):
    case = open_case(instrument="national_security_letter", authority=["18 U.S.C. § 2709"])
    with pytest.raises(Refused, match="national security letter"):
        notices.add_recipient(case, counsel, HOLDER)
    assert not Notice.objects.exists()


@pytest.mark.django_db
def test_a_pass_does_not_weigh_notices_held_by_open_ended_orders(
    open_case, counsel, django_assert_max_num_queries
):
    from custodes.notices.ticking import run_pass

    with on("2026-11-23"):
        for _ in range(30):
            produced_under_order(open_case, counsel, ORDER_NO_END)
        with django_assert_max_num_queries(12):
            assert run_pass().notices == 0


def overdue_on(day: date):
    """The overdue list on `day`, with the number of queries it took to read."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with on(day.isoformat()), CaptureQueriesContext(connection) as read:
        late = overdue(day, limit=20)
    return len(read.captured_queries), late


def test_the_overdue_list_reads_as_many_queries_however_many_orders_it_holds(open_case, counsel):
    with on("2026-11-23"):
        for _ in range(3):
            produced_under_order(open_case, counsel, ORDER_NO_END)  # issued 11-16
    few, late = overdue_on(date(2028, 1, 5))
    assert len(late) == 3
    with on("2026-11-23"):
        for _ in range(22):
            produced_under_order(open_case, counsel, ORDER_NO_END)
    many, late = overdue_on(date(2028, 1, 5))
    assert many == few
    assert len(late) == 20
    assert {d.kind for d in late} == {"court_review"}
    assert {d.due_on for d in late} == {date(2027, 11, 16)}


def test_the_overdue_list_holds_the_soonest_objection_windows_of_cases_still_in_them(
    open_case, counsel, smtp
):
    with on("2026-11-20"):
        produced = into_notice_period(open_case(), counsel)
        tick()
    waiting = []
    for day in ("2026-11-23", "2026-11-24", "2026-11-25"):
        with on(day):
            waiting.append(into_notice_period(open_case(), counsel))
            tick()
    with on("2026-12-05"):
        services.move(produced, counsel, State.PRODUCING)
    with on("2027-01-05"):
        late = overdue(date(2027, 1, 5), limit=2)
    windows = [(d.case.pk, d.due_on) for d in late if d.kind == "objection_window"]
    assert windows == [(waiting[0].pk, date(2026, 12, 7)), (waiting[1].pk, date(2026, 12, 8))]


def test_the_overdue_list_weighs_waiting_notices_in_as_many_queries_however_many_wait(
    open_case, counsel
):
    with on("2026-11-23"):
        for _ in range(2):
            produced_under_order(open_case, counsel, ORDER_180_DAYS)  # no worker has run
    few, late = overdue_on(date(2027, 6, 1))
    assert {d.due_on for d in late if d.kind == "notice"} == {date(2027, 5, 22)}
    assert len([d for d in late if d.kind == "notice"]) == 2
    with on("2026-11-23"):
        for _ in range(6):
            produced_under_order(open_case, counsel, ORDER_180_DAYS)
    many, late = overdue_on(date(2027, 6, 1))
    assert many == few
    assert len([d for d in late if d.kind == "notice"]) == 8
