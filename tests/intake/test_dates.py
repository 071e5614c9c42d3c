"""Dates read as the demand means them: numeric dates in its country's order, dates relative
to the document, and an IP address's time with its zone. Nothing is guessed."""

from __future__ import annotations

from datetime import date

import pytest

from custodes.intake import extract_request
from custodes.intake.dates import (
    DateOrder,
    find_dates,
    find_lookbacks,
    find_periods,
    find_ranges,
    first_date,
    period_end,
    timestamp,
)
from custodes.intake.selectors import ips_in

UK = DateOrder.of("GB")
US = DateOrder.of("US")


def test_countries_write_their_own_order():
    assert DateOrder.of("US") is DateOrder.MONTH_FIRST
    assert DateOrder.of("PH") is DateOrder.MONTH_FIRST
    for country in ("GB", "DE", "FR", "BR", "IN", "AU", "IE"):
        assert DateOrder.of(country) is DateOrder.DAY_FIRST
    assert DateOrder.of("CA") is None  # both orders are in use there
    assert DateOrder.of(None) is None


def test_a_british_letter_reads_the_day_first():
    text = "Records from 01/05/2027 to 23/05/2027 are sought."
    assert [f.value for f in find_dates(text, UK)] == [date(2027, 5, 1), date(2027, 5, 23)]


def test_a_date_only_one_order_makes_is_that_date_whatever_the_country():
    for order in (UK, US, None):
        assert first_date("received 23/05/2027", order) == date(2027, 5, 23)
        assert first_date("received 05/23/2027", order) == date(2027, 5, 23)


def test_a_german_dotted_date():
    assert first_date("Aktenzeichen vom 05.03.2026", DateOrder.of("DE")) == date(2026, 3, 5)


def test_a_us_date_reads_the_month_first():
    assert first_date("On 11/09/2026 the account was opened", US) == date(2026, 11, 9)
    assert first_date("due 11-09-2026", US) == date(2026, 11, 9)


def test_a_date_no_country_settles_is_no_date():
    assert first_date("dated 04/05/2026", None) is None
    assert first_date("dated 04/05/2026", DateOrder.of("CA")) is None


def test_the_same_number_twice_needs_no_country():
    assert first_date("on 07/07/2026", None) == date(2026, 7, 7)


def test_iso_dates_are_read_everywhere():
    for order in (UK, US, None):
        assert first_date("logged 2026-04-05T10:00:00Z", order) == date(2026, 4, 5)


def test_a_british_letter_is_read_end_to_end():
    letter = (
        "Metropolitan Police Service\nNew Scotland Yard, London\n"
        "From: DC Priya Anand <priya.anand@met.police.uk>\n\n"
        "Date: 01/05/2027\n\n"
        "We request the subscriber details of the account @harbourlights for the period "
        "02/04/2027 to 23/04/2027.\n"
    )
    request = extract_request(letter)
    assert request.country == "GB"
    assert request.issued_on == date(2027, 5, 1)
    assert (request.date_range.start, request.date_range.end) == (
        date(2027, 4, 2),
        date(2027, 4, 23),
    )


ISSUED = date(2026, 5, 3)


def test_the_formal_day_of_the_document_is_its_date():
    assert first_date("Given under my hand this 3rd day of May, 2026.") == ISSUED
    assert first_date("SO ORDERED this 16th day of October, 2026") == date(2026, 10, 16)


@pytest.mark.parametrize(
    ("wording", "end"),
    [
        ("until ninety days after the date of this Order", date(2026, 8, 1)),
        ("for a period of one year", date(2027, 5, 3)),
        ("for 180 days", date(2026, 10, 30)),
        ("for one hundred and eighty (180) days from the date of this Order", date(2026, 10, 30)),
        ("for a period of sixty (60) days from the date of entry of this Order", date(2026, 7, 2)),
        ("for a period of twenty-one days", date(2026, 5, 24)),
        ("for six months from the date of this warrant", date(2026, 11, 3)),
    ],
)
def test_a_period_ends_counted_from_the_order_date(wording, end):
    assert period_end(f"The provider shall comply {wording}.", ISSUED) == end


