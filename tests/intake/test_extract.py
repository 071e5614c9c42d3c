"""The fields extract reads itself (the rest it asks of the other readers): the day a
demand was issued, the day to answer by, the last day to execute a warrant, whether it is
signed, and a class of users in place of named accounts. A line each must read, and a near
miss (another document's date, a date given elsewhere, an affiant's /s/) it must not."""

from __future__ import annotations

from datetime import date

import pytest

from custodes.intake import extract_request

HEAD = "GRAND JURY SUBPOENA\nTo: Parley Social, Inc.\nUsername: bluefinch\n\n"
WARRANT = "SEARCH WARRANT\nTo: Parley Social, Inc.\nUsername: bluefinch\n\n"

ISSUED = [
    ("Dated: March 3, 2026", date(2026, 3, 3)),
    ("Issued on 2026-02-14 by the clerk.", date(2026, 2, 14)),
    ("SO ORDERED this 9th day of April, 2026.", date(2026, 4, 9)),
    (
        "DONE AND ORDERED in Chambers at Tampa, Hillsborough County, on June 2, 2026.",
        date(2026, 6, 2),
    ),
]

NOT_ISSUED = [
    "The account holder signed up under Executive Order 12333, dated December 4, 1981.",
    "The account was opened in 2019.",
]


@pytest.mark.parametrize(("line", "issued_on"), ISSUED)
def test_the_day_the_demand_was_issued(line, issued_on):
    assert extract_request(HEAD + line).issued_on == issued_on


@pytest.mark.parametrize("line", NOT_ISSUED)
def test_another_documents_date_is_not_this_ones(line):
    assert extract_request(HEAD + line).issued_on is None


RETURN_BY = [
    ("Produce the records on or before January 12, 2027.", date(2027, 1, 12)),
    ("Please respond by 2027-02-01.", date(2027, 2, 1)),
    ("Return date:\nFebruary 9, 2027", date(2027, 2, 9)),
    # as foreign police write it
    ("Réponse attendue au plus tard le 2027-01-15.", date(2027, 1, 15)),
    ("Antwort bitte bis spätestens 2027-01-20.", date(2027, 1, 20)),
]

NOT_RETURN_BY = [
    "Produce the records on or before the date shown above.",  # given elsewhere
    "The records of January 12, 2027 are not needed.",  # a date with no cue
]


@pytest.mark.parametrize(("line", "return_by"), RETURN_BY)
def test_the_day_to_answer_by(line, return_by):
    assert extract_request(HEAD + line).return_by == return_by


@pytest.mark.parametrize("line", NOT_RETURN_BY)
def test_a_date_without_a_cue_to_answer_is_no_return_date(line):
    assert extract_request(HEAD + line).return_by is None


def test_a_warrants_days_to_execute_count_from_its_issue():
    text = WARRANT + "Dated: May 1, 2026\n\nThis warrant shall be executed within fourteen days."
    assert extract_request(text).execute_by == date(2026, 5, 15)


def test_a_subpoena_served_by_a_date_has_no_days_to_execute():
    text = HEAD + "Dated: May 1, 2026\n\nThis subpoena was served within fourteen days."
    assert extract_request(text).execute_by is None


SIGNED = [
    ("/s/ Dana Whitfield, AUSA", True),
    ("Signature: ______________________", False),  # a line for a signature, left blank
    ("Thank you.", None),  # nothing says either way
]


@pytest.mark.parametrize(("line", "signed"), SIGNED)
def test_whether_the_demand_is_signed(line, signed):
    assert extract_request(HEAD + line).signed is signed


def test_an_affiants_signature_does_not_sign_a_judges_order():
    text = (
        WARRANT
        + "Sworn to before me. /s/ SA Ruth Calder, Affiant\n\n"
        + "______________________\nUnited States Magistrate Judge\n"
    )
    assert extract_request(text).signed is False


POPULATIONS = [
    "Identify all users who posted the hashtag #riverfest between May 1 and May 3.",
    "Provide every account that was within the geofence around 100 Main Street.",
]

NOT_POPULATIONS = [
    "Provide any account that is registered to kai.ross@example.net.",  # an account named
    "Provide every account that sent a message to the account bluefinch.",  # its counterparts
]


@pytest.mark.parametrize("line", POPULATIONS)
def test_a_class_of_users_is_read_as_a_population(line):
    assert extract_request(HEAD + line).population


@pytest.mark.parametrize("line", NOT_POPULATIONS)
def test_accounts_tied_to_a_named_one_are_no_population(line):
    assert extract_request(HEAD + line).population is None
