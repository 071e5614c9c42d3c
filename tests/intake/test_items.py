"""The records a demand asks for, one item at a time: an item each must read as its kinds of
data, and a near miss (an unticked box, a record it says it does not want, narrative, the
provider's own name) it must not."""

from __future__ import annotations

import pytest

from custodes.intake.items import item_categories, requested_items
from custodes.intake.layout import Layout

SCHEDULE = "ATTACHMENT B\nRECORDS TO BE PRODUCED\n\n{}\n"


def asked(text: str, own_names=("Parley Social, Inc.",)) -> list[tuple[str, str]]:
    return [(i.text, str(i.category)) for i in requested_items(Layout.of(text), own_names)]


ITEMS = [
    ("1. The subscriber's name, address and telephone number.", {"subscriber"}),
    ("1. Login records with IP addresses and timestamps.", {"transactional"}),
    ("1. The contents of private messages sent or received.", {"content"}),
    ("1. Geotags attached to posts.", {"location"}),
    ("[X] Account creation date and registration e-mail", {"subscriber"}),
    (
        "1. Photographs uploaded to the account, including their location metadata.",
        {"content", "location"},
    ),
]


@pytest.mark.parametrize(("item", "categories"), ITEMS)
def test_an_item_in_the_schedule_is_read_as_its_kinds_of_data(item, categories):
    assert {category for _, category in asked(SCHEDULE.format(item))} == categories


def test_round_bracket_boxes_are_read_with_their_state():
    form = SCHEDULE.format(
        "( X )  Postal address and telephone number on the account\n"
        "(   )  Messages sent from the account\n"
        "(X )   Dates of each login"
    )
    assert {category for _, category in asked(form)} == {"subscriber", "transactional"}


NOT_ITEMS = [
    "[ ] The contents of private messages",  # an unticked box
    "Parley Social, Inc. keeps its records in California.",  # the provider's own name
]


@pytest.mark.parametrize("text", NOT_ITEMS)
def test_a_near_miss_asks_for_nothing(text):
    assert asked(SCHEDULE.format(text)) == []


NARRATIVE = [
    "Dear custodian,\n\nThe officer reviewed the messages and photographs last week.",
    pytest.param(
        "The group asks its followers to share the video of the march.",
        marks=pytest.mark.xfail(
            strict=True,
            reason="what the account asks of others (“asks its followers to share the "
            "video”) is read as an ask of the provider: followers and video as records "
            "(transactional, content)",
        ),
    ),
]


@pytest.mark.parametrize("text", NARRATIVE)
def test_narrative_outside_the_schedule_asks_for_nothing(text):
    assert asked(text) == []


def test_an_item_not_wanted_is_dropped():
    text = SCHEDULE.format("1. Subscriber information (but not the contents of any message)")
    assert {category for _, category in asked(text)} == {"subscriber"}


NOT_ASKED = [
    # who asks: a form's part for the requesting officer, its fields read as no records
    "SECTION 2 -- REQUESTING OFFICER\n  Name / rank:  Sgt. Ada Kerr   Post / unit:  Harbor "
    "Post\n  Phone:  (555) 555-0124\n",
    # a message quoted under the e-mail program's own line is no message asked for
    "Thanks,\nAda\n\n-----Original Message-----\n",
    # a command of the records another part lists, and where to deliver them
    "1.  YOU ARE ORDERED TO PRODUCE THE BUSINESS RECORDS described in item 3, as follows:\n"
    "    To (name of deposition officer): Harbor Copy Services\n"
    "    Location: 40 Pier Road, Suite 2, Bayport\n",
]


@pytest.mark.parametrize("text", NOT_ASKED)
def test_a_part_that_is_not_the_ask_names_no_records(text):
    assert asked(text) == []


def test_a_request_beside_the_requesting_officer_is_still_read():
    text = "REQUESTING OFFICER: Sgt. Ada Kerr\n\nPlease provide the login history of the account."
    assert {category for _, category in asked(text)} == {"transactional"}


def test_the_listed_records_a_command_refers_to_are_read_where_they_are_listed():
    text = (
        "1.  YOU ARE ORDERED TO PRODUCE THE BUSINESS RECORDS described in item 3.\n\n"
        "3.  The records to be produced are described as follows:\n"
        "    a. All IP addresses used to log in to the account.\n"
    )
    assert {category for _, category in asked(text)} == {"transactional"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Please preserve, for the period from March 1, 2026 to the date of this letter, the "
        "account's subscriber information, its IP address and login history.",
        "The provider shall disclose, for each session between May 2, 2026 and May 9, 2026, "
        "the subscriber information and the login history.",
    ],
)
def test_a_dated_scope_before_the_records_is_read_past_its_dates_comma(sentence):
    assert {category for _, category in asked(sentence)} == {"subscriber", "transactional"}


def test_an_officer_who_would_like_to_know_asks_for_what_follows():
    text = "I would like to know who is running it: name, e-mail and the IP address they use."
    assert {category for _, category in asked(text)} == {"subscriber", "transactional"}


