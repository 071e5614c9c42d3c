"""Real PDFs for the tests, written with fpdf2 in a fixed-width font so lines keep their shape."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF


def write_pdf(text: str, path: Path, password: str | None = None) -> Path:
    pdf = FPDF(format="letter")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_margins(10, 12, 10)
    pdf.add_page()
    pdf.set_font("Courier", size=8)
    for line in text.split("\n"):
        pdf.cell(0, 3.6, line, new_x="LMARGIN", new_y="NEXT")
    if password:
        pdf.set_encryption(owner_password=password, user_password=password)
    pdf.output(str(path))
    return path
