"""The targets a demand names, read line by line: a line each must read as its target, and
a near miss (an officer's own contact line, a mail domain, a bank's account number) that
names none."""

from __future__ import annotations

import pytest

from custodes.intake.dates import DateOrder
from custodes.intake.layout import Layout
from custodes.intake.selectors import extract_selectors, target_lines


def targets(text: str, region: str = "US") -> list[tuple[str, str]]:
    return [(str(s.kind), s.value) for s in _found(text, region)]


def _found(text: str, region: str = "US"):
    layout = Layout.of(text)
    return extract_selectors(layout, region, set(), target_lines(layout), DateOrder.of(region))


READS = [
    (
        'the game account "reef_runner" (player ID RR-5501937)',
        [("username", "reef_runner"), ("account_id", "RR-5501937")],
    ),
    # a handle on the line after a sentence that speaks of a call is still a target
    (
        'The victim got a call and then messages from the Parley account\n"heron.vale" -- her own.',
        [("username", "heron.vale")],
    ),
    # the name a demand gives the account once is no handle
    ('Account:  Parley username "heron.vale" (the "Account")', [("username", "heron.vale")]),
    # a handle labelled with its link is the link, not a username "https"
    (
        "Photo handle ........ https://parley.example/u/reedwarbler",
        [("url", "https://parley.example/u/reedwarbler")],
    ),
    ("Username: marsh.harrier_22", [("username", "marsh.harrier_22")]),
    ("the account @quietbrook and its posts", [("username", "quietbrook")]),
    ("Account e-mail: Lena.Voss@example.net", [("email", "lena.voss@example.net")]),
    ("Phone number on the account: (415) 555-0162", [("phone", "+14155550162")]),
    ("The account ID 5520193847 held by the user", [("account_id", "5520193847")]),
    (
        "Profile: https://parley.example/u/reedwarbler",
        [("url", "https://parley.example/u/reedwarbler")],
    ),
    # a numbered list of fields set out with dot leaders
    ("  1.  Chat username ............ heron.vale_9", [("username", "heron.vale_9")]),
    # a profile link written without its scheme, on the line that names the account
    (
        "Accounts:   parley.example/reedwarbler   (username reedwarbler)",
        [("url", "https://parley.example/reedwarbler"), ("username", "reedwarbler")],
    ),
    # the user named in a schedule's "Re:" line, and the phone beside it
    (
        'Re: Parley user "heron.vale" / phone (415) 555-0162',
        [("phone", "+14155550162"), ("username", "heron.vale")],
    ),
    # an address whose holder's records are asked for
    (
        "the records of the holder of the Parley Mail address Kite.R@example.org.",
        [("email", "kite.r@example.org")],
    ),
    # a sentence that names the account and runs on over two more lines
    (
        'Subscriber records for the Parley account "reed.w",\n'
        "also identified by a telephone number and e-mail address\n"
        "reed.w@example.net, for the period of May 2026.",
        [("username", "reed.w"), ("email", "reed.w@example.net")],
    ),
    # a Brazilian letter's account ("conta"), as its own language names it
    ("   a) conta de e-mail: pix.ganhador@example.com", [("email", "pix.ganhador@example.com")]),
    # a phone below the label it stands under, alone on its line
    (
        "    (c) Mobile number given to victims and believed used by the account:\n"
        "                          (415) 555 0162",
        [("phone", "+14155550162")],
    ),
    # an account number whose label ends the line above is no phone number as well
    (
        "the Parley account with the username reed_w, Parley account\n"
        "number 4155550162, registered to telephone number (973) 555-0118",
        [
            ("username", "reed_w"),
            ("account_id", "4155550162"),
            ("phone", "+19735550118"),
        ],
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
    # "handle" the verb, before a pronoun, is no handle's label
    "We are hoping you can handle this informally.",
    # a sentence about the account that ended before the line with the number
    "The account was opened in May.\nThe shop's number, 415-555-0162, is on its sign.",
    # the printed page's own address, in its header or footer
    "https://portal.parley.example/requests/ER-2211              Page 1 of 2",
    # a link without its scheme where no account is spoken of (the provider's portal)
    "To:  Parley, Inc. (served via its portal, parley.example/lawenforcement)",
]


def test_a_table_whose_header_names_a_columns_kind_is_read_by_its_columns():
    table = (
        "+----+------------------+---------------------------+------------------------+\n"
        "| #  | Parley handle    | Other identifier          | Period                 |\n"
        "+----+------------------+---------------------------+------------------------+\n"
        "| 1  | heron.vale       | e-mail: Heron@example.net | 02/01/2026 - 03/31/2026 |\n"
        "| 2  | kite_runner9     | +1 415 555 0162           | 02/01/2026 - 03/31/2026 |\n"
        "+----+------------------+---------------------------+------------------------+\n"
    )
    assert targets(table) == [
        ("username", "heron.vale"),
        ("email", "heron@example.net"),
        ("username", "kite_runner9"),
        ("phone", "+14155550162"),
    ]


def test_a_table_whose_header_names_no_kind_of_target_names_none():
    table = (
        "| Exhibit | Description         | Pages |\n"
        "| 1       | Invoice no. 2231    | 4     |\n"
        "| 2       | Receipt of 3/1/2026 | 1     |\n"
    )
    assert targets(table) == []


def test_the_providers_own_reply_quoted_under_a_wrapped_attribution_names_no_target():
    mail = (
        "From: Det. Ray Oake <roake@police.example.gov>\nTo: Parley LE <le@parley.example>\n"
        "Subject: Re: account\n\nWho holds the account lakeside.rower_4, please?\n\n"
        "On Thu, Nov 19, 2026 at 4:52 PM Parley Law Enforcement Response\n"
        "<le@parley.example> wrote:\n> Please see our guidelines at "
        "https://parley.example/legal/le for the process we accept.\n"
    )
    assert targets(mail) == [("username", "lakeside.rower_4")]


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Betroffenes Konto:\n    Benutzername:   elbe_fahrrad_42\n",
            [("username", "elbe_fahrrad_42")],
        ),
        ("Cuenta investigada:\n    Usuario:  cali.ventas_ya\n", [("username", "cali.ventas_ya")]),
        ('a conta "joao.pneus.sp" mantida no aplicativo', [("username", "joao.pneus.sp")]),
    ],
)
def test_a_target_labelled_as_foreign_police_label_it_is_read(text, expected):
    assert targets(text, "DE") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Solicitud de información de usuario\nNoticia criminal No. 4417\n",
        "a) dados cadastrais do usuário: nome, e-mail e telefone;\n",
    ],
)
def test_a_foreign_word_for_user_before_a_word_names_no_target(text):
    assert targets(text) == []


