"""A requester's address: one mailbox, normalised, or a refusal that says what is wrong and
what to give instead. The addresses that answered 500 at sign-up (issue 13) among them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custodes.law.addresses import parse_address
from custodes.law.refusal import Refused


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("officer@fbi.gov.", "cannot end with a period"),
        ("a@gmail.com,b@fbi.gov", "holds more than one address"),
        ("a@gmail.com; b@fbi.gov", "holds more than one address"),
        ("a@evil.com\n@fbi.gov", "holds more than one address"),
        ("<a@gmail.com>b@fbi.gov", "holds more than one address"),
        ("SA Dana Reyes <dana@fbi.gov>", "has a name, brackets or quotes"),
        ('"dana reyes"@fbi.gov', "has a name, brackets or quotes"),
        ("dana@xn--zz.gov", "not valid IDNA"),
        ("dana@[192.0.2.1]", "bracketed IP address"),
        ("dana@fbi", "It should have a period"),
        ("dana.fbi.gov", "must have an @-sign"),
        ("", "The e-mail address is missing"),
    ],
)
def test_a_malformed_address_is_refused_saying_what_is_wrong(text, said):
    with pytest.raises(Refused) as refused:
        parse_address(text)
    assert said in str(refused.value)
    assert "Give your own official address alone, as in name@agency.gov." in str(refused.value)


def test_a_line_break_is_shown_escaped_not_as_a_new_line():
    with pytest.raises(Refused) as refused:
        parse_address("a@evil.com\n@fbi.gov")
    assert "'a@evil.com\\n@fbi.gov'" in str(refused.value)


def test_one_mailbox_has_one_spelling():
    address = parse_address("  Dana.Reyes@FBI.Gov ")
    assert address.email == "dana.reyes@fbi.gov"
    assert address.domain == address.ascii_domain == "fbi.gov"


def test_a_domain_in_another_script_keeps_both_forms():
    address = parse_address("a@xn--fb-ioc.gov")  # a Cyrillic і: vetting refuses it, later
    assert address.domain == "fbі.gov" and address.ascii_domain == "xn--fb-ioc.gov"


@given(st.text(max_size=80))
def test_any_text_is_an_address_or_a_refusal(text):
    try:
        address = parse_address(text)
    except Refused as refused:
        assert str(refused)
    else:
        assert address.email.count("@") == 1 and address.ascii_domain.isascii()
