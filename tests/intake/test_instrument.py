"""The kind of process a demand is, read from its own words: a line each must be read as, and a
near miss (the same words in passing) that must not."""

from __future__ import annotations

import pytest

from custodes.intake.instrument import authorities, classify
from custodes.intake.layout import Layout
from custodes.law.vocab import Instrument

# (the process, its title, the line that commands or asks)
READS = [
    (
        "grand_jury_subpoena",
        "SUBPOENA TO TESTIFY BEFORE A GRAND JURY",
        "You are commanded to produce the records.",
    ),
    ("search_warrant", "SEARCH WARRANT", "To any authorized officer: you are commanded to search."),
    (
        "national_security_letter",
        "NATIONAL SECURITY LETTER",
        "Under 18 U.S.C. § 2709 the FBI directs you to provide.",
    ),
    (
        "court_order_2703d",
        "APPLICATION FOR AN ORDER under 18 U.S.C. § 2703(d)",
        "IT IS HEREBY ORDERED that the provider disclose.",
    ),
    (
        "emergency_request",
        "EMERGENCY DISCLOSURE REQUEST",
        "A child is in danger; please disclose at once under 18 U.S.C. § 2702(b)(8).",
    ),
    (
        "preservation_request",
        "PRESERVATION REQUEST under 18 U.S.C. § 2703(f)",
        "Please preserve the records of the account.",
    ),
    (
        "administrative_subpoena",
        "ADMINISTRATIVE SUBPOENA",
        "Pursuant to 21 U.S.C. § 876 you are commanded to produce.",
    ),
    (
        "pen_register_order",
        "ORDER AUTHORIZING THE INSTALLATION OF A PEN REGISTER AND TRAP AND TRACE DEVICE",
        "IT IS ORDERED that the provider install.",
    ),
]

NEAR_MISSES = [
    "Search warrants may be needed later; please preserve the records.",
    "We may seek an order under 18 U.S.C. § 2703(d).",
    "We considered a pen register but ordered nothing.",
]


@pytest.mark.parametrize(("instrument", "title", "command"), READS)
def test_it_reads_the_process_a_demand_names(instrument, title, command):
    assert classify(Layout.of(f"{title}\n{command}"), "US") == instrument


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_words_in_passing_name_no_process(text):
    assert classify(Layout.of(text), "US") == "unknown"


@pytest.mark.parametrize(
    "note",
    [
        "Please see the attached legal process. Please provide the subscriber information "
        "for the account lake.rower by the date listed.",
        "FAX COVER SHEET\n[X] Legal process attached (3 pp.)    [ ] Preservation letter\n"
        "Please send the subscriber details for the account lake.rower.",
        "Enclosed is the sealed warrant for the account lake.rower; please send its messages.",
    ],
)
def test_a_note_whose_process_did_not_come_is_of_a_kind_not_told(note):
    assert classify(Layout.of(note), "US") == "unknown"


def test_an_officers_ask_with_no_process_is_informal_whatever_it_says_of_a_case_file():
    note = "See the attached case report. Can you send me who owns the account lake.rower?"
    assert classify(Layout.of(note), "US") == "informal_request"


def test_a_ticked_preservation_box_is_a_preservation_request_and_an_unticked_one_is_not():
    ticked = "[X] Preservation letter\nPlease keep the account lake.rower's records."
    unticked = "[ ] Preservation letter\nCan you send me who owns the account lake.rower?"
    assert classify(Layout.of(ticked), "US") == "preservation_request"
    assert classify(Layout.of(unticked), "US") == "informal_request"


# (the country, a demand that says what it is not, what it is)
DENIALS = [
    (
        "AU",
        "Please send the account's records. This letter is not an International Production "
        "Order under the CLOUD Act agreement.",
        "foreign_request",
    ),
    (
        "GB",
        "We write informally, rather than by an overseas production order, to ask for records.",
        "foreign_request",
    ),
    (
        "US",
        "Can you tell us who owns the account? We have no search warrant yet.",
        "informal_request",
    ),
    (
        "US",
        "This request is made without a court order under 18 U.S.C. § 2703(d); please send "
        "what you can.",
        "informal_request",
    ),
]

