"""Text out of a PDF or a scanned image, read in a child process with a time and a memory limit.

Crafted PDFs have made pypdf loop or exhaust memory, and a crafted image can be a bomb of
pixels; reading them in a child that the operating system stops keeps one bad upload from
taking the service down. A document is read in two steps, each a child of its own with its
own limits: the first reads the text layer of every page (and where each line stands on its
page), and sizes up the pages that have none; the second reads those pages by OCR
(`intake.ocr`), allowed time for each page. A PDF with a partial text layer is OCRed only on
its pages without text; an image (PNG, JPEG, TIFF) on every page.

What the reading keeps beside the text (`Reading.layout`, plain JSON): each page's size,
for each line of the text the page it stands on and its box there (fractions of the page),
and for pages read by OCR the engine, the confidences and the words under the threshold.
The case page draws the pages and the highlights from it.
"""

from __future__ import annotations

import base64
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field

from custodes.intake import images, ocr
from custodes.intake.errors import UnreadableInput

TIME_LIMIT_SECONDS = 20
OCR_SECONDS_PER_PAGE = 30  # the second step's limit: this for each page, and the first's
MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024
MAX_PAGES = 500
MAX_OCR_PAGES = 50  # pages read by OCR in one document
OCR_DPI = 300  # a PDF page is rendered at this for Tesseract
VIEW_WIDTH = 1100  # pixels: a page as the case page shows it


@dataclass(frozen=True)
class Reading:
    text: str
    layout: dict = field(default_factory=dict)
    notes: tuple[str, ...] = ()  # what was read with a caveat (by OCR, and how sure)


def pdf_text(data: bytes, name: str, time_limit: float | None = None) -> str:
    """The PDF's text, read within `time_limit` seconds (TIME_LIMIT_SECONDS unless less is
    left of a budget the caller keeps)."""
    return read_pdf(data, name, time_limit).text


def read_pdf(data: bytes, name: str, time_limit: float | None = None) -> Reading:
    """The PDF's text, its pages without a text layer read by OCR, and where each line is."""
    if not data.lstrip()[:5] == b"%PDF-":
        raise UnreadableInput(
            f"{name}: this is not a PDF (it does not start with %PDF-); send the PDF itself, "
            "or the demand as text"
        )
    return _read(data, name, "pdf", time_limit)


def read_image(data: bytes, name: str, time_limit: float | None = None) -> Reading:
    """A scanned or faxed image's text by OCR, every page of it."""
    if images.kind_of(data) is None:
        raise UnreadableInput(
            f"{name}: this is not a PNG, JPEG or TIFF image; send the scan as one of these, "
            "as a PDF, or the demand as text"
        )
    return _read(data, name, "image", time_limit)


def render_page(data: bytes, name: str, page: int, width: int = VIEW_WIDTH) -> bytes:
    """Page `page` (from 0) of a stored PDF or image as a PNG `width` pixels wide, drawn in
    the limited child as reading is."""
    kind = "pdf" if data.lstrip()[:5] == b"%PDF-" else "image"
    with tempfile.NamedTemporaryFile(suffix=f".{kind}") as handle:
        handle.write(data)
        handle.flush()
        result = _run_child(["render", kind, handle.name, str(page), str(width)], name, 20)
    if "error" in result:
        raise UnreadableInput(f"{name}: {result['error']}")
    return base64.b64decode(result["png"])


def _read(data: bytes, name: str, kind: str, time_limit: float | None) -> Reading:
    limit = TIME_LIMIT_SECONDS if time_limit is None else time_limit
    with tempfile.NamedTemporaryFile(suffix=f".{kind}") as handle:
        handle.write(data)
        handle.flush()
        first = _run_child(["layer", kind, handle.name], name, limit)
        if "error" in first:
            raise UnreadableInput(f"{name}: {first['error']}")
        missing = [n for n, page in enumerate(first["pages"]) if page["text"] is None]
        if not missing:
            return _assembled(first["pages"], {}, "", name)
        if not ocr.available():
            return _without_ocr(first["pages"], missing, name)
        if len(missing) > MAX_OCR_PAGES:
            raise UnreadableInput(
                f"{name}: {len(missing)} pages have no text and would be read by OCR, "
                f"over the {MAX_OCR_PAGES} a document may hold; send the demand alone"
            )
        pages = ",".join(str(n) for n in missing)
        limit = _ocr_limit(len(missing), time_limit)
        second = _run_child(["ocr", kind, handle.name, pages], name, limit)
    if "error" in second:
        raise UnreadableInput(f"{name}: {second['error']}")
    read = {int(n): page for n, page in second["pages"].items()}
    return _assembled(first["pages"], read, second["engine"], name)


