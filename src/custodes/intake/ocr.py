"""Text out of a page image by OCR: Debian's Tesseract, called as a program.

Runs inside the limited child process of `intake.pdf` (never in the web process). Tesseract's
TSV output gives each word with its box and confidence; the words are laid out again as text
the way pypdf's layout mode lays out a PDF's (a word's column kept by the spaces before it, a
blank line where the page leaves one), so the readers see a scan as they see a text PDF.
Boxes are kept as fractions of the page (0 to 1), whatever the resolution it was read at.
No Django here.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import statistics
import subprocess
import tempfile
from dataclasses import astuple, dataclass, field

from custodes.intake.errors import UnreadableInput

ENGINE = "tesseract"
# A word of no letter or digit read with less confidence than this is a speck of noise.
SPECK_CONFIDENCE = 40.0
# Marks that never stand alone between words (Tesseract keeps a real one with its word).
SPECKS = frozenset(".,'`‘’·")
_LETTER = re.compile(r"[^\W_]")
_BRACES = str.maketrans("{}", "()")
_ABBREVIATION_COMMA = re.compile(r"(?:[A-Z]\.){1,4}[A-Z],$")
_WORD_DOT = re.compile(r"[^\W_]\.$")  # a word's last letter and a dot
# An address or a link cut after a dot by Tesseract ("jane@example." "com"), joined again.
_CONTINUED = re.compile(r"(?:@|://|www\.)\S*\.$")
LANGUAGE = "eng"
# A word Tesseract is less sure of than this (0 to 100) is shown as low-confidence.
LOW_CONFIDENCE = 60.0
PAGE_SECONDS = 60  # one page; the child's own limit is the one that counts


@dataclass(frozen=True)
class Word:
    text: str
    confidence: float
    box: tuple[float, float, float, float]  # left, top, right, bottom as fractions of the page


@dataclass
class Page:
    """One page read by OCR: its lines of text, each with the words it holds and where."""

    lines: list[str] = field(default_factory=list)
    # for each line, its words with their start and end in the line
    words: list[list[tuple[int, int, Word]]] = field(default_factory=list)
    confidence: float | None = None  # the mean of its words' confidences; None without words

    def line_box(self, index: int) -> tuple[float, float, float, float] | None:
        boxes = [word.box for _, _, word in self.words[index]]
        if not boxes:
            return None
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )


def available() -> bool:
    return shutil.which(ENGINE) is not None


def version() -> str:
    """The engine and its version ("tesseract 5.3.0")."""
    completed = subprocess.run(
        [ENGINE, "--version"], capture_output=True, text=True, timeout=10, check=False
    )
    first = (completed.stdout or completed.stderr).splitlines()
    return first[0].strip() if first else ENGINE


def read_image(image, dpi: int) -> Page:
    """The page `image` (a Pillow image, square pixels, at `dpi`) read by Tesseract."""
    if not available():
        raise UnreadableInput(
            "this is a scan, and the OCR engine (tesseract) is not installed on this server; "
            "ask the administrator to run `make ocr`, or send the demand as text"
        )
    with tempfile.TemporaryDirectory(prefix="custodes-ocr-") as folder:
        path = os.path.join(folder, "page.png")
        image.save(path)
        completed = subprocess.run(
            [ENGINE, path, "stdout", "-l", LANGUAGE, "--dpi", str(dpi), "--psm", "3", "tsv"],
            capture_output=True,
            text=True,
            timeout=PAGE_SECONDS,
            # one thread: the machine's cores serve the other requests
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
            check=False,
        )
    if completed.returncode != 0:
        raise UnreadableInput(
            f"the OCR engine could not read a page (code {completed.returncode}); "
            "send the demand as a text PDF, or as text"
        )
    return page_of_tsv(completed.stdout, *image.size)


def page_of_tsv(tsv: str, width: int, height: int) -> Page:
    """Tesseract's TSV of a page of `width` × `height` pixels, as lines of laid-out text."""
    rows = []
    for line in tsv.splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue  # only words (level 5) that hold something
        word = cells[11].strip()
        if word in SPECKS or (float(cells[10]) < SPECK_CONFIDENCE and not _LETTER.search(word)):
            continue  # a speck of noise read as a dash or a dot
        left, top, w, h = (int(c) for c in cells[6:10])
        key = (int(cells[2]), int(cells[3]), int(cells[4]))  # block, paragraph, line
        rows.append((key, left, top, w, h, float(cells[10]), _mended(word)))
    page = Page()
    if not rows:
        return page
    lines: dict[tuple[int, int, int], list] = {}
    for row in rows:
        lines.setdefault(row[0], []).append(row)
    ordered = _rows(sorted(lines.values(), key=lambda ws: statistics.median(w[2] for w in ws)))
    char_width = _char_width(rows)
    tops = [min(w[2] for w in words) for words in ordered]
    steps = [b - a for a, b in itertools.pairwise(tops) if b > a]
    pitch = statistics.median(steps) if steps else 1.0
    margin = min(w[1] for w in rows)
    for index, words in enumerate(ordered):
        words.sort(key=lambda w: w[1])
        if index:  # a blank line where the page leaves one
            for _ in range(min(3, max(0, round((tops[index] - tops[index - 1]) / pitch) - 1))):
                page.lines.append("")
                page.words.append([])
        text, placed, right = "", [], 0
        for _, left, top, w, h, confidence, word in words:
            if not text:
                text = " " * max(0, round((left - margin) / char_width))
            else:  # one space, or as many as a wide gap holds (a column kept)
                gap = (left - right) / char_width
                # none inside what Tesseract cut in two ("example." "net"), one between
                # words, as many as a wide gap holds (a column kept)
                narrow = gap < 1.1  # narrower than a space
                if narrow and _comma_for_dot(placed[-1][2].text, word):
                    start, end, last = placed[-1]  # "@harbor," "lights": "@harbor.lights"
                    placed[-1] = (start, end, Word(last.text[:-1] + ".", *astuple(last)[1:]))
                    text = text[:-1] + "."
                joined = gap < 0.3 or (narrow and _continues(text, word))
                text += "" if joined else " " * (round(gap) if gap > 2.5 else 1)
            box = (left / width, top / height, (left + w) / width, (top + h) / height)
            placed.append((len(text), len(text) + len(word), Word(word, confidence, box)))
            text += word
            right = left + w
        page.lines.append(text)
        page.words.append(placed)
    confidences = [row[5] for row in rows if row[5] >= 0]
    page.confidence = round(statistics.fmean(confidences), 1) if confidences else None
    return page