# A denial of some other thing leaves the process standing.
NOT_DENIALS = [
    (
        "GB",
        "OVERSEAS PRODUCTION ORDER\nThe order is not limited to stored messages.",
        "cloud_act_order",
    ),
    (
        "US",
        "SEARCH WARRANT\nYou are commanded to search, no later than 10 days from today.",
        "search_warrant",
    ),
    (
        "US",
        "EMERGENCY DISCLOSURE REQUEST\nA child is missing and in danger; we ask for disclosure "
        "without delay under 18 U.S.C. § 2702(b)(8) of the account's recent logins.",
        "emergency_request",
    ),
]


@pytest.mark.parametrize(("country", "text", "instrument"), DENIALS + NOT_DENIALS)
def test_a_process_the_demand_says_it_is_not_does_not_make_it_that(country, text, instrument):
    assert classify(Layout.of(text), country) == instrument


# (a subpoena's caption or authority, what kind of subpoena it is)
SUBPOENA_KINDS = [
    # a State that prosecutes is a caption's plaintiff, the columns and lines between them
    (
        "PEOPLE OF THE STATE OF IDAHO,        )\n          Plaintiff,   )\n   vs.     )\n"
        "JANE ROE, Defendant.   )   SUBPOENA DUCES TECUM",
        "trial_subpoena",
    ),
    ("Plaintiff: the State.   Case No. 25-CR-0071   SUBPOENA", "trial_subpoena"),
    ("SUBPOENA (CRIMINAL -- TRIAL)\nPlaintiff: Commonwealth", "trial_subpoena"),
    # a summons under the tax code, by an agency's officer
    (
        "You are hereby summoned and required to produce the records. Issued under authority "
        "of the Internal Revenue Code.",
        "administrative_subpoena",
    ),
]
# A civil suit's caption, with no criminal mark, stays civil.
CIVIL_KINDS = [
    (
        "ACME CORP.,        )\n      Plaintiff,   )\n   v.     )\nJOHN DOE, Defendant.   )\n"
        "SUBPOENA TO PRODUCE DOCUMENTS IN A CIVIL ACTION",
        "civil_subpoena",
    ),
    ("SUBPOENA\nPlaintiff: Orchard Ltd.  Case No. 25-CV-0071", "civil_subpoena"),
    # a family court's parties, and a subpoena of one state's court carried into another's
    (
        "In re the Parenting Plan of L.M., a minor child\nDANA ROE, Petitioner\n"
        "SUBPOENA DUCES TECUM",
        "civil_subpoena",
    ),
    ("SUBPOENA (Uniform Interstate Depositions and Discovery Act)", "civil_subpoena"),
]


@pytest.mark.parametrize(("text", "instrument"), SUBPOENA_KINDS + CIVIL_KINDS)
def test_a_subpoenas_caption_and_authority_tell_its_kind(text, instrument):
    assert classify(Layout.of(text), "US") == instrument


# A citation that joins subsections names each of them.
JOINED_CITATIONS = [
    ("under 18 U.S.C. § 2703(c) and (d)", ["18 U.S.C. § 2703(c)", "18 U.S.C. § 2703(d)"]),
    (
        "see 18 U.S.C. §§ 2705(b)(1), (2) and (4)",
        [
            "18 U.S.C. § 2705(b)(1)",
            "18 U.S.C. § 2705(b)(2)",
            "18 U.S.C. § 2705(b)(4)",
        ],
    ),
    (
        "as 18 U.S.C. § 2702(b)(8) & (c)(4) permit",
        [
            "18 U.S.C. § 2702(b)(8)",
            "18 U.S.C. § 2702(c)(4)",
        ],
    ),
]


@pytest.mark.parametrize(("text", "cited"), JOINED_CITATIONS)
def test_a_citation_joining_subsections_names_each(text, cited):
    assert authorities(Layout.of(text), Instrument.UNKNOWN) == cited


def test_an_order_under_two_joined_subsections_is_a_2703d_order():
    text = (
        "IN THE CIRCUIT COURT FOR MAPLE COUNTY\n\n"
        "ORDER UNDER 18 U.S.C. § 2703(c), (d)\n\n"
        "Upon the application of the State, the Court finds specific and articulable facts.\n"
        "IT IS ORDERED that Ember Chat disclose the subscriber records of the account "
        "quiet_heron.\n"
    )
    assert classify(Layout.of(text), "US") == Instrument.COURT_ORDER_2703D
