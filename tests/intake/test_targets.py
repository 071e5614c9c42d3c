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
