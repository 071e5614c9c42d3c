"""The rules defined by meaning, on wording of our own that no sample demand uses.

ANONYMOUS_SPEECH_RISK: the reason given is what the account said or published.
AUTHORITY_MISMATCH: an administrative subpoena's statute does not reach the stated purpose.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custodes.law import meaning
from custodes.law.vocab import Code
from tests.helpers import decide

SPEECH_IS_THE_REASON = [
    # an accusation's object runs on to the end of its clause, however long
    "The account has posted videos accusing the county sheriff of taking money from a towing "
    "company in return for quietly dropping an investigation into its billing fraud; the "
    "sheriff's office wishes to learn who runs it.",
    # an offence's word inside what the account is quoted as saying is no offence investigated
    "The account has posted about the mayor and the council every day since June. Its pinned "
    'note reads "frauds and thieves, every one". The city wishes to learn who runs it.',
    "The FBI seeks the identity of whoever runs a blog that has repeatedly criticized the "
    "Sheriff's handling of deaths in the county jail.",
    "The account live-streams immigration arrests in Chicago and alerts neighbours when agents "
    "are seen nearby; we need to learn who operates it for the protection of our personnel.",
    "Identify the author of an anonymous newsletter that published internal memos embarrassing "
    "the county commissioner.",
    "The user organised a walkout and a rally outside city hall and encouraged students to "
    "skip class in protest of the governor's policies.",
    "The handle has been harassing agency staff online with hostile and inflammatory posts "
    "about Border Patrol operations.",
    "Plaintiff alleges that the anonymous reviewer wrote false and disparaging statements about "
    "its restaurant, damaging its reputation.",
    "A reporter's account has been reporting on misconduct inside the police department; the "
    "department wishes to learn who she is.",
    "Interference with federal operations: the page shares photos of immigration officers' "
    "faces and vehicles and tells followers where checkpoints are.",
    # a leak called a theft is still the publishing of what an agency holds
    "The state is investigating the theft of agency property: the account posted leaked "
    "internal audit records of the water department and commentary mocking its director.",
    "Possible larceny of government records, relating to the blog's unauthorized publication of "
    "the police department's internal memoranda on use of force.",
    "The channel has been publishing posts against the state's home minister and senior police "
    "officers, alleging corruption in the recruitment of constables.",
]

A_CRIME_IS_THE_REASON = [
    "The account advertised counterfeit designer handbags and collected payments from buyers "
    "who never received the goods.",
    "Investigation into the sale of fentanyl-laced pills through direct messages.",
    "The user posted threats to shoot students at Lincoln High School on Monday.",
    "The account sent sexually explicit images to a 13-year-old and asked her to meet.",
    "The subscriber is suspected of laundering the proceeds of a ransomware attack on a hospital.",
    "A homicide investigation: the victim's last messages were exchanged with this account.",
    "Identity theft: the account was used to open credit lines in victims' names after a SIM swap.",
    "The account posted photos of a stolen car it offered for sale to buyers in the county.",
    # civil suits over conduct, not speech
    "Plaintiff alleges that each Doe defendant shared its films over a peer-to-peer torrent "
    "swarm, infringing its copyrights.",
    "The account holder uploaded each of the videos listed, each an unauthorized copy of the "
    "plaintiff's registered film.",
    "Plaintiff alleges she slipped on a wet ramp at defendant's store and seeks photographs the "
    "account posted of the ramp that afternoon.",
    "In the divorce proceeding, petitioner seeks videos the respondent posted of the children.",
]


@pytest.mark.parametrize("purpose", SPEECH_IS_THE_REASON)
def test_speech_as_the_reason_raises_the_risk(purpose):
    assert Code.ANONYMOUS_SPEECH_RISK in decide(purpose=purpose).codes


@pytest.mark.parametrize("purpose", A_CRIME_IS_THE_REASON)
def test_a_crime_other_than_speech_does_not(purpose):
    assert Code.ANONYMOUS_SPEECH_RISK not in decide(purpose=purpose).codes


# Selling by deceit is fraud, however much of it is done in words: a promoter's false claims
# about what it sells or trades, and the speech that went with it, are conduct.
DECEIT_IN_TRADE = [
    "The Division is looking into whether the users posted false statements about a "
    "mining company's drilling results to lift its share price, then secretly sold their "
    "own holdings.",
    "The account's operators published testimonials and income claims promising students "
    "$10,000 a month from a reselling course; the Bureau is examining these unfair or "
    "deceptive acts in commerce.",
    "Staff are investigating misrepresentations in online posts advertising a crypto token "
    "whose promoters described it as insured by the government.",
]

# Speech about deceit in trade, or about an official, is still speech; and the demand's
# words about itself ("as described in Item 2") are no one's speech.
SPEECH_ABOUT_DECEIT = [
    "The company wants to learn who wrote the reviews calling its marketing deceptive and its "
    "prices a scam on retirees.",
    "The account posted a thread accusing the county treasurer of misrepresenting the budget "
    "to the council.",
]
NO_SPEECH_AT_ALL = [
    "An inquiry into matters described in Item 2 concerning the business named in the schedule.",
    "The records of said account are sought for the matters stated in the attached "
    "resolution about agency business.",
]


@pytest.mark.parametrize("purpose", DECEIT_IN_TRADE + NO_SPEECH_AT_ALL)
def test_deceit_in_trade_and_the_demands_own_words_are_no_speech(purpose):
    assert Code.ANONYMOUS_SPEECH_RISK not in decide(purpose=purpose).codes


@pytest.mark.parametrize("purpose", SPEECH_ABOUT_DECEIT)
def test_speech_about_deceit_is_still_speech(purpose):
    assert Code.ANONYMOUS_SPEECH_RISK in decide(purpose=purpose).codes


def test_speech_about_a_crime_is_still_speech():
    purpose = "The channel publishes videos of police shootings and calls for the officers' names."
    assert Code.ANONYMOUS_SPEECH_RISK in decide(purpose=purpose).codes


def test_no_stated_reason_raises_nothing():
    assert Code.ANONYMOUS_SPEECH_RISK not in decide(purpose=None).codes


OUTSIDE_THE_FIELD = [
    (
        "19 U.S.C. § 1509",
        "Identify the operator of a page that criticizes the agency's leadership.",
    ),
    (
        "8 U.S.C. § 1225(d)",
        "Determine who runs an account that posts videos of raids and urges "
        "people to show up at them.",
    ),
    ("21 U.S.C. § 876", "Identify the author of posts accusing a DEA agent of lying in court."),
    (
        "18 U.S.C. § 3486",
        "Identify the person who e-mailed a federal prosecutor to complain about her office.",
    ),
    ("19 U.S.C. 1509", "An inquiry into threats against agency personnel made online."),
    ("8 USC 1225(d)(4)", "Officer safety: the account reports the movements of enforcement teams."),
    # the law named as the authority, and an agency's name, are no purpose
    (
        "21 U.S.C. § 876",
        "An officer of the Drug Enforcement Administration, acting pursuant to the Controlled "
        "Substances Act, investigates the theft of farm equipment sold through the account.",
    ),
]

INSIDE_THE_FIELD = [
    (
        "19 U.S.C. § 1509",
        "Inquiry into the undervaluation of imported electronics and unpaid "
        "duties by an importer that advertises on the platform.",
    ),
    (
        "8 U.S.C. § 1225(d)",
        "The subject, a Honduran national, overstayed his visa and is in "
        "removal proceedings; we seek his current address.",
    ),
    ("21 U.S.C. § 876", "Investigation of an account selling counterfeit oxycodone pills."),
    # the law named as broken is the purpose
    ("21 U.S.C. § 876", "Sales of listed chemicals in violation of the Controlled Substances Act"),
    (
        "18 U.S.C. § 3486",
        "Investigation of a Medicare billing fraud scheme by a home-health agency.",
    ),
    ("18 U.S.C. § 3486", "Investigation of the sexual exploitation of a minor (18 U.S.C. § 2251)."),
    (
        "19 U.S.C. § 1509",
        "Smuggling of goods through the port of Long Beach without declaring them.",
    ),
]


@pytest.mark.parametrize(("statute", "purpose"), OUTSIDE_THE_FIELD)
def test_a_purpose_outside_the_statutes_field_is_a_mismatch(statute, purpose):
    decision = decide(instrument="administrative_subpoena", authority=[statute], purpose=purpose)
    assert Code.AUTHORITY_MISMATCH in decision.codes


@pytest.mark.parametrize(("statute", "purpose"), INSIDE_THE_FIELD)
def test_a_purpose_inside_the_statutes_field_is_not(statute, purpose):
    decision = decide(instrument="administrative_subpoena", authority=[statute], purpose=purpose)
    assert Code.AUTHORITY_MISMATCH not in decision.codes


def test_without_a_stated_purpose_no_mismatch_is_guessed():
    decision = decide(
        instrument="administrative_subpoena", authority=["19 U.S.C. § 1509"], purpose=None
    )
    assert Code.AUTHORITY_MISMATCH not in decision.codes


def test_a_statute_the_pack_does_not_map_is_not_judged():
    decision = decide(
        instrument="administrative_subpoena",
        authority=["49 U.S.C. § 46104"],
        purpose="Identify a critic of the agency.",
    )
    assert Code.AUTHORITY_MISMATCH not in decision.codes


def test_enforcing_child_support_is_no_attack_on_speech():
    purpose = (
        "The obligor owes child support arrears and keeps posting photographs of a new boat; "
        "the agency needs his address to enforce the support order."
    )
    assert Code.ANONYMOUS_SPEECH_RISK not in decide(purpose=purpose).codes


@pytest.mark.parametrize(
    "purpose",
    [
        # a danger to life the emergency describes
        "Tonight the user posted a picture of a rope with the words 'this is goodbye'. Her "
        "teacher believes she will try to kill herself before morning.",
        # a form's own words: the box's printed words name an officer, and the instruction
        # after it "calls for" nothing
        "[X] Danger known to the requesting officer; details withheld. Call for a briefing "
        "at any hour.",
    ],
)
def test_an_emergency_is_no_attack_on_speech(purpose):
    emergency = decide(purpose=purpose, instrument="emergency_request", emergency=True)
    assert Code.ANONYMOUS_SPEECH_RISK not in emergency.codes


def test_speech_about_an_officer_written_beside_a_box_is_still_read():
    purpose = (
        "[X] Other: the account calls for protests against the officer who runs the county "
        "jail. We need to learn who runs the account."
    )
    decision = decide(purpose=purpose)
    assert Code.ANONYMOUS_SPEECH_RISK in decision.codes


# The form's words as the plain pattern would find them; `meaning._FORM_WORDS` is written to
# open with the characters they start with, which is quicker, and must find the same.
_PLAIN_FORM_WORDS = re.compile(
    r"(?:\[\s*[xX✓✔]?\s*\]|\((?:\s+[xX✓✔*•]?|[xX✓✔](?=\s)|[*•])\s*\)|[☐☒☑□■])"
    r"[^\[\]☐☒☑□■:.?]{0,100}|\b[A-Z][A-Z ,/()'-]{8,}:"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="[]xX* ☐■ABCDEFGHabyé,/().:-'1_\n", max_size=80))
def test_the_form_words_pattern_finds_what_the_plain_one_finds(text):
    found = [m.span() for m in meaning._FORM_WORDS.finditer(text)]
    assert found == [m.span() for m in _PLAIN_FORM_WORDS.finditer(text)]
