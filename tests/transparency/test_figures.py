"""The report's figures, each counted the way the large providers count it."""

from __future__ import annotations

from datetime import date

import pytest

from custodes.law.refusal import Refused
from custodes.transparency import render
from custodes.transparency.aggregate import compute
from custodes.transparency.periods import Period
from tests.transparency.ledger import cases, closed_after

pytestmark = pytest.mark.django_db

H1 = Period.parse("2026H1")


def us_all_row(report) -> dict:
    return next(
        r
        for r in render.rows(report)
        if r["CLDR Territory Code"] == "US" and r["Legal Process"] == "All"
    )


@pytest.mark.slow  # 32,716 cases written to the database
def test_a_ledger_like_facebooks_2017_us_figures_prints_them_exactly():
    # 32,716 US requests naming 52,280 accounts, some data produced for 85%, an order on 57%.
    cases(
        32_716,
        accounts_named=lambda i: 2 if i < 19_564 else 1,
        disclosed_on=lambda i: date(2026, 3, 20) if i < 27_809 else None,
        secrecy=lambda i: "court_ordered" if i % 32_716 < 18_648 else "",
    )
    report = compute(H1)
    row = us_all_row(report)
    assert row["User Data Requests"] == 32_716
    assert row["Accounts"] == 52_280
    assert row["Percentage disclosed"] == 85
    assert row["Percentage with non-disclosure order"] == 57
    totals = render.to_dict(report)["totals"]
    assert (totals["requests"], totals["accounts_specified"]) == (32_716, 52_280)
    assert "32716,85,52280,57" in render.to_csv(report)


def test_emergency_requests_and_the_share_where_data_was_produced():
    cases(
        4,
        instrument="emergency_request",
        disclosed_on=lambda i: date(2026, 3, 3) if i < 3 else None,
    )
    emergency = render.to_dict(compute(H1))["emergency"]
    assert emergency == {"requests": 4, "percent_some_data_produced": 75}


def test_preservation_requests_and_accounts_preserved_stand_apart_from_the_totals():
    cases(3, instrument="preservation_request", accounts_named=2, outcome="preserved")
    cases(1, instrument="preservation_request", accounts_named=5, outcome="withdrawn")
    cases(2)
    report = render.to_dict(compute(H1))
    assert report["preservation"] == {"requests": 4, "accounts_preserved": 6}
    assert report["totals"]["requests"] == 2
    row = next(r for r in report["rows"] if r["Legal Process"] == "Preservation Requests")
    assert row["Percentage disclosed"] == ""  # as Google leaves it blank


def test_withdrawn_quashed_rejected_and_the_findings_that_rejected():
    cases(2, outcome="withdrawn")
    cases(1, outcome="quashed")
    cases(
        3,
        outcome="rejected",
        blocking_codes=lambda i: "AUTHORITY_MISMATCH" if i else "AUTHORITY_MISMATCH,NOT_SIGNED",
    )
    report = render.to_dict(compute(H1))
    totals = report["totals"]
    assert (totals["withdrawn"], totals["quashed"], totals["rejected"]) == (2, 1, 3)
    assert report["rejected_by_finding"] == {"AUTHORITY_MISMATCH": 3, "NOT_SIGNED": 1}


def test_median_days_to_answer_counts_closed_cases():
    for days in (3, 5, 8, 40):
        cases(1, **closed_after(days))
    cases(1)  # still open: not counted
    assert render.to_dict(compute(H1))["totals"]["median_days_to_answer"] == 6.5


def test_only_cases_received_in_the_period_count():
    cases(2, received_on=date(2026, 6, 30))
    cases(5, received_on=date(2026, 7, 1))
    assert compute(H1).total().requests == 2
    assert compute(Period.parse("2026H2")).total().requests == 5
    assert compute(Period.parse("2026-06-30..2026-07-01")).total().requests == 7


def test_national_security_letters_appear_only_in_bands():
    cases(263, instrument="national_security_letter", accounts_named=lambda i: 6 if i < 84 else 1)
    cases(7)
    report = compute(H1)
    outputs = [render.to_csv(report), render.to_json(report)]
    from custodes.transparency.render import to_html as render_html

    outputs.append(render_html(report, []))
    for output in outputs:
        assert "250-499" in output
        for exact in ("263", "683"):  # the letters, and the accounts they name
            assert exact not in output
    assert render.to_dict(report)["totals"]["requests"] == 7  # letters are not in the totals


@pytest.mark.parametrize(
    "bad", ["2026H3", "26H1", "2026-02-30..2026-03-01", "2026-05-01..2026-04-01"]
)
def test_a_period_that_makes_no_sense_is_refused(bad):
    with pytest.raises(Refused):
        Period.parse(bad)


def test_notices_sent_before_production_after_a_delay_or_still_waiting(counsel):
    from django.utils import timezone

    from custodes.notices.models import Notice, Objection
    from custodes.outbox.models import Mail

    first, second, third = cases(3)
    for n, (case, before) in enumerate([(first, True), (second, False)]):
        mail = Mail.objects.create(
            key=f"notice:{n}",
            purpose="notice",
            to=["x@example.org"],
            subject="s",
            body="b",
            message_id=f"<{n}@custodes>",
            status=Mail.Status.SENT,
            sent_at=timezone.now(),
        )
        notice = Notice.objects.create(
            case=case,
            address=f"{n}@example.org",
            added_by=counsel,
            mail=mail,
            offers_objection=before,
        )
    Objection.objects.create(notice=notice)
    Notice.objects.create(case=third, address="held@example.org", added_by=counsel)
    totals = render.to_dict(compute(H1))["totals"]
    assert totals["user_notices_sent_before_production"] == 1
    assert totals["user_notices_delayed"] == 1
    assert totals["user_notices_waiting"] == 1
    assert totals["objections"] == 1
