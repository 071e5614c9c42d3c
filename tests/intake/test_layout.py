"""The shape of a demand's text: headings, sentences, e-mail headers, a scanner's slips
mended, dot leaders read as labels. A line each must read, and a near miss it must not."""

from __future__ import annotations

import re

import pytest

from custodes.intake.layout import (
    Layout,
    blocks_of,
    folded,
    folds_plainly,
    heading_title,
    ocr_repaired,
    sentences_of,
)

HEADINGS = [
    ("ATTACHMENT B", "ATTACHMENT B"),
    ("  RECORDS TO BE DISCLOSED  ", "RECORDS TO BE DISCLOSED"),
    ("II. Information to be produced", "II. Information to be produced"),
    ("(C) Place of delivery", "(C) Place of delivery"),
    ("Records requested:", "Records requested:"),
    ("Background. The account was opened in May.", "Background"),
]

NOT_HEADINGS = [
    "",
    "the records listed below are requested:",  # a lower-case start is running text
    "FBI",  # too few capitals to stand as a title
    "A. The subscriber used the account daily.",  # an enumerated sentence, not a title
    "Please send the records to the address below by the end of the month, as the court has "
    "asked us to, and tell us if you cannot.",
]


@pytest.mark.parametrize(("line", "title"), HEADINGS)
def test_a_heading_is_read_as_its_title(line, title):
    assert heading_title(line) == title


@pytest.mark.parametrize("line", NOT_HEADINGS)
def test_a_line_of_text_is_no_heading(line):
    assert heading_title(line) is None


SENTENCES = [
    (
        "Produce the records. Do it by Friday.",
        ["Produce the records.", "Do it by Friday."],
    ),
    (
        "Served under Fed. R. Crim. P. 17 on the custodian. Call Det. Ruiz.",
        ["Served under Fed. R. Crim. P. 17 on the custodian.", "Call Det. Ruiz."],
    ),
    (
        "The U.S. Attorney asks for it.\nPlease reply by mail.",
        ["The U.S. Attorney asks for it.", "Please reply by mail."],
    ),
    ("Contact J. Doe at the office.", ["Contact J. Doe at the office."]),
]


@pytest.mark.parametrize(("paragraph", "sentences"), SENTENCES)
def test_a_paragraph_is_cut_into_its_sentences_and_no_more(paragraph, sentences):
    assert sentences_of(paragraph) == sentences


BLOCKS = [
    ("Background: a fraud.\nIssued by: SA Reyes", ["Background: a fraud.", "Issued by: SA Reyes"]),
    ("1. Subscriber records\n2. Login history", ["1. Subscriber records", "2. Login history"]),
]

# A line that only looks like a new part because the text was wrapped there.
NOT_BLOCKS = [
    "Please preserve the records of the account named below for a period of thirty\n"
    "(30) days while the warrant is sought.",
]


@pytest.mark.parametrize(("paragraph", "blocks"), BLOCKS)
def test_a_labelled_or_numbered_line_starts_a_new_part(paragraph, blocks):
    assert blocks_of(paragraph) == blocks


@pytest.mark.parametrize("paragraph", NOT_BLOCKS)
def test_a_wrapped_line_stays_in_its_part(paragraph):
    assert blocks_of(paragraph) == [paragraph]


REPAIRS = [
    ("Do not disc1ose this order.", "Do not disclose this order."),
    ("IT IS HEREBY 0RDERED", "IT IS HEREBY ORDERED"),
    ("an investigation of ernbezzlement", "an investigation of embezzlement"),
    # A month's name is a word the date reader knows, so its slips are mended too.
    ("from Ju1y 3, 2026 to 0ctober 9, 2026", "from July 3, 2026 to October 9, 2026"),
    ("no later than Novernber 30, 2026", "no later than November 30, 2026"),
]

# What a scanner slip looks like but is not: a name, an address, a number.
NOT_REPAIRED = [
    "Username: k1tten",
    "the account “c0ffee” and its messages",
    "mail to k1ng@example.com",
    "records of 2026 and 1999",
    "the handle @ho1der",
]


@pytest.mark.parametrize(("text", "repaired"), REPAIRS)
def test_a_scanners_slip_is_mended_to_a_known_word(text, repaired):
    assert ocr_repaired(text) == repaired


@pytest.mark.parametrize("text", NOT_REPAIRED)
def test_a_name_or_number_is_left_as_written(text):
    assert ocr_repaired(text) == text


def test_an_e_mails_headers_are_read_apart_from_its_body():
    layout = Layout.of(
        "From: Det. Kim <kim@metro.example.gov>\nTo: legal@parley.example\n"
        "Subject: Records request\n\nPlease send the records."
    )
    assert layout.headers["From"] == "Det. Kim <kim@metro.example.gov>"
    assert layout.headers["Subject"] == "Records request"
    assert "Subject:" not in layout.body and "Please send the records." in layout.body