def _mended(word: str) -> str:
    """Tesseract's commonest slips in a demand's citations, one letter for one (the word's
    place on the page stays right): a brace for a parenthesis ("1225{d)"), and a comma for the
    last full stop of an abbreviation ("U.S.C," where typing has "U.S.C." or "U.S.C.,")."""
    word = word.translate(_BRACES)
    return word[:-1] + "." if _ABBREVIATION_COMMA.match(word) else word


def _comma_for_dot(last: str, word: str) -> bool:
    """Whether the comma `last` ends with, a narrow gap before `word`, is a dot misread inside
    an address or a handle ("@harbor," "lights", "M," "Treadwell.GLA@example.com"): a comma
    in a sentence is followed by a space."""
    if not last.endswith(",") or not word[:1].isalnum():
        return False
    return "@" in last or "://" in last or "@" in word


def _continues(text: str, word: str) -> bool:
    """Whether `word` goes on an address or a link that Tesseract cut after a dot or its
    scheme ("jane@example." "com", "Harbor." "Lights@example.com", "https:" "//x.com"), read
    only where the gap is narrower than a space."""
    if text.endswith(("http:", "https:")) and word.startswith("/"):
        return True  # "https:" "//example.com"
    if _WORD_DOT.search(text) and (word[:1].islower() or "@" in word):
        return True  # "ridgeline." "rico": a name goes on in lower case, no sentence does
    if word.startswith(".") and word[1:2].isalnum():
        return True  # "Support" ".Kaufhaus24@example.com"
    return _CONTINUED.search(text) is not None


def _rows(lines: list[list]) -> list[list]:
    """Tesseract's lines, those side by side on the page (a caption's two columns) joined
    into one row, as a text PDF has them."""
    rows: list[list] = []
    for words in lines:
        middle = statistics.median(w[2] + w[4] / 2 for w in words)
        if rows:
            last = rows[-1]
            top = statistics.median(w[2] for w in last)
            bottom = statistics.median(w[2] + w[4] for w in last)
            if top <= middle <= bottom:
                last.extend(words)
                continue
        rows.append(list(words))
    return rows


def _char_width(rows: list) -> float:
    """The width of one character in pixels: the median over words of width per letter."""
    widths = [w / len(text) for _, _, _, w, _, _, text in rows if len(text) >= 3]
    return statistics.median(widths) if widths else 10.0