def test_what_an_officer_is_after_is_what_he_asks_for():
    text = "All I'm after is the login IP addresses of the account since May 1, 2026."
    assert {category for _, category in asked(text)} == {"transactional"}


def test_what_an_officer_would_like_to_do_asks_for_nothing():
    assert asked("I would like to thank your team for its quick reply last week.") == []


def test_a_sentence_that_asks_the_provider_is_read_without_a_schedule():
    text = "Please provide the login history of the account for May 2026."
    assert {category for _, category in asked(text)} == {"transactional"}


CATEGORIES = [
    ("records of payments, including for promoted posts", ["subscriber"]),
    ("records (the subscriber's name and address)", ["subscriber"]),
    ("the contents of messages, intercepted in real time", ["realtime_content"]),
    # a record of something says no more than "records of": what follows "of" decides
    ("Log of every IP address used to reach the account", ["transactional"]),
    ("A list of the telephone numbers on the account", ["subscriber"]),
    ("the list of contacts kept by the account", ["transactional"]),
    # a notice of each new event is that event captured as it happens
    ("Notice to the case agent of each new login to the account", ["realtime_noncontent"]),
    # a notice of something that is no record asks for none
    ("Notice to the account holder of this subpoena", []),
    # a relative clause without its "that" modifies the head: "post" here is a verb
    ("the IP address they post from", ["transactional"]),
    ("the messages he sent to the victim", ["content"]),
    # who an account belongs to is who holds it; "DMs" are direct messages
    ("who the account belongs to", ["subscriber"]),
    ("her DMs with the victim about the sale", ["content"]),
    ("what belongs to the estate", []),
    # a gloss between typed dashes says which records a bare head means
    ("records -- the name and phone number on file --", ["subscriber"]),
    # a log named by its kind keeps its kind, whatever follows
    ("Call logs of the account for May", ["transactional"]),
    # what is known of each communication, by words that name no record, is its record
    ("For every direct message: the user ID of its author and of its addressee", ["transactional"]),
    ("the hour and size of each e-mail message sent from the account", ["transactional"]),
    ("For all comments posted: the author and the time", ["transactional"]),
    # ... but beside the communications themselves it says which of them, not more
    ("all videos uploaded, with the time of each upload and of each video", ["content"]),
    # what is named of each that is itself content stays content
    ("the text of each message the account sent", ["content"]),
    ("For each message: its subject lines and attachments", ["content"]),
    # all an account holds, but what the item says it does not want
    (
        "all records and data (other than message content) pertaining to the account",
        ["subscriber", "transactional", "location"],
    ),
    # a copy of something is that thing; an acronym in brackets is no gloss
    ("Copies of every chat the account took part in", ["content"]),
    ("Global Positioning System (GPS) coordinates recorded for the phone", ["location"]),
    # where a thing was, said of a communication, is where; not the communication
    ("the geotags on the photos she posted tonight", ["location"]),
    ("all messages, photos and location data in the account", ["content", "location"]),
    # what is said of each message that is its content is content; a deadline's "not" keeps
    # what it governs
    ("the body of each message", ["content"]),
    ("For each message: the sender, the recipients, the time and the body", ["content"]),
    ("the substance of each message", ["content"]),
    ("Not later than ten days after service, all messages stored in the account", ["content"]),
    (
        "Subscriber records and login logs, produced in plain text format",
        ["subscriber", "transactional"],
    ),
    # a log's file is a log
    ("the server log files for the account", ["transactional"]),
    # a clause that opens with "not" is a record not wanted
    ("For each post: its time of posting. NOT its photos or captions.", ["transactional"]),
]


@pytest.mark.parametrize(("text", "categories"), CATEGORIES)
def test_one_items_categories(text, categories):
    assert [str(c) for c in item_categories(text)] == categories


def test_under_a_prospective_introduction_what_an_item_names_is_captured_as_it_happens():
    assert [str(c) for c in item_categories("IP addresses", prospective=True)] == [
        "realtime_noncontent"
    ]


# To whom the records go, named before them, is no record; a record named in capitals is one.
@pytest.mark.parametrize(
    ("text", "categories"),
    [
        (
            "You are directed to furnish the Drug Enforcement Administration (DEA) the name, "
            "address and length of service of the account.",
            {"subscriber"},
        ),
        (
            "You are directed to furnish Agent Marlow all login records of the account.",
            {"transactional"},
        ),
        (
            "You are directed to furnish the Subscriber Information for the account.",
            {"subscriber"},
        ),
    ],
)
def test_the_recipient_before_the_records_is_not_read_as_them(text, categories):
    assert {category for _, category in asked(text)} == categories


def test_a_sentence_that_recites_what_a_law_provides_asks_for_nothing():
    letter = (
        "Chapter 121 of Title 18, as amended, provides that a provider shall disclose\n"
        "stored messages and location history when a court so orders.\n\n"
        "Parley Social, Inc. is hereby directed to provide the subscriber's name and\n"
        "e-mail address."
    )
    assert {category for _, category in asked(letter)} == {"subscriber"}