NO_HEADERS = [
    "To: Parley Social, Inc.\nSubject: a subpoena\n\nProduce the records.",  # no From
    "From: the court\n\nProduce the records.",  # a From alone
]


@pytest.mark.parametrize("text", NO_HEADERS)
def test_a_letters_address_lines_are_no_e_mail_headers(text):
    layout = Layout.of(text)
    assert layout.headers == {} and layout.body == text


def test_a_dot_leader_is_read_as_a_label_and_its_value():
    layout = Layout.of("Username .......... bigred_verdict\nCase no. ....... 26-114\n")
    assert layout.lines[0].text == "Username: bigred_verdict"
    assert layout.lines[1].text == "Case no: 26-114"


NOT_LEADERS = [
    "Case no. 26-114 and no other",
    pytest.param(
        "We waited... and then asked again.",
        marks=pytest.mark.xfail(
            strict=True,
            reason="an ellipsis of three dots inside a sentence is read as a dot leader "
            "('We waited: and then asked again.')",
        ),
    ),
]


@pytest.mark.parametrize("text", NOT_LEADERS)
def test_dots_in_a_sentence_are_no_dot_leader(text):
    assert Layout.of(text).lines[0].text == text


def test_each_line_knows_the_heading_it_stands_under():
    layout = Layout.of("SCHEDULE A\nusername: someone\n\nRECORDS\nsubscriber records")
    assert [line.heading for line in layout.lines] == [
        "SCHEDULE A",
        "SCHEDULE A",
        "SCHEDULE A",
        "RECORDS",
        "RECORDS",
    ]


PLEADING = "\n".join(f"{n:>2}   Line {n} of the order, and its words." for n in range(1, 11))


@pytest.mark.parametrize(
    "header",
    ["", "        Case 3:26-mc-00412-AB     Document 7     Filed 05/03/26     Page 1 of 2\n\n"],
)
def test_pleading_papers_margin_numbers_are_blanked_under_a_courts_page_header(header):
    layout = Layout.of(header + PLEADING)
    assert "  Line 3 of the order" in layout.body
    assert not any(line.text.lstrip().startswith("3 ") for line in layout.lines)


def test_a_short_numbered_list_keeps_its_numbers():
    text = "Records:\n1 Names\n2 Addresses\n"
    assert Layout.of(text).body == text


def test_lower_case_reads_ascii_words_as_case_blind_would_but_for_four_characters():
    # every character outside ASCII (surrogates aside) but the four `folds_plainly` looks for
    others = "".join(
        chr(c)
        for c in range(0x80, 0x110000)
        if not 0xD800 <= c < 0xE000 and c not in (0x130, 0x131, 0x17F, 0x212A)
    )
    assert not re.search("(?i)[a-z]", others)  # none is a letter to a case-blind pattern
    lowered = others.lower()
    assert len(lowered) == len(others) and not re.search("[a-z]", lowered)

    def word_characters(text: str) -> str:
        return re.sub(r"\W", "-", re.sub(r"\w", "w", text))

    assert word_characters(lowered) == word_characters(others)  # so \b stands where it did


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Subpoena", True),
        ("Straße § 2703 “records”", True),
        ("ſubpoena", False),
        ("dısclose", False),
        ("İstanbul", False),
        ("\u212aeep", False),
    ],
)
def test_folds_plainly_where_no_character_reads_otherwise_lower_cased(text, plain):
    assert folds_plainly(text) is plain


@pytest.mark.parametrize(
    "text", ["SUBPOENA for Records", "ſubpoena", "dısclose", "İNSTAGRAM İstanbul", "\u212aeep"]
)
def test_folded_text_reads_case_sensitively_as_the_text_reads_case_blind(text):
    for word in ("subpoena", "disclose", "instagram", "istanbul", "keep", "records"):
        blind = [m.span() for m in re.finditer(word, text, re.IGNORECASE)]
        assert [m.span() for m in re.finditer(word, folded(text))] == blind


@pytest.mark.parametrize(
    ("scanned", "read"),
    [
        ("for the period March 1O, 2O26 through April 3, 2026", "March 10, 2026"),
        ("to be executed within l5 days of issue", "within 15 days"),
    ],
)
def test_an_o_or_an_l_among_digits_is_a_digit(scanned, read):
    assert read in Layout.of(scanned).body


@pytest.mark.parametrize(
    "text",
    ["the account user_1O", "Room IO5", "code A1O", "Username: l0l", "Account ID: 1O0l", "To: O2"],
)
def test_a_name_with_digits_and_letters_is_left_as_written(text):
    assert Layout.of(text).body.strip() == text
