"""Text out of a demand's document, whatever form it came in."""

from __future__ import annotations

from pathlib import Path

from custodes.intake import images
from custodes.intake.errors import UnreadableInput

MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text"}
SUFFIXES = (".txt", ".pdf", ".eml", ".json", *images.SUFFIXES)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing what is missing, empty or too large."""
    if not path.is_file():
        raise UnreadableInput(f"{path}: no such file; give the path of a demand document")
    size = path.stat().st_size
    if size == 0:
        raise UnreadableInput(f"{path}: the file is empty; send the demand's text or PDF")
    if size > MAX_BYTES:
        raise UnreadableInput(
            f"{path}: the file is {size / 1024 / 1024:.0f} MB, over the 50 MB limit; "
            "send the demand itself without bulky attachments"
        )
    return path.read_bytes()


def read_document(path: Path) -> str:
    """The text of a `.txt`, `.pdf` or `.eml` demand."""
    return read_document_noted(path)[0]


def read_document_noted(path: Path) -> tuple[str, tuple[str, ...]]:
    """The text of a demand, and what was read with a caveat (an e-mail's unknown charset)."""
    suffix = path.suffix.lower()
    data = read_bytes(path)
    notes: tuple[str, ...] = ()
    if suffix in TEXT_SUFFIXES:
        text = decode_text(data, path.name)
    elif suffix == ".pdf" or suffix in images.SUFFIXES:  # an image: a scan or a fax, for OCR
        from custodes.intake import pdf  # the PDF and OCR readers, imported for these only

        reading = (pdf.read_pdf if suffix == ".pdf" else pdf.read_image)(data, path.name)
        text, notes = reading.text, reading.notes
    elif suffix == ".eml":
        from custodes.intake import mail  # the e-mail package, imported for e-mails only

        reading = mail.read_email(data, path.name)
        text, notes = reading.text, reading.notes
    else:
        raise UnreadableInput(
            f"{path}: {suffix or 'no extension'} is not a demand format; "
            "send a .txt, .pdf or .eml file, a scan (.png, .jpg, .tif), or a .json structured "
            "request"
        )
    if not text.strip():
        raise UnreadableInput(f"{path}: the document holds no text; send the demand's text")
    return text, notes


def decode_text(data: bytes, name: str) -> str:
    if b"\x00" in data:
        raise UnreadableInput(
            f"{name}: this is a binary file, not text; send the demand as text, PDF or e-mail"
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableInput(
        f"{name}: the text is in no encoding custodes reads; save it as UTF-8 and send it again"
    )