def _ocr_limit(pages: int, time_limit: float | None) -> float:
    """The OCR step's time: a base and so much a page, within what is left of a caller's
    budget (an e-mail's, for its attachments)."""
    limit = TIME_LIMIT_SECONDS + OCR_SECONDS_PER_PAGE * pages
    return limit if time_limit is None else min(limit, time_limit)


def _without_ocr(pages: list[dict], missing: list[int], name: str) -> Reading:
    """A PDF's text layer where the server has no OCR engine: its pages without text empty."""
    if len(missing) == len(pages):
        raise UnreadableInput(
            f"{name}: it is a scan (it has no text layer), and the OCR engine (tesseract) is "
            "not installed on this server (`make ocr`); send a PDF with text, or the text"
        )
    for n in missing:
        pages[n] = {**pages[n], "text": "", "boxes": [None]}
    reading = _assembled(pages, {}, "", name)
    said = ", ".join(str(n + 1) for n in missing)
    pages_ = f"page {said} has" if len(missing) == 1 else f"pages {said} have"
    note = f"{pages_} no text layer, not read: no OCR engine is installed"
    return Reading(reading.text, reading.layout, (note,))


def _assembled(pages: list[dict], read: dict[int, dict], engine: str, name: str) -> Reading:
    """The pages' texts as one, and the layout: every line's page and box, in text order."""
    texts: list[str] = []
    lines: list = []
    low: list = []
    sizes: list = []
    for n, page in enumerate(pages):
        scanned = read.get(n)
        source = scanned if scanned is not None else page
        confidence = scanned["confidence"] if scanned else None
        sizes.append({"w": page["w"], "h": page["h"], "ocr": confidence})
        base = len(texts)  # the lines before this page's
        for text, box in zip(source["text"].split("\n"), source["boxes"], strict=True):
            lines.append([n, *box] if box else None)
            texts.append(text)
        for index, start, end, confidence, word, box in (scanned or {}).get("low", []):
            low.append([base + index + 1, start, end, confidence, word, n, *box])
    text = "\n".join(texts).replace("\x00", "")  # a NUL is never text, and databases refuse it
    layout: dict = {"pages": sizes, "lines": lines}
    notes: tuple[str, ...] = ()
    if read:
        # the mean over every word read, as each page's is over its own
        words = sum(p["words"] for p in read.values())
        total = sum((p["confidence"] or 0) * p["words"] for p in read.values())
        mean = round(total / words, 1) if words else 0.0
        layout["ocr"] = {"engine": engine, "mean": mean, "threshold": ocr.LOW_CONFIDENCE}
        layout["low"] = low
        each = ", ".join(f"page {n + 1} {read[n]['confidence'] or 0:.0f}%" for n in sorted(read))
        notes = (
            f"read by OCR ({engine}), mean confidence {mean:.0f}% ({each}); "
            f"{len(low)} words under {ocr.LOW_CONFIDENCE:.0f}% are marked on the case page",
        )
    if not text.strip():
        raise UnreadableInput(
            f"{name}: no text could be read from it, not even by OCR; send a clearer scan, "
            "or the text"
        )
    return Reading(text, layout, notes)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))


def _run_child(arguments: list[str], name: str, time_limit: float) -> dict:
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "custodes.intake.pdf", *arguments],
            capture_output=True,
            timeout=time_limit,
            preexec_fn=_limit_memory,
            env={**os.environ, "PYTHONWARNINGS": "ignore"},
            check=False,
        )
    except subprocess.TimeoutExpired:
        what = "the PDF" if arguments[1] == "pdf" else "the image"
        raise UnreadableInput(
            f"{name}: reading {what} took over {time_limit:g} s and was stopped; "
            "send it printed again to PDF, or as text"
        ) from None
    if completed.returncode != 0:
        what = "The PDF" if arguments[1] == "pdf" else "The image"
        raise UnreadableInput(
            f"{name}: {what.lower()} could not be read (the reader stopped, code "
            f"{completed.returncode}); send it printed again to PDF, or as text"
        )
    return json.loads(completed.stdout)


# --- in the child ------------------------------------------------------------------------


