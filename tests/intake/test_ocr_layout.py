"""Tesseract's TSV laid out as text (no engine needed): columns kept by spaces, blank lines
where the page leaves them, two columns side by side on one row, cut addresses joined, specks
dropped, citation slips mended, each word's place and confidence kept."""

from __future__ import annotations

from custodes.intake.ocr import page_of_tsv

HEADER = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
)
CHAR = 20  # pixels a character, in these made-up pages
ROW = 40  # pixels a line


def _tsv(*words: tuple[int, int, int, str, float]) -> str:
    """Words as (block, column, row, text, confidence), each character CHAR wide."""
    rows = [HEADER]
    for n, (block, column, row, text, confidence) in enumerate(words):
        left, top = 100 + column * CHAR, 100 + row * ROW
        width = len(text) * CHAR - 4
        rows.append(
            f"5\t1\t{block}\t1\t{row}\t{n}\t{left}\t{top}\t{width}\t24\t{confidence}\t{text}"
        )
    return "\n".join(rows) + "\n"


def test_columns_and_blank_lines_are_kept_as_a_text_pdf_has_them():
    page = page_of_tsv(
        _tsv(
            (1, 0, 0, "SUBPOENA", 96),
            (1, 0, 2, "To:", 95),
            (1, 5, 2, "Parley", 94),
            (1, 12, 2, "Social,", 93),
            (1, 20, 2, "Inc.", 92),
            (2, 40, 2, "Misc.", 91),  # another block, beside: the same row
            (1, 4, 3, "Attn:", 90),
            (1, 4, 4, "Records", 92),
        ),
        2000,
        2600,
    )
    first, blank, to, attn, records = page.lines
    assert (first, blank, attn, records) == ("SUBPOENA", "", "    Attn:", "    Records")
    assert to.startswith("To: Parley Social, Inc. ") and 38 <= to.index("Misc.") <= 42
    assert page.confidence == 92.9  # the mean of its words' confidences


def test_an_address_or_a_link_cut_by_tesseract_is_joined_and_specks_are_dropped():
    page = page_of_tsv(
        _tsv(
            (1, 0, 0, "E-mail:", 95),
            (1, 8, 0, "jane@example.", 90),
            (1, 21, 0, "com", 90),
            (1, 0, 1, "URL:", 95),
            (1, 5, 1, "https:", 90),
            (1, 11, 1, "//parley.social/x", 90),
            (1, 0, 2, "Username:", 95),
            (1, 10, 2, ".", 80),  # a speck of dust
            (1, 12, 2, "-", 20),
            (1, 14, 2, "ridgeline.", 90),
            (1, 24, 2, "rico", 90),
            (1, 0, 4, "Handle:", 95),
            (1, 8, 4, "@harbor,", 80),  # a dot misread as a comma, no space after it
            (1, 16, 4, "lights", 90),
            (1, 0, 5, "Yes,", 95),
            (1, 5, 5, "then", 95),  # a sentence's comma: a space after it
            (1, 0, 3, "Done.", 95),
            (1, 6, 3, "Then", 95),  # a sentence: a space kept
        ),
        2000,
        2600,
    )
    assert page.lines == [
        "E-mail: jane@example.com",
        "URL: https://parley.social/x",
        "Username:     ridgeline.rico",
        "Done. Then",
        "Handle: @harbor.lights",
        "Yes, then",
    ]


def test_citation_slips_are_mended_letter_for_letter_and_words_keep_their_place():
    page = page_of_tsv(
        _tsv(
            (1, 0, 0, "8", 95),
            (1, 2, 0, "U.S.C,", 70),
            (1, 9, 0, "§", 90),
            (1, 11, 0, "1225{d)", 40),
        ),
        2000,
        2600,
    )
    assert page.lines == ["8 U.S.C. § 1225(d)"]
    start, end, word = page.words[0][3]
    assert page.lines[0][start:end] == word.text == "1225(d)" and word.confidence == 40
    assert word.box == (320 / 2000, 100 / 2600, (320 + 136) / 2000, 124 / 2600)
    assert page.line_box(0) == (100 / 2000, 100 / 2600, (320 + 136) / 2000, 124 / 2600)


def test_a_page_without_words_has_no_lines_and_no_confidence():
    page = page_of_tsv(HEADER + "\n1\t1\t0\t0\t0\t0\t0\t0\t2000\t2600\t-1\t\n", 2000, 2600)
    assert page.lines == [] and page.confidence is None
