"""The cover letter reads as plain words: the records produced by category, each target and
the account it matched, what was left out, and the authority named once."""

from __future__ import annotations

import io
from dataclasses import replace

from pypdf import PdfReader

from custodes.law import words
from custodes.production.documents import Facts, cover_letter
from custodes.production.package import Contents, Written

FACTS = Facts(
    provider="Parley Social, Inc.",
    reference="C-TEST",
    requester="SA Test, Federal Bureau of Investigation",
    case_number="",
    instrument=words.instrument("court_order_2703d"),
    authority="18 U.S.C. § 2703(d)",
    received_on="2026-11-16",
    produced_on="2026-12-01",
    signer="Dana Whitfield",
    signer_title="Custodian of Records",
    accounts=["account_id 700123: account 700123", "username nobody: no records"],
    left_out=[
        {"what": "content", "reason": "not allowed by the decision on this demand"},
        {"what": "transactional/logins, column ip", "reason": "not asked", "by": "Rita Reyes"},
    ],
)


def _text(facts: Facts) -> str:
    files = [
        Written("subscriber/subscriber.csv", "0" * 64, 10, rows=1),
        Written("transactional/logins.csv", "0" * 64, 10, rows=3),
    ]
    pdf = PdfReader(io.BytesIO(cover_letter(facts, Contents(files=files))))
    return " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)


def test_the_records_produced_read_as_categories_not_folders():
    letter = _text(FACTS)
    assert "basic subscriber information: subscriber: 1 row (CSV and JSON)" in letter
    assert "account records: logins: 3 rows (CSV and JSON)" in letter
    assert "subscriber/subscriber" not in letter and "transactional/logins" not in letter


def test_each_target_names_the_account_it_matched():
    letter = _text(FACTS)
    assert "account ID 700123: matched account 700123" in letter
    assert "username nobody: no records" in letter
    assert "account_id" not in letter


def test_what_was_left_out_reads_as_plain_words():
    letter = _text(FACTS)
    assert "content: not allowed by the decision on this demand" in letter
    assert "account records: logins, the column ip: not asked (left out by Rita Reyes)" in letter


def test_the_authority_is_not_repeated_when_the_instrument_names_it():
    letter = _text(FACTS)
    assert "In answer to a court order under 18 U.S.C. § 2703(d), received on" in letter
    assert "(18 U.S.C. § 2703(d))" not in letter


def test_an_authority_the_instrument_does_not_name_follows_it():
    subpoena = replace(
        FACTS, instrument=words.instrument("grand_jury_subpoena"), authority="Fed. R. Crim. P. 17"
    )
    assert "In answer to a grand jury subpoena (Fed. R. Crim. P. 17), received" in _text(subpoena)
