"""The parties to a demand: to whom it is addressed, the agency that sends it, the person
who asks and the country it comes from. A letter each must read, and a near miss (a company
named in passing, a target's address, a name in a sentence) it must not."""

from __future__ import annotations

import pytest

from custodes.intake.layout import Layout
from custodes.intake.parties import find_country, find_parties
from custodes.intake.selectors import target_lines


def parties(text: str):
    layout = Layout.of(text)
    return find_parties(layout, target_lines(layout))


ADDRESSEES = [
    ("To: Parley Social, Inc.\nAttn: Custodian of Records", "Parley Social, Inc."),
    ("TO: Custodian of Records\nLumen Photos LLC\n1 Harbor Way", "Lumen Photos LLC"),
    ("Custodian of Records, Kestrel Messaging Ltd.\nPlease produce:", "Kestrel Messaging Ltd."),
    # the agent that takes service for it is not the addressee
    (
        "To: Parley Social, Inc., c/o its registered agent, Statewide Agents LLC",
        "Parley Social, Inc.",
    ),
]

NOT_ADDRESSEES = [
    # a company named in capitals in a caption runs into the words around it
    "IN RE THE MATTER OF ACME WIDGETS, INC.",
    # a registered agent alone, after a name in capitals
    "TO: PARLEY SOCIAL, INC., c/o its registered agent, Statewide Agents LLC",
    # no company at all
    "To: the custodian of records\nPlease produce the records below.",
]


@pytest.mark.parametrize(("text", "addressee"), ADDRESSEES)
def test_the_company_a_demand_is_addressed_to(text, addressee):
    assert parties(text).addressed_to == addressee


@pytest.mark.parametrize("text", NOT_ADDRESSEES)
def test_a_near_miss_names_no_addressee(text):
    assert parties(text).addressed_to is None


AGENCIES = [
    ("Federal Bureau of Investigation\nDenver Field Office", "Federal Bureau of Investigation"),
    (
        "U.S. Department of Homeland Security\nImmigration and Customs Enforcement",
        "U.S. Department of Homeland Security",
    ),
    ("Ogden City Police Department\nCriminal Investigations", "Ogden City Police Department"),
    ("Office of the Harris County Sheriff's Office", "Harris County Sheriff's Office"),
]

NOT_AGENCIES = [
    "The department store kept the receipts.",  # a department in lower case
    "Please produce the records of the account below.",
]


@pytest.mark.parametrize(("text", "agency"), AGENCIES)
def test_the_agency_in_the_letterhead(text, agency):
    assert parties(text).agency == agency


@pytest.mark.parametrize("text", NOT_AGENCIES)
def test_a_near_miss_names_no_agency(text):
    assert parties(text).agency is None


def test_the_sender_of_an_e_mail_is_the_requester():
    text = (
        "From: Det. Maria Alvarez <malvarez@ogdenpd.example.gov>\nTo: legal@parley.example\n\nHi."
    )
    requester = parties(text).requester
    assert (requester.name, requester.email) == (
        "Det. Maria Alvarez",
        "malvarez@ogdenpd.example.gov",
    )


def test_the_signer_below_a_letter_is_the_requester():
    text = (
        "Please produce the records.\n\nSincerely,\n\nSpecial Agent Tom Becker\n"
        "tbecker@fbi.example.gov"
    )
    assert parties(text).requester.email == "tbecker@fbi.example.gov"


def test_a_targets_address_is_never_the_requesters():
    text = "Account e-mail: riverhawk@example.net\nPlease produce the records of that account."
    assert parties(text).requester.email is None


COUNTRIES = [
    ("Bundeskriminalamt\nWiesbaden, Germany", "DE"),
    ("Metropolitan Police Service\nLondon, England", "GB"),
    ("STATE OF OHIO\nCOUNTY OF FRANKLIN", "US"),
    ("Under 18 U.S.C. § 2703 you are commanded to produce.", "US"),
    ("This is a request under 18 USC 2702(b)(8), sent from an unknown domain.", "US"),
]

NOT_COUNTRIES = [
    "Please send the records to our office.",  # nothing says where
    "The suspect studied at USC and now lives abroad.",  # a university, not the U.S. Code
]


@pytest.mark.parametrize(("text", "country"), COUNTRIES)
def test_the_country_a_demand_comes_from(text, country):
    assert find_country(Layout.of(text), None) == country


@pytest.mark.parametrize("text", NOT_COUNTRIES)
def test_a_demand_that_says_nowhere_has_no_country(text):
    assert find_country(Layout.of(text), None) is None


def test_a_verified_government_domain_names_its_country():
    assert find_country(Layout.of("Please send the records."), "agent@fbi.gov") == "US"
