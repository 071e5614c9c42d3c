"""The cover letter and the business-records certificate (Fed. R. Evid. 902(11)) that go
into each package, as PDFs written with fpdf2. No Django here."""

from __future__ import annotations

from dataclasses import dataclass

from fpdf import FPDF

from custodes.law import words
from custodes.production.package import Contents

_PLAIN = str.maketrans({"—": "-", "–": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "…": "..."})


@dataclass(frozen=True)
class Facts:
    provider: str
    reference: str
    requester: str  # name and agency
    case_number: str
    instrument: str
    authority: str
    received_on: str
    produced_on: str
    signer: str
    signer_title: str
    accounts: list[str]  # "username someone: account A-1002", "email x: no records"
    left_out: list[dict]


def documents(facts: Facts, contents: Contents) -> list[tuple[str, bytes]]:
    return [
        ("cover-letter.pdf", cover_letter(facts, contents)),
        ("certificate-902-11.pdf", certificate(facts, contents)),
    ]


def cover_letter(facts: Facts, contents: Contents) -> bytes:
    pdf = _page(f"{facts.provider}: production in answer to legal process")
    _para(pdf, f"Date: {facts.produced_on}\nTo: {facts.requester}")
    _para(
        pdf,
        f"Our reference: {facts.reference}"
        + (f"\nYour reference: {facts.case_number}" if facts.case_number else ""),
    )
    _para(
        pdf,
        f"In answer to {facts.instrument}{_authority(facts)}, "
        f"received on {facts.received_on}, {facts.provider} produces the records listed below, "
        "and only those: the data categories the process compels, inside the dates it names, "
        "for the accounts it names.",
    )
    _heading(pdf, "Accounts")
    _para(pdf, "\n".join(account_words(line) for line in facts.accounts) or "None.")
    _heading(pdf, "Records produced")
    data = [f for f in contents.files if f.rows is not None and f.name.endswith(".csv")]
    produced = [f"{left_out_words(f.name[:-4])}: {_rows(f.rows)} (CSV and JSON)" for f in data]
    _para(pdf, "\n".join(produced) or "None.")
    _heading(pdf, "Left out")
    lines = [_left_out(item) for item in facts.left_out]
    _para(pdf, "\n".join(lines) or "Nothing that was asked for was left out.")
    _para(
        pdf,
        "The package is encrypted (age format). The key to open it is sent to you separately, "
        "by another channel; manifest.json inside lists the SHA-256 of every file.",
    )
    _para(pdf, f"{facts.signer}\n{facts.signer_title}, {facts.provider}")
    return bytes(pdf.output())


def certificate(facts: Facts, contents: Contents) -> bytes:
    pdf = _page(
        "Certificate of authenticity of domestic records of regularly conducted activity "
        "(Fed. R. Evid. 902(11) and 902(13))"
    )
    _para(
        pdf,
        f"I, {facts.signer}, attest, under penalty of perjury under the laws of the United "
        "States of America pursuant to 28 U.S.C. § 1746, that the information in this "
        f"certificate is true and correct. I am employed by {facts.provider} as "
        f"{facts.signer_title}, and I am qualified to authenticate the records described below "
        "because I am familiar with how they were created, managed, stored and retrieved.",
    )
    _para(
        pdf,
        "The records are true duplicates of the original records in the custody of "
        f"{_sentence(facts.provider)} They were made at or near the time of the occurrence of the "
        "matters they set forth, by, or from information transmitted by, a person with "
        "knowledge of those matters; they were kept in the course of the regularly conducted "
        f"activity of {facts.provider}; and making them was a regular practice of that "
        "activity. They were copied from the provider's electronic systems by a process that "
        "produces an accurate result, verified by the SHA-256 digital identifier of each file:",
    )
    data = [f for f in contents.files if f.rows is not None]
    _para(pdf, "\n".join(f"{f.name} ({_rows(f.rows)}): {f.sha256}" for f in data) or "None.", 8)
    _para(pdf, f"Reference {facts.reference}. Dated {facts.produced_on}.")
    _para(pdf, f"\n\n______________________________\n{facts.signer}, {facts.signer_title}")
    return bytes(pdf.output())


def letter(title: str, text: str) -> bytes:
    """A letter of plain text under its title (the letters to requesters)."""
    pdf = _page(title)
    for paragraph in text.split("\n\n"):
        _para(pdf, paragraph)
    return bytes(pdf.output())


def _page(title: str) -> FPDF:
    pdf = FPDF(format="Letter")
    pdf.set_margins(22, 20, 22)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.multi_cell(0, 7, _latin(title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    return pdf


def _heading(pdf: FPDF, text: str) -> None:
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(0, 6, _latin(text), new_x="LMARGIN", new_y="NEXT")


def _para(pdf: FPDF, text: str, size: int = 10) -> None:
    pdf.set_font("Helvetica", "", size)
    pdf.multi_cell(0, 5, _latin(text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def _authority(facts: Facts) -> str:
    """The authority after the instrument, unless the instrument's words already name it
    ("a court order under 18 U.S.C. § 2703(d)")."""
    if not facts.authority or facts.authority in facts.instrument:
        return ""
    return f" ({facts.authority})"


def left_out_words(what: str, holds: dict[str, str] | None = None) -> str:
    """What a production holds or leaves out, as the plan names it ("content",
    "transactional/logins", "transactional/logins, column ip", "username someone"), in plain
    words: the category's, then what the dataset holds (or its name), a target's kind."""
    where, _, column = what.partition(", column ")
    category, slash, name = where.partition("/")
    if slash and category in words.CATEGORIES:
        text = f"{words.label('category', category)}: {(holds or {}).get(name) or name}"
        return f"{text}, the column {column}" if column else text
    if where in words.CATEGORIES:
        return words.label("category", where)
    kind, space, value = where.partition(" ")
    if space and kind in words.SELECTOR_KINDS:
        return f"{words.label('selector', kind)} {value}"
    return what


def account_words(line: str) -> str:
    """A target and what it was looked up to ("account_id 700: account 700"), in plain
    words ("account ID 700: matched account 700")."""
    target, separator, found = line.partition(": ")
    if found.startswith("account "):
        found = f"matched {found}"
    return f"{left_out_words(target)}{separator}{found}"


def _left_out(item: dict) -> str:
    """One line of what was left out: why, and who chose to leave it out where a person did."""
    line = f"{left_out_words(item['what'])}: {item['reason']}"
    return f"{line} (left out by {item['by']})" if item.get("by") else line


def _rows(count: int) -> str:
    return f"{count} row" if count == 1 else f"{count} rows"


def _sentence(text: str) -> str:
    return text if text.endswith(".") else text + "."


def _latin(text: str) -> str:
    """The PDF core fonts hold Latin-1: typographic punctuation becomes plain, anything
    else a question mark, never an error."""
    return text.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")