def test_a_period_from_anything_but_the_document_has_no_end_here():
    assert period_end("for 90 days from receipt of this letter", ISSUED) is None
    assert period_end("for 90 days after this Order is served", ISSUED) is None


def test_a_period_without_an_issue_date_has_no_end():
    assert period_end("for a period of one year", None) is None
    assert find_periods("for a period of one year", None) == []


def test_a_month_end_is_kept_within_the_month():
    assert period_end("for one month", date(2026, 1, 31)) == date(2026, 2, 28)


@pytest.mark.parametrize(
    "wording",
    [
        "from March 1, 2026 to the present",
        "from March 1, 2026 through the date of this subpoena",
        "from March 1, 2026 through the date of this\nletter",
        "from March 1, 2026 to date",
        "from March 1, 2026 until today",
    ],
)
def test_a_range_to_the_present_ends_on_the_issue_date(wording):
    [span] = find_ranges(f"Records {wording}.", US, ISSUED)
    assert (span.start, span.end) == (date(2026, 3, 1), ISSUED)


def test_a_range_to_the_present_of_an_undated_document_is_left_open():
    [span] = find_ranges("Records from March 1, 2026 to the present.", US, None)
    assert (span.start, span.end) == (date(2026, 3, 1), None)


def test_a_pen_register_period_is_its_date_range():
    order = (
        "UNITED STATES DISTRICT COURT\nIT IS HEREBY ORDERED that the provider install a pen "
        "register on the account with user ID 4471203 for a period of sixty (60) days from "
        "the date of this Order.\n\nSO ORDERED this 3rd day of May, 2026.\n"
    )
    request = extract_request(order)
    assert request.issued_on == ISSUED
    assert (request.date_range.start, request.date_range.end) == (ISSUED, date(2026, 7, 2))


def test_a_secrecy_period_is_the_orders_end_not_the_records():
    order = (
        "UNITED STATES DISTRICT COURT\nIT IS HEREBY ORDERED that the provider produce the "
        "subscriber records of user ID 4471203 from January 1, 2026 through April 30, 2026.\n"
        "IT IS FURTHER ORDERED that the provider shall not disclose the existence of this "
        "Order to the subscriber until ninety days after the date of this Order.\n\n"
        "SO ORDERED this 3rd day of May, 2026.\n"
    )
    request = extract_request(order)
    assert (request.date_range.start, request.date_range.end) == (
        date(2026, 1, 1),
        date(2026, 4, 30),
    )
    assert request.nondisclosure.court_ordered
    assert request.nondisclosure.expires_on == date(2026, 8, 1)


def test_another_documents_date_is_not_the_issue_date():
    letter = (
        "FEDERAL BUREAU OF INVESTIGATION\n\n                      June 2, 2026\n\n"
        "Under Executive Order 12333, dated December 4, 1981, provide the name and address "
        "of user ID 4471203.\n"
    )
    assert extract_request(letter).issued_on == date(2026, 6, 2)


