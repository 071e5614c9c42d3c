"""Where each field of a request was read: a value each must be found at, on the line the
document writes it (in its own spelling), and a near miss (the value inside a longer word,
a value the document never writes) that must be left unfound rather than guessed."""

from __future__ import annotations

import pytest

from custodes.intake.sources import find_sources
from tests.helpers import request

LETTER = """\
GRAND JURY SUBPOENA
To: Parley Social, Inc.

Please produce the subscriber records of the accounts below.

Username: tidepool_43
Telephone on the account: (415) 555-0162
E-mail: Wren.Okafor@example.net
Profile: https://parley.example/u/tidepool_43?utm_source=share
"""

FOUND = [
    # (the selector as the request holds it, the line of LETTER it was read from)
    ({"kind": "username", "value": "tidepool_43"}, 6),
    ({"kind": "phone", "value": "+14155550162"}, 7),
    ({"kind": "email", "value": "wren.okafor@example.net"}, 8),
    ({"kind": "url", "value": "https://parley.example/u/tidepool_43"}, 9),
]

UNFOUND = [
    {"kind": "username", "value": "tidepool"},  # only inside a longer name
    {"kind": "username", "value": "someone_else"},  # never written
    {"kind": "phone", "value": "+14155550199"},  # another number
]


def sources_of(selector: dict):
    return find_sources(LETTER, request(selectors=[selector]))


@pytest.mark.parametrize(("selector", "line"), FOUND)
def test_a_target_is_found_where_the_document_writes_it(selector, line):
    span = sources_of(selector).span("selectors-0")
    assert span is not None and span.first == line


@pytest.mark.parametrize("selector", UNFOUND)
def test_a_target_the_document_does_not_write_is_left_unfound(selector):
    sources = sources_of(selector)
    assert sources.span("selectors-0") is None
    assert [key for key, _, _ in sources.unfound].count("selectors-0") == 1


def test_the_lines_are_the_documents_own():
    assert sources_of(FOUND[0][0]).lines[0] == "GRAND JURY SUBPOENA"