def test_a_command_whose_subject_is_the_order_is_no_recital():
    order = "This Order requires Parley Social, Inc. to disclose all stored messages."
    assert {category for _, category in asked(order)} == {"content"}


def test_a_law_said_to_require_you_to_act_is_the_ask():
    letter = (
        "Title 18 U.S.C. § 2703(f) requires you to preserve the stored messages of the\n"
        "account quiet_heron pending further legal process."
    )
    assert {category for _, category in asked(letter)} == {"content"}


def test_process_to_be_sought_later_is_not_asked_for_now():
    application = (
        "The United States does not ask for the contents of any message now; it will\n"
        "seek a search warrant for stored messages should the facts support one.\n\n"
        "Parley Social, Inc. shall disclose the subscriber's name and e-mail address."
    )
    assert {category for _, category in asked(application)} == {"subscriber"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The German request also asked for the photographs held in the account.",
        "Your request of June 3 for the videos was answered in full.",
        "That request was made for the purpose of tracing the stolen messages.",
    ],
)
def test_a_request_that_is_a_noun_asks_for_nothing(sentence):
    assert asked(f"{sentence}\n\nSincerely,\n") == []


def test_what_an_accounts_posts_direct_others_to_send_is_not_asked():
    letter = (
        "The storefront's posts show the goods and direct buyers to send messages to pay.\n\n"
        "Sincerely,\n"
    )
    assert asked(letter) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The State requests the login history of the account.",
        "We request all messages sent by the account in May.",
    ],
)
def test_a_request_that_is_a_verb_is_the_ask(sentence):
    assert asked(f"{sentence}\n\nSincerely,\n") != []


def test_a_schedule_named_by_see_and_titled_in_capitals_with_a_full_stop_is_read():
    subpoena = (
        "          SUBPOENA TO PRODUCE RECORDS IN A CIVIL CASE\n\n"
        "[X] YOU ARE COMMANDED to produce at the place below the following material:   SEE\n"
        "EXHIBIT 1.\n\n"
        "Place: Office of counsel, 1 Main Street\n\n"
        "                              EXHIBIT 1\n\n"
        "INSTRUCTIONS. Produce each record in the form in which it is kept. The Plaintiff says\n"
        "the defendant took the photographs from the studio.\n\n"
        "MATERIAL TO BE PRODUCED.\n\n"
        "  1.  Documents sufficient to show the subscriber's name and postal address.\n"
        "  2.  For every session, the IP address and the time it began.\n"
    )
    # the instructions' narrative is no item
    assert {category for _, category in asked(subpoena)} == {"subscriber", "transactional"}


def test_an_item_that_opens_a_list_is_read_by_its_list():
    schedule = SCHEDULE.format(
        "II.  All data held about the account (but no content), including:\n"
        "     (1)  the IP address of each session and when it began;\n"
        "     (2)  the accounts it follows."
    )
    assert {category for _, category in asked(schedule)} == {"transactional"}


@pytest.mark.parametrize(
    ("letter", "categories"),
    [
        (
            "Wir ersuchen um Übermittlung folgender Daten für den Zeitraum vom 01.03.2026 bis\n"
            "30.04.2026:\n"
            "  1. Bestandsdaten des Kontos;\n"
            "  2. die IP-Adressen aller Anmeldungen.\n",
            {"subscriber", "transactional"},
        ),
        (
            "Solicito a Vossa Senhoria que forneça, no período de 01/03/2026 a\n"
            "30/04/2026:\n"
            "  a) os dados cadastrais do titular;\n"
            "  b) o conteúdo das mensagens privadas.\n",
            {"subscriber", "content"},
        ),
        (
            "Le prions de bien vouloir nous communiquer, du 01/03/2026 au 30/04/2026 :\n"
            "  1°) l'identité du titulaire du compte ;\n"
            "  2°) les adresses IP de connexion.\n",
            {"subscriber", "transactional"},
        ),
        (
            "Me permito solicitar la siguiente información:\n"
            "  1. Datos de registro del suscriptor.\n"
            "  2. Registros de conexión con direcciones IP.\n",
            {"subscriber", "transactional"},
        ),
    ],
)
def test_a_foreign_letters_list_of_records_is_read_in_its_language(letter, categories):
    assert {category for _, category in asked(letter)} == categories


def test_a_foreign_letters_negation_keeps_a_record_out():
    letter = (
        "Wir bitten um folgende Daten:\n  1. Bestandsdaten;\n"
        "  2. Inhalte von Nachrichten werden nicht erbeten.\n"
    )
    assert {category for _, category in asked(letter)} == {"subscriber"}


def test_an_item_wrapped_onto_a_line_in_capitals_goes_on_to_the_next_item():
    schedule = SCHEDULE.format(
        "1. Login records: the IP address and port of each login to the\n"
        "   SUBJECT ACCOUNT.\n\n"
        "2. All photographs stored in the SUBJECT ACCOUNT."
    )
    assert {category for _, category in asked(schedule)} == {"transactional", "content"}
