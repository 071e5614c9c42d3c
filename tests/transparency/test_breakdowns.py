"""The report by requesting agency and by statute, content or not, stored or real-time, and
the demands escalated for anonymous speech: cases opened and closed through the services."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from custodes.cases import services
from custodes.cases.workflow import State
from custodes.law import Request
from custodes.transparency import render, schema
from custodes.transparency.agencies import load
from custodes.transparency.aggregate import compute
from custodes.transparency.periods import Period
from tests.notices.conftest import approve, on

pytestmark = pytest.mark.django_db

H1 = Period.parse("2026H1")
DHS = "Department of Homeland Security"
DAY = date(2026, 3, 2)


def demand(user, agency, instrument="grand_jury_subpoena", *, authority=(), accounts=1, **more):
    data = {
        "instrument": instrument,
        "agency": agency,
        "country": "US",
        "authority": list(authority),
        "selectors": [{"kind": "username", "value": f"user{i}"} for i in range(accounts)],
        "categories": more.pop("categories", ["subscriber"]),
        "purpose": more.pop("purpose", "an investigation of wire fraud"),
        **more,
    }
    return services.open_case(Request.from_dict(data), "api", user, received_on=DAY)


def reject(case, counsel):
    case = services.move(case, counsel, State.IN_REVIEW)
    return services.move(case, counsel, State.CLOSED, "rejected", "Outside what the law reaches.")


def by_agency(report) -> dict[tuple[str, str], dict]:
    return {(r["parent"], r["agency"]): r for r in render.breakdowns(report)["by_agency"]}


@pytest.fixture
def ledger(counsel):
    with on("2026-03-02"):
        for name in ("HSI", "ICE HSI", "Homeland Security Investigations"):
            demand(
                counsel,
                name,
                "administrative_subpoena",
                authority=["19 U.S.C. § 1509"],
                purpose="customs duties owed on imported merchandise",
            )
        reject(
            demand(
                counsel,
                "U.S. Immigration and Customs Enforcement – Homeland Security Investigations",
                accounts=2,
            ),
            counsel,
        )
        demand(counsel, "FBI", "search_warrant", categories=["content", "subscriber"])
        demand(
            counsel,
            "Federal Bureau of Investigation",
            "pen_register_order",
            categories=["realtime_noncontent"],
        )
        demand(
            counsel,
            "DEA",
            "administrative_subpoena",
            authority=["21 U.S.C. 876"],
            purpose="distribution of fentanyl",
        )
        demand(
            counsel,
            "IRS",
            "administrative_subpoena",
            authority=["26 U.S.C. § 7602"],
            purpose="unreported income on a tax return",
        )
        demand(counsel, "Springfield Police Department")
        demand(counsel, "Bureau of Lunar Affairs")
        demand(counsel, "FBI", "national_security_letter")
        demand(counsel, "HSI", "preservation_request", categories=["subscriber"])
        # the ICE subpoena of test_whole_path, as its structured request (intake's reading
        # of its text is not what this report is about)
        speech = demand(
            counsel,
            "U.S. Department of Homeland Security",
            "administrative_subpoena",
            authority=["8 U.S.C. § 1225(d)"],
            selectors=[{"kind": "username", "value": "eastside.ice.watch"}],
            categories=["subscriber", "transactional"],
            purpose="The account posts where immigration agents are working and when, and "
            "asks followers to come and watch. This subpoena is issued to identify the "
            "person who runs the account.",
        )
        assert speech.anonymous_speech and speech.statute == "8 U.S.C. § 1225(d)", speech.agency
        approve(speech, counsel, reason="Produce the name only.")
    return compute(H1)


def test_names_as_read_are_grouped_under_their_agency_and_parent(ledger):
    agencies = by_agency(ledger)
    hsi = agencies[(DHS, "Homeland Security Investigations")]
    assert hsi["requests"] == 4
    assert hsi["accounts_specified"] == 5
    assert hsi["names_as_read"] == [
        "HSI",
        "Homeland Security Investigations",
        "ICE HSI",
        "U.S. Immigration and Customs Enforcement – Homeland Security Investigations",
    ]
    assert hsi["outcomes"]["rejected"] == 1 and hsi["outcomes"]["open"] == 3
    fbi = agencies[("Department of Justice", "Federal Bureau of Investigation")]
    assert fbi["requests"] == 2  # never its national security letter
    assert agencies[("State and local law enforcement", "City or county police")]["requests"] == 1
    assert agencies[("Other", "Bureau of Lunar Affairs")]["requests"] == 1
    assert agencies[(DHS, "Department of Homeland Security")]["names_as_read"] == [
        "U.S. Department of Homeland Security"
    ]
    # the agencies sum to the totals: no national security letter, no preservation request
    total = render.to_dict(ledger)["totals"]["requests"]
    assert sum(r["requests"] for r in agencies.values()) == total == 11


def test_national_security_letters_are_never_shown_per_agency(ledger):
    data = render.to_dict(ledger)
    assert data["national_security_letters"]["requests"] == "0-249"
    text = json.dumps(data["breakdowns"])
    assert "national_security" not in text
    rows = render.breakdown_rows(ledger)
    assert sum(r["User Data Requests"] for r in rows if r["Breakdown"] == "Agency") == 11


def test_administrative_subpoenas_by_statute(ledger):
    statutes = render.breakdowns(ledger)["administrative_subpoenas_by_statute"]
    assert list(statutes) == [
        "8 U.S.C. § 1225(d)",
        "19 U.S.C. § 1509",
        "21 U.S.C. § 876",
        "18 U.S.C. § 3486",
        "Other",
    ]
    counts = {cite: figures["requests"] for cite, figures in statutes.items()}
    assert counts == {
        "8 U.S.C. § 1225(d)": 1,
        "19 U.S.C. § 1509": 3,
        "21 U.S.C. § 876": 1,
        "18 U.S.C. § 3486": 0,
        "Other": 1,  # 26 U.S.C. § 7602
    }


def test_content_against_non_content_and_stored_against_real_time(ledger):
    found = render.breakdowns(ledger)
    assert {k: v["requests"] for k, v in found["content"].items()} == {
        "Content": 1,
        "Non-content": 10,
    }
    assert {k: v["requests"] for k, v in found["stored_or_real_time"].items()} == {
        "Stored": 10,
        "Real-time": 1,
    }


def test_demands_escalated_for_anonymous_speech_and_what_became_of_them(ledger, counsel):
    speech = render.breakdowns(ledger)["escalated_for_anonymous_speech"]
    assert speech["requests"] == 1
    assert speech["outcomes"]["open"] == 1
    assert "1 still open" in render.to_html(ledger, [])


def test_the_breakdowns_csv_has_its_columns_and_a_row_for_each_group(ledger):
    text = render.to_breakdowns_csv(ledger)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == schema.BREAKDOWN_COLUMNS
    hsi = next(r for r in rows if r["Name"] == "Homeland Security Investigations")
    assert (hsi["Breakdown"], hsi["Group"], hsi["User Data Requests"]) == ("Agency", DHS, "4")
    assert hsi["Names as read"].startswith("HSI; Homeland Security Investigations; ICE HSI")
    assert (hsi["Rejected"], hsi["Open"], hsi["Percentage disclosed"]) == ("1", "3", "0")
    kinds = {r["Breakdown"] for r in rows}
    assert kinds == {"Agency", "Statute", "Content", "Timing", "Anonymous speech"}
    assert "national" not in text.lower()


def test_the_page_and_downloads_carry_the_breakdowns(ledger, client, settings):
    settings.CUSTODES_REPORT_DELAY_DAYS = 0
    with on("2026-07-02"):
        page = client.get("/transparency/?period=2026H1").content.decode()
        assert "By requesting agency" in page and "Homeland Security Investigations" in page
        assert "ICE HSI" in page and "19 U.S.C. § 1509" in page
        data = client.get("/transparency/report.json?period=2026H1").json()
        assert data["breakdowns"]["by_agency"][0]["agency"] == "Homeland Security Investigations"
        download = client.get("/transparency/breakdowns.csv?period=2026H1")
        assert download["Content-Disposition"].endswith('2026H1-breakdowns.csv"')
        assert download.content.decode().startswith("Period Ending,Breakdown,Group,Name")


def test_a_table_staff_added_groups_the_report(ledger, settings, tmp_path):
    extra = tmp_path / "ours.toml"
    extra.write_text(
        '[[agency]]\nname = "Bureau of Lunar Affairs"\nparent = "Department of Space"\n',
        encoding="utf-8",
    )
    settings.CUSTODES_AGENCY_TABLES = (str(extra),)
    agencies = by_agency(compute(H1))
    assert agencies[("Department of Space", "Bureau of Lunar Affairs")]["requests"] == 1
    assert ("Other", "Bureau of Lunar Affairs") not in agencies
    assert load((str(extra),)) is load((str(extra),))  # read once
