"""The redactions custodes proposes, on text alone."""

from __future__ import annotations

from custodes.publishing.redaction import (
    ACCOUNT,
    EMAIL,
    NAME,
    PHONE,
    TARGET,
    Span,
    apply,
    merge,
    occurrences,
    propose,
    still_visible,
)

TEXT = """To: Parley Social, Inc.
Account: "@eastside.ice.watch" (https://parley.example/eastside.ice.watch)
Subscriber name: Maria Lopez, reached at maria.l@example.org or +1 415 555 0199.
Payment card 4111 1111 1111 1111; IBAN DE89 3704 0044 0532 0130 00.
Contact: SA L. Burke, l.burke@ice.dhs.gov, (202) 555-0144. Witness: Mr. John Smith.
Case No. 3:17-cv-01916, issued 2026-02-26.
"""


def kinds(text, spans):
    return {text[s.start : s.end]: s.kind for s in spans}


def test_it_proposes_targets_contacts_names_and_account_numbers():
    spans = propose(TEXT, ["@eastside.ice.watch"], ["l.burke@ice.dhs.gov", "2025550144"])
    found = kinds(TEXT, spans)
    assert found["eastside.ice.watch"] == TARGET
    assert found["l.burke@ice.dhs.gov"] == EMAIL
    assert found["(202) 555-0144"] == PHONE
    assert found["maria.l@example.org"] == EMAIL
    assert found["+1 415 555 0199"] == PHONE
    assert found["Maria Lopez"] == NAME and found["John Smith"] == NAME
    assert found["4111 1111 1111 1111"] == ACCOUNT
    assert found["DE89 3704 0044 0532 0130 00"] == ACCOUNT
    # what is not private stays: the provider, the officer's name, the court's case number
    redacted = apply(TEXT, spans)
    for kept in ("Parley Social, Inc.", "SA L. Burke", "3:17-cv-01916", "2026-02-26"):
        assert kept in redacted
    assert "eastside" not in redacted and "555" not in redacted and "Lopez" not in redacted
    assert redacted.count("[target]") == 2


def test_a_value_is_found_whatever_its_case_or_separators():
    assert occurrences("call 202.555.0144 or (202) 555-0144", "+1 202 555 0144") == [
        (5, 17),
        (21, 35),
    ]
    assert occurrences("User @EastSide", "eastside") == [(6, 14)]
    assert occurrences("from 192.168.1.10 and 92.168.1.10", "192.168.1.10") == [(5, 17)]


def test_overlapping_spans_merge_and_a_target_wins():
    merged = merge([Span(0, 5, EMAIL), Span(3, 9, TARGET), Span(20, 22, NAME)])
    assert merged == [Span(0, 9, TARGET), Span(20, 22, NAME)]


def test_still_visible_names_what_a_text_shows():
    assert still_visible("[target] and Bob", ["bob", "eastside"]) == ["bob"]
