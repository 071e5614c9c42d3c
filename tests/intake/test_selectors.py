"""The targets a demand names, read line by line: a line each must read as its target, and
a near miss (an officer's own contact line, a mail domain, a bank's account number) that
names none."""

from __future__ import annotations

import pytest

from custodes.intake.dates import DateOrder
from custodes.intake.layout import Layout
from custodes.intake.selectors import extract_selectors, target_lines


def targets(text: str, region: str = "US") -> list[tuple[str, str]]:
    layout = Layout.of(text)
    found = extract_selectors(layout, region, set(), target_lines(layout), DateOrder.of(region))
    return [(str(s.kind), s.value) for s in found]


READS = [
    ("Username: marsh.harrier_22", [("username", "marsh.harrier_22")]),
    ("the account @quietbrook and its posts", [("username", "quietbrook")]),
    ("Account e-mail: Lena.Voss@example.net", [("email", "lena.voss@example.net")]),
    ("Phone number on the account: (415) 555-0162", [("phone", "+14155550162")]),
    ("The account ID 5520193847 held by the user", [("account_id", "5520193847")]),
    (
        "Profile: https://parley.example/u/reedwarbler",
        [("url", "https://parley.example/u/reedwarbler")],
    ),
]

NEAR_MISSES = [
    # the officer's own contact line is no target
    "Questions: call SA Ortiz at (202) 555-0134 or write to ortiz@fbi.example.gov.",
    # a mail domain, not a handle
    "Send the records to any address ending in @justice.example.gov.",
    # a bank's account number is the bank's, not the provider's
    "The funds left bank account 40021937 on March 3.",
    # a number with no account in sight
    "The case number is 2026-118 and the court is in room 4.",
]


@pytest.mark.parametrize(("text", "expected"), READS)
def test_a_line_naming_a_target_is_read_as_it(text, expected):
    assert targets(text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_a_near_miss_names_no_target(text):
    assert targets(text) == []


def test_an_ip_address_keeps_its_time_and_zone():
    text = "IP address 203.0.113.77 used at 2026-10-04 03:12:47 UTC to log in to the account"
    layout = Layout.of(text)
    [ip] = extract_selectors(layout, "US", set(), target_lines(layout))
    assert (str(ip.kind), ip.value, ip.at) == ("ip", "203.0.113.77", "2026-10-04T03:12:47Z")


def test_the_requesters_own_address_is_excluded():
    layout = Layout.of("Account e-mail: agent@fbi.example.gov")
    excluded = {"agent@fbi.example.gov"}
    assert extract_selectors(layout, "US", excluded, target_lines(layout)) == []