def _layer(kind: str, path: str) -> dict:
    """Every page's text layer (None where it has none) and its lines' boxes."""
    if kind == "image":
        return images.sized_up(path)
    from pypdf import PdfReader

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            return {"error": "the PDF is encrypted; send a copy without a password"}
        if len(reader.pages) > MAX_PAGES:
            return {"error": f"the PDF has over {MAX_PAGES} pages; send the demand alone"}
        texts = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except Exception as error:  # a crafted PDF can make the reader raise anything at all
        return {"error": f"the PDF is broken ({type(error).__name__}); send it printed again"}
    pages = []
    try:
        import pypdfium2

        document = pypdfium2.PdfDocument(path)
    except Exception:  # pdfium refuses what pypdf read: the text without its places
        document = None
    for n, text in enumerate(texts):
        text = text.replace("\x00", "")
        if document is None:
            pages.append(
                {"w": 612, "h": 792, "text": text, "boxes": [None] * len(text.split("\n"))}
            )
            continue
        page = document[n]
        w, h = page.get_size()
        if not text.strip():
            pages.append({"w": w, "h": h, "text": None, "boxes": []})
        else:
            pages.append({"w": w, "h": h, "text": text, "boxes": _line_boxes(page, text, w, h)})
    return {"pages": pages}


_CHUNK = re.compile(r"\S+(?: \S+)*")  # a run of words, one space apart


def _line_boxes(page, text: str, width: float, height: float) -> list:
    """For each line of pypdf's text of `page`, its box on the page as pdfium finds its words
    (None where it finds none), searched for in order from where the last line was found."""
    textpage = page.get_textpage()
    boxes: list = []
    at = 0
    for line in text.split("\n"):
        found = []
        for chunk in _CHUNK.findall(line):
            searcher = textpage.search(chunk, index=at, match_case=True)
            hit = searcher.get_next()
            if hit is None:
                continue
            start, count = hit
            for i in (start, start + count - 1):
                found.append(textpage.get_charbox(i))
            at = start + count
        if not found:
            boxes.append(None)
            continue
        left = min(b[0] for b in found)
        right = max(b[2] for b in found)
        bottom = min(b[1] for b in found)
        top = max(b[3] for b in found)
        boxes.append(
            [
                round(left / width, 4),
                round(1 - top / height, 4),
                round(right / width, 4),
                round(1 - bottom / height, 4),
            ]
        )
    return boxes


def _ocr(kind: str, path: str, pages: str) -> dict:
    """The pages named (from 0) read by OCR."""
    read = {}
    for n in (int(p) for p in pages.split(",")):
        image, dpi = images.page_image(path, n) if kind == "image" else _rendered(path, n)
        page = ocr.read_image(image, dpi)
        low = [
            [index, start, end, word.confidence, word.text, [round(c, 4) for c in word.box]]
            for index, placed in enumerate(page.words)
            for start, end, word in placed
            if 0 <= word.confidence < ocr.LOW_CONFIDENCE
        ]
        boxes = [page.line_box(i) for i in range(len(page.lines))]
        read[n] = {
            "text": "\n".join(page.lines),  # a blank page: one empty line, as pypdf reads it
            "boxes": [[round(c, 4) for c in box] if box else None for box in boxes] or [None],
            "confidence": page.confidence,
            "words": sum(len(placed) for placed in page.words),
            "low": low,
        }
    return {"pages": read, "engine": ocr.version()}


def _rendered(path: str, n: int, dpi: int = OCR_DPI):
    import pypdfium2

    page = pypdfium2.PdfDocument(path)[n]
    return page.render(scale=dpi / 72, grayscale=True).to_pil(), dpi


def _render(kind: str, path: str, n: str, width: str) -> dict:
    import io

    n_, width_ = int(n), int(width)
    if kind == "image":
        image, _ = images.page_image(path, n_)
    else:
        import pypdfium2

        page = pypdfium2.PdfDocument(path)[n_]
        image = page.render(scale=width_ / page.get_size()[0]).to_pil()
    if image.width != width_:
        image = image.resize((width_, max(1, round(image.height * width_ / image.width))))
    out = io.BytesIO()
    image.convert("RGB" if image.mode not in ("L", "1") else "L").save(out, "PNG", optimize=True)
    return {"png": base64.b64encode(out.getvalue()).decode()}


def _child(arguments: list[str]) -> dict:
    step, *rest = arguments
    try:
        if step == "layer":
            return _layer(*rest)
        if step == "ocr":
            return _ocr(*rest)
        return _render(*rest)
    except UnreadableInput as error:
        return {"error": str(error)}
    except Exception as error:  # a page that sized up well but breaks when decoded
        what = "PDF" if rest[0] == "pdf" else "image"
        return {"error": f"the {what} is broken ({type(error).__name__}); send it scanned again"}


if __name__ == "__main__":
    print(json.dumps(_child(sys.argv[1:])))