@pytest.mark.parametrize(
    ("written", "at"),
    [
        ("11/03/2026 14:22:09 EST", "2026-11-03T14:22:09-05:00"),
        ("11/03/2026 14:22:09 EDT", "2026-11-03T14:22:09-04:00"),
        ("11/03/2026 06:22:09 PST", "2026-11-03T06:22:09-08:00"),
        ("11/03/2026 13:22:09 hrs CST", "2026-11-03T13:22:09-06:00"),
        ("11/03/2026 12:22 MST", "2026-11-03T12:22:00-07:00"),
        ("2026-11-03 19:22:09 UTC", "2026-11-03T19:22:09Z"),
        ("2026-11-03 19:22:09 GMT", "2026-11-03T19:22:09Z"),
        ("2026-11-03T19:22:09Z", "2026-11-03T19:22:09Z"),
        ("2026-11-03 14:22:09 UTC-05:00", "2026-11-03T14:22:09-05:00"),
        ("2026-11-03 14:22:09 UTC-5", "2026-11-03T14:22:09-05:00"),
        ("2026-11-03 14:22:09 -0500", "2026-11-03T14:22:09-05:00"),
        ("2026-11-03T20:22:09+01:00", "2026-11-03T20:22:09+01:00"),
        ("November 3, 2026 at 7:22 p.m. BST", "2026-11-03T19:22:00+01:00"),
        ("3 November 2026, 20:22 CET", "2026-11-03T20:22:00+01:00"),
        ("11/03/2026 10:03:19 AM         EDT (UTC-4)", "2026-11-03T10:03:19-04:00"),
    ],
)
def test_an_ip_address_keeps_its_zone(written, at):
    [(_, address, found)] = ips_in(f"IP address 203.0.113.7 on {written}", US)
    assert (address, found) == ("203.0.113.7", at)


def test_an_ip_address_without_a_zone_keeps_its_local_time():
    [(_, _, at)] = ips_in("IP address 203.0.113.7 on 11/03/2026 14:22:09", US)
    assert at == "2026-11-03T14:22:09"


def test_an_ip_address_dated_in_a_british_letter():
    [(_, _, at)] = ips_in("IP address 203.0.113.7 at 01/05/2027 09:15 BST", UK)
    assert at == "2027-05-01T09:15:00+01:00"


def test_twelve_oclock_at_night_and_at_noon():
    assert timestamp("November 3, 2026 12:05 a.m. EST") == "2026-11-03T00:05:00-05:00"
    assert timestamp("November 3, 2026 12:05 PM EST") == "2026-11-03T12:05:00-05:00"


def test_an_unknown_zone_is_left_out_rather_than_guessed():
    assert timestamp("November 3, 2026 14:22 XYZ") == "2026-11-03T14:22:00"


def test_a_window_of_hours_on_a_day_is_a_range_of_that_day():
    text = """SEARCH WARRANT
Target period: June 4, 2026, from 10:40 a.m. to 11:10 a.m. Central Daylight Time.
"""
    found = extract_request(text).date_range
    assert (found.start, found.end) == (date(2026, 6, 4), date(2026, 6, 4))


@pytest.mark.parametrize(
    ("wording", "start", "end"),
    [
        (
            "Subscriber records, relevant period: March 2, 2026 -- April 9, 2026.",
            date(2026, 3, 2),
            date(2026, 4, 9),
        ),
        (
            "Location points for the period 9:10 p.m. April 2 through 2:00 a.m. April 3, 2026.",
            date(2026, 4, 2),
            date(2026, 4, 3),
        ),
        (
            "Every device seen there between 8 and 9 p.m. on April 4-5, 2026.",
            date(2026, 4, 4),
            date(2026, 4, 5),
        ),
    ],
)
def test_a_range_typed_or_shortened_as_people_write_it(wording, start, end):
    [found] = find_ranges(wording, US, ISSUED)
    assert (found.start, found.end) == (start, end)


def test_a_dash_between_two_numbers_that_are_no_dates_is_no_range():
    assert find_ranges("Counts 4 - 7, 2026 indictment; room 12-14, 2026 wing.", US, ISSUED) == []


@pytest.mark.parametrize(
    ("wording", "end"),
    [
        (
            "for a period not to exceed thirty (30) days from the date of this Order",
            date(2026, 6, 2),
        ),
        ("for ninety (90) days from the date below", date(2026, 8, 1)),
        ("for ninety (90) days from the date of entry", date(2026, 8, 1)),
        (
            "for a period not to exceed thirty (30) days measured from the earlier of the day "
            "on which interception begins or ten (10) days after this Order is entered",
            date(2026, 6, 12),
        ),
    ],
)
def test_a_period_from_the_documents_own_date_however_it_is_named(wording, end):
    assert period_end(f"The provider shall comply {wording}.", ISSUED) == end


