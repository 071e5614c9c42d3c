"""Text out of a demand's document file: bytes decoded as text, and the files refused with
what to send instead. (Reading a PDF is tested in test_documents.py, beside its OCR.) A file
each must read, and a near miss it must refuse."""

from __future__ import annotations

import pytest

from custodes.intake import UnreadableInput
from custodes.intake.document import decode_text, read_document_noted
from custodes.intake.pdf import pdf_text

DECODED = [
    (b"SUBPOENA", "SUBPOENA"),
    ("\ufeffSUBPOENA".encode(), "SUBPOENA"),  # a byte-order mark dropped
    ("Stra\u00dfe 12".encode(), "Stra\u00dfe 12"),
    ("Caf\u00e9 \u2013 records".encode("cp1252"), "Caf\u00e9 \u2013 records"),  # Windows' own
]

REFUSED = [
    (b"SUB\x00POENA", "binary file"),
    (b"\x81\x8d\x8f\x90\x9d", "no encoding custodes reads"),  # no cp1252 byte either
]


@pytest.mark.parametrize(("data", "text"), DECODED)
def test_a_text_file_is_decoded(data, text):
    assert decode_text(data, "demand.txt") == text


@pytest.mark.parametrize(("data", "says"), REFUSED)
def test_bytes_that_are_no_text_are_refused(data, says):
    with pytest.raises(UnreadableInput, match=says):
        decode_text(data, "demand.txt")


def test_a_text_file_is_read_with_no_notes(tmp_path):
    path = tmp_path / "demand.TXT"
    path.write_text("GRAND JURY SUBPOENA\n")
    assert read_document_noted(path) == ("GRAND JURY SUBPOENA\n", ())


FILES = [
    ("demand.txt", b"   \n\t\n", "holds no text"),
    ("demand", b"SUBPOENA", "no extension is not a demand format"),
    ("demand.docx", b"PK\x03\x04", ".docx is not a demand format"),
    ("missing.txt", None, "no such file"),
]


@pytest.mark.parametrize(("name", "data", "says"), FILES)
def test_a_file_that_is_no_demand_document_is_refused(tmp_path, name, data, says):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    with pytest.raises(UnreadableInput, match=says):
        read_document_noted(path)


def test_a_file_named_pdf_that_is_not_one_is_refused_before_any_child_process():
    with pytest.raises(UnreadableInput, match="this is not a PDF"):
        pdf_text(b"hello, this is text", "demand.pdf")