def test_a_foreign_table_with_a_type_column_is_read_by_its_types():
    table = (
        "Betroffene Konten:\n"
        "   Nr.  Art der Kennung       Kennung\n"
        "   1    E-Mail-Adresse        Oder.Kiosk@example.net\n"
        "   2    Benutzername          oder_kiosk\n"
    )
    assert set(targets(table, "DE")) == {
        ("email", "oder.kiosk@example.net"),
        ("username", "oder_kiosk"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Accounts:\n  1. heron.vale\n  2. kiterunner\n",
        '  2.  "Accounts" means the following Parley accounts:\n'
        '        (a) heron.vale\n        (b) kiterunner\n  3.  "Period" means May 2026.\n',
    ],
)
def test_handles_set_out_bare_in_a_list_of_accounts_are_targets(text):
    assert targets(text) == [("username", "heron.vale"), ("username", "kiterunner")]


@pytest.mark.parametrize(
    "text",
    [
        "Records:\n  1. logins\n  2. messages\n",  # a list of records, not of accounts
        "Accounts on other services:\n  1. Facebook\n  2. Instagram\n",  # names of services
        "Accounts:\n  1. heron.vale\n\nRecords:\n  1. logins\n",  # the list ends at a blank line
    ],
)
def test_words_in_a_list_are_no_handles_outside_a_list_of_accounts(text):
    assert ("username", "logins") not in targets(text)
    assert not {v for k, v in targets(text)} & {"messages", "Facebook", "Instagram"}


def test_a_table_drawn_in_lines_whose_cells_wrap_is_read_whole():
    table = (
        " ┌────┬──────────────────┬──────────────┐\n"
        " │ #  │ Parley username  │ Parley ID    │\n"
        " ├────┼──────────────────┼──────────────┤\n"
        " │ 1  │ heron_           │ 5520193847   │\n"
        " │    │ vale88           │              │\n"
        " └────┴──────────────────┴──────────────┘\n"
    )
    assert ("username", "heron_vale88") in targets(table)


def test_what_a_type_cell_says_after_its_type_is_the_values():
    table = (
        "| # | Value         | Type                      |\n"
        "| 1 | 198.51.100.23 | IPv4; 2026-04-14 18:22:09 |\n"
        "|   |               | UTC                       |\n"
    )
    [ip] = [s for s in _found(table) if s.kind == "ip"]
    assert ip.at and ip.at.startswith("2026-04-14T18:22:09")


def test_a_device_identifiers_label_names_no_device():
    assert targets("The account's device identifiers are asked for: +1 (415) 555-0162") == [
        ("phone", "+14155550162")
    ]


def test_a_row_of_its_own_under_a_grouped_first_cell_is_not_joined_to_the_row_above():
    table = "| Target 1 | Username | steel.city |\n|  | Phone | +1 412 555 0188 |\n"
    assert ("username", "Phone") not in targets(table)
