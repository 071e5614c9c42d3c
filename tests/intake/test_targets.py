"""Targets read from how a demand lays them out: a table of addresses and times, a block of
labelled fields, a field whose value runs on below it, a signature block. Each demand here is
made up; none copies a sample's wording."""

from __future__ import annotations

from custodes.intake import extract_request


def _selectors(text: str) -> list[tuple[str, str, str | None]]:
    return [(str(s.kind), s.value, s.at) for s in extract_request(text).selectors]


def test_one_address_at_two_times_is_two_targets_each_in_its_column_zone():
    text = """SUBPOENA TO PRODUCE RECORDS (18 U.S.C. § 3486)

Schedule of sessions

 Row   Address            Seen at (UTC)
 ---   ----------------   -------------------
  a    192.0.2.41         2026-03-02 08:15:00
  b    192.0.2.41         2026-03-09 19:40:30

Produce the name and address of the subscriber assigned each address at that time.
"""
    assert _selectors(text) == [
        ("ip", "192.0.2.41", "2026-03-02T08:15:00Z"),
        ("ip", "192.0.2.41", "2026-03-09T19:40:30Z"),
    ]


def test_an_address_is_dated_by_the_time_field_of_its_block():
    text = """ADMINISTRATIVE SUBPOENA (21 U.S.C. § 876)

Target connection
   Address:        192.0.2.77
   Port used:      40001 (shared address; the port tells the customers apart, please
                   use it)
   Observed:       March 4, 2026, 07:30:12 CST

Produce subscriber information for the customer using the address above.
"""
    assert _selectors(text) == [("ip", "192.0.2.77", "2026-03-04T07:30:12-06:00")]


def test_a_zone_written_out_is_read_by_its_initials():
    text = """SEARCH WARRANT

Property to be searched: the account that signed in from 192.0.2.9 on
   June 2, 2026 at 4:05:00 p.m. Mountain Standard Time.
"""
    assert _selectors(text) == [("ip", "192.0.2.9", "2026-06-02T16:05:00-07:00")]


def test_a_mail_domain_written_with_an_at_sign_is_no_handle():
    text = """GRAND JURY SUBPOENA

Produce the subscriber records of the account @harbor_gull and of every account
registered with an address ending in "@usmarshals.gov" or "@gmail.com".
"""
    assert _selectors(text) == [("username", "harbor_gull", None)]


def test_the_officers_signature_block_names_no_target():
    text = """1.  The account we ask about is:

        Username:   quiet.heron_22
        Recovery e-mail:   qheron22@example.org

2.  Please provide the subscriber details held for it.

Kind regards,

/s/ Tomas Ferreira-Lind

Tomas Ferreira-Lind
Senior Constable, Cyber Unit
Email:  tomas.ferreira-lind@police.example.gov.au
Phone:  +61 3 5550 0199
"""
    assert _selectors(text) == [
        ("username", "quiet.heron_22", None),
        ("email", "qheron22@example.org", None),
    ]


def test_a_field_runs_on_in_the_lines_indented_under_its_value():
    text = """SUBPOENA DUCES TECUM

Customer:  Brightline account No. 88120931
           Holder of record: Gull Point Marine, Inc.
           Fax line at the premises: (410) 555-0137

Contact:   AUSA Priya Nandakumar, (410) 555-0100
"""
    assert _selectors(text) == [
        ("account_id", "88120931", None),
        ("phone", "+14105550137", None),
    ]


def test_a_label_wrapped_over_two_lines_is_read_whole():
    text = """EMERGENCY DISCLOSURE REQUEST

TARGETS

   Username:                  @marsh.wren_5
   Number on the account (as
   given in a friend's contact list):   410-555-0172
"""
    assert ("phone", "+14105550172", None) in _selectors(text)


def test_a_handle_quoted_in_an_account_field_is_a_target_but_not_a_display_name():
    text = """Platform:        Example Chat
Account:         the chat user "dune.runner.7"
                 Display name: "Major Dune (Retired)"
"""
    assert _selectors(text) == [("username", "dune.runner.7", None)]


def test_a_sentence_under_a_field_does_not_run_into_the_line_below():
    text = """From the desk of: Inv. Carla Mendes, Harbor City Police
Note: Order attached, the suspect is still posting
  carla.mendes@harborcity.gov / 410-555-0111
---------------------------------------------------------------
SEARCH WARRANT for the account of user "tidal.echo" (Username: tidal.echo)
"""
    assert _selectors(text) == [("username", "tidal.echo", None)]


def test_the_fields_of_an_accounts_record_are_its_own_and_those_of_an_officers_are_not():
    text = """ORDER (18 U.S.C. § 3123)

Requesting officer:   Inv. Hal Moreno
Office phone:         (410) 555-0190

SUBJECT:
  Account number:     770312946
  Shown as:           "Marsh Light"
  Linked phone:       +1 (410) 555-0166
"""
    assert _selectors(text) == [
        ("account_id", "770312946", None),
        ("phone", "+14105550166", None),
    ]


def test_each_row_of_a_table_with_a_type_column_is_the_kind_it_names():
    text = """SCHEDULE A

   | Ref | Identifier              | Type                  |
   |-----|-------------------------|-----------------------|
   |  1  | reef.diver.88           | Example Chat username |
   |  2  | 5518820934              | Example account number|
   |  3  | (410) 555-0145          | Phone on the account  |

   Identifier        Type
   ----------        ----
   Kelp.Mail@example.org   E-mail address
"""
    assert _selectors(text) == [
        ("username", "reef.diver.88", None),
        ("account_id", "5518820934", None),
        ("phone", "+14105550145", None),
        ("email", "kelp.mail@example.org", None),
    ]


def test_the_requester_is_the_officer_of_the_contact_block_with_the_phone_beside_the_e_mail():
    text = """EMERGENCY DISCLOSURE REQUEST

   Officer:           Senior Investigator Maren T. Oduya, Badge 4410
   Official e-mail:   maren.oduya@harborcity.gov
   Direct phone:      (410) 555-0120    24-hr desk:   (410) 555-0100

TARGET

   Username:          @tidepool.kid
   Phone he uses:     (410) 555-0188
"""
    request = extract_request(text)
    assert (request.requester.name, request.requester.email, request.requester.phone) == (
        "Maren T. Oduya",
        "maren.oduya@harborcity.gov",
        "+14105550120",
    )
    assert [s.value for s in request.selectors] == ["tidepool.kid", "+14105550188"]


def test_an_ip_address_keeps_the_source_port_it_is_given_with():
    text = """SUBPOENA
The subscriber assigned each address below at the time shown:

   IP address          Port     Time (UTC)
   198.51.100.14       40871    2026-10-02 11:04:05
   203.0.113.9:5120              2026-10-03 09:00:00

and the subscriber who logged in from IP address 192.0.2.44, source port
61002, on October 5, 2026 at 10:00 a.m. UTC.
"""
    ports = {s.value: s.port for s in extract_request(text).selectors if str(s.kind) == "ip"}
    assert ports == {"198.51.100.14": 40871, "203.0.113.9": 5120, "192.0.2.44": 61002}


def test_a_username_is_kept_as_the_demand_writes_it_and_read_once_in_any_case():
    text = """SUBPOENA
Account: username @HarbourLights_77 (also written harbourlights_77 in the complaint).
Produce the subscriber name of the account @HARBOURLIGHTS_77.
"""
    usernames = [s.value for s in extract_request(text).selectors if str(s.kind) == "username"]
    assert usernames == ["HarbourLights_77"]