def test_a_period_from_the_date_of_service_or_of_anything_else_has_no_end_here():
    assert period_end("for ninety (90) days from the date of service", ISSUED) is None
    assert period_end("for 30 days from entry of judgment", ISSUED) is None
    earlier = (
        "for 30 days measured from the earlier of the first interception or 10 days after service"
    )
    assert period_end(earlier, ISSUED) is None


@pytest.mark.parametrize(
    ("wording", "start"),
    [
        ("Login IP addresses for the last 48 hours.", date(2026, 5, 1)),
        ("INFORMATION REQUESTED (past 30 days): subscriber records.", date(2026, 4, 3)),
        ("Messages sent over the preceding six (6) months.", date(2025, 11, 3)),
        ("Logins in the thirty (30) days before the date of this warrant.", date(2026, 4, 3)),
    ],
)
def test_a_period_back_from_the_documents_date_ends_on_it(wording, start):
    [found] = find_lookbacks(wording, ISSUED)
    assert (found.start, found.end) == (start, ISSUED)


def test_a_lookback_of_an_undated_document_or_a_last_known_value_is_none():
    assert find_lookbacks("Login IP addresses for the last 48 hours.", None) == []
    assert find_lookbacks("His last known address and the past owner of the car.", ISSUED) == []
    # days before something other than the document itself are not told from its date
    assert find_lookbacks("the ninety days preceding his arrest", ISSUED) == []


def test_an_emergency_form_asking_for_the_last_hours_has_that_range():
    form = (
        "EMERGENCY DISCLOSURE REQUEST\nDate: May 3, 2026\n\nTarget username: x_y_77\n\n"
        "Records requested: IP addresses and login records, last 72 hours.\n"
    )
    found = extract_request(form).date_range
    assert (found.start, found.end) == (date(2026, 4, 30), ISSUED)


def test_an_order_entered_under_a_label_is_dated_by_it():
    order = (
        "ORDER\nIT IS HEREBY ORDERED that the provider disclose records.\n\nENTERED:  May 3, 2026\n"
    )
    assert extract_request(order).issued_on == ISSUED


@pytest.mark.parametrize(
    "wording",
    [
        "Fiscal years ended June 30, 2024 and June 30, 2025.",
        "Statements dated March 3, 2026 and April 9, 2026.",
    ],
)
def test_two_dates_in_a_list_are_no_range(wording):
    assert find_ranges(wording, US) == []


@pytest.mark.parametrize(
    "wording",
    [
        "Logins between March 3, 2026 and April 9, 2026.",
        "Logins between 6:00 p.m. March 3, 2026 and 9:00 a.m. April 9, 2026.",
        "Logins from March 3, 2026 through and including April 9, 2026.",
        "TIME PERIOD\n   From:  03/03/2026        To:  04/09/2026",
    ],
)
def test_a_range_is_still_a_range(wording):
    [span] = find_ranges(wording, US)
    assert (span.start, span.end) == (date(2026, 3, 3), date(2026, 4, 9))


def test_a_period_whose_month_names_a_scanner_slipped_on_is_read():
    text = (
        "SUBPOENA\nPlease produce the subscriber records of the account ember_fan_77\n"
        "for the period Apri1 2, 2026 through Decernber 1, 2026.\n"
    )
    period = extract_request(text).date_range
    assert (period.start, period.end) == (date(2026, 4, 2), date(2026, 12, 1))


@pytest.mark.parametrize(
    "wording",
    ["du 01/03/2026 au 30/04/2026", "vom 01.03.2026 bis 30.04.2026", "de 01/03/2026 a 30/04/2026"],
)
def test_a_range_joined_in_a_foreign_language_is_a_range(wording):
    [found] = find_ranges(wording, DateOrder.DAY_FIRST)
    assert (found.start, found.end) == (date(2026, 3, 1), date(2026, 4, 30))
