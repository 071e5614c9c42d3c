"""Scans made in the tests: a demand's text drawn on letter pages with Pillow, skewed a little,
sampled down to a fax's resolution, specked with noise, and wrapped in a TIFF or a PDF."""

from __future__ import annotations

import io
import random
import shutil
import textwrap
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")  # Debian's fonts-dejavu-core
DPI = 300
FAX_FINE = (204, 196)  # a fax's fine mode, dots per inch across and down
FAX_STANDARD = (204, 98)  # its standard mode: pixels twice as tall as wide

needs_ocr = pytest.mark.skipif(
    shutil.which("tesseract") is None or not FONT.is_file(),
    reason="Tesseract (`make ocr`) or the DejaVu Sans Mono font is not installed",
)


def pages_of(text: str, points: float = 9.5) -> list[Image.Image]:
    """The text on letter pages at 300 dpi, in a fixed-width font, half-inch margins: at
    `points`, or smaller where its longest line would not fit across the page."""
    longest = max((len(line) for line in text.split("\n")), default=1) or 1
    points = min(points, 7.9 * 72 / (0.6 * longest))  # a character is 0.6 of an em wide
    font = ImageFont.truetype(str(FONT), round(points * DPI / 72))
    width, height = int(8.5 * DPI), int(11 * DPI)
    pitch = round(points * 1.25 * DPI / 72)
    lines = text.split("\n")
    per_page = (height - DPI) // pitch
    pages = []
    for first in range(0, len(lines), per_page):
        page = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(page)
        for n, line in enumerate(lines[first : first + per_page]):
            draw.text((DPI // 2, DPI // 2 + n * pitch), line, font=font, fill=0)
        pages.append(page)
    return pages


def wrapped(text: str, width: int) -> str:
    """Each line longer than `width` wrapped at a space, its indent kept: large print on a
    narrow page, as a fax cover sheet has it."""
    out = []
    for line in text.split("\n"):
        indent = line[: len(line) - len(line.lstrip())]
        out.extend(
            textwrap.wrap(line, width, subsequent_indent=indent, break_long_words=False) or [""]
        )
    return "\n".join(out)


def faxed(page: Image.Image, dpi=FAX_FINE, skew: float = 0.6, seed: int = 1) -> Image.Image:
    """The page as a fax machine sends it: turned by `skew` degrees, sampled down to `dpi`,
    a speck of noise in every 3,000 pixels, black and white."""
    rng = random.Random(seed)
    page = page.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
    size = (round(page.width * dpi[0] / DPI), round(page.height * dpi[1] / DPI))
    page = page.resize(size, Image.Resampling.BILINEAR)
    pixels = page.load()
    for _ in range(page.width * page.height // 3000):
        pixels[rng.randrange(page.width), rng.randrange(page.height)] = 0
    return page.point(lambda v: 255 if v > 170 else 0).convert("1")


def tiff(pages: list[Image.Image], dpi=FAX_FINE) -> bytes:
    """A fax's TIFF: every page, Group 4 compressed, its resolution in its header."""
    out = io.BytesIO()
    pages[0].save(
        out, "TIFF", save_all=True, append_images=pages[1:], compression="group4", dpi=dpi
    )
    return out.getvalue()


def image_pdf(pages: list[Image.Image], dpi=FAX_FINE) -> bytes:
    """A PDF of page images with no text layer, as a scanner makes one (square pixels, as
    a PDF's pages have them)."""
    square = [p.convert("L").resize((p.width, round(p.height * dpi[0] / dpi[1]))) for p in pages]
    out = io.BytesIO()
    square[0].save(out, "PDF", save_all=True, append_images=square[1:], resolution=dpi[0])
    return out.getvalue()


def scanned_pdf(text: str) -> bytes:
    return image_pdf([faxed(page) for page in pages_of(text)])
