"""How fast custodes reviews, on one core.

Prints one line per figure and exits 0 whatever the figures:
- the engine alone on structured requests as the portal and API send them (one-sentence
  purposes), and on requests extracted from the sample texts (purposes of several sentences,
  which the meaning rules read in full);
- text demands read from disk, extracted and reviewed, end to end;
- the `custodes` command as a whole process, as a person starts it: `--help`, and `review`
  of one sample (medians of BENCH_STARTS runs, default 10);
- one text of 1, 4 and 16 MB read (one sample over and over);
- a scan read by OCR (Tesseract, in the limited child): one faxed page as a TIFF, and a
  10-page scanned PDF (a sample drawn on pages, skewed, faxed and specked as the tests make
  scans); said to be not measured where Tesseract is not installed (`make ocr`).

Every figure is measured on the shared samples (`../shared/cases` and its sub-folders), each
reviewed for its own folder's provider; where they are absent, the benchmark says so and
measures nothing rather than something else.
"""

from __future__ import annotations

import itertools
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from custodes.intake import extract_request, read_document
from custodes.law import Request, ReviewConfig, review
from custodes.law.vocab import Instrument

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT.parent / "shared" / "cases"
SECONDS = 3.0
STARTS = int(os.environ.get("BENCH_STARTS", "10"))
COMMAND = Path(sys.executable).with_name("custodes")
PURPOSES = [
    "Investigation of wire fraud and money laundering (18 U.S.C. §§ 1343, 1956).",
    "The account posts where immigration agents are and urges followers to film them.",
    "A 14-year-old is missing and believed to be with an adult she met online.",
    "Distribution of child sexual abuse material (18 U.S.C. § 2252A).",
    "Undervalued imports of electronics and unpaid customs duties.",
    "The user wrote reviews accusing the plaintiff's clinic of malpractice.",
]
CATEGORIES = [
    ["subscriber"],
    ["subscriber", "transactional"],
    ["subscriber", "content", "location"],
]


def _structured() -> list[Request]:
    return [
        Request.from_dict(
            {
                "instrument": instrument.value,
                "authority": ["19 U.S.C. § 1509"] if "administrative" in instrument else [],
                "country": "US",
                "addressed_to": "Parley Social, Inc.",
                "requester": {"email": "agent@fbi.gov"},
                "issued_on": "2026-11-16",
                "signed": True,
                "selectors": [{"kind": "username", "value": "someone"}],
                "categories": categories,
                "date_range": {"start": "2026-01-01", "end": "2026-10-31"},
                "emergency": instrument is Instrument.EMERGENCY_REQUEST,
                "purpose": purpose,
            }
        )
        for instrument, categories, purpose in itertools.product(Instrument, CATEGORIES, PURPOSES)
    ]


def _demands() -> list[Path]:
    return sorted(p for p in SAMPLES.rglob("*") if p.suffix in (".txt", ".eml"))


def _config(demand: Path) -> ReviewConfig:
    """The review of a demand for the provider its sample's folder names."""
    names = (demand.parent / "PROVIDER").read_text().splitlines()
    providers = tuple(name.strip() for name in names if name.strip())
    return ReviewConfig(received_on=date(2026, 11, 23), providers=providers)


def _rate(work, items) -> float:
    done, started = 0, time.perf_counter()
    while time.perf_counter() - started < SECONDS:
        for item in items:
            work(item)
        done += len(items)
    return done / (time.perf_counter() - started)


def main() -> None:
    config = ReviewConfig(received_on=date(2026, 11, 23), providers=("Parley Social, Inc.",))
    demands = _demands()
    if not demands:
        print(f"review: not measured ({SAMPLES} holds no samples; the figures are read on them)")
        return
    size = sum(p.stat().st_size for p in demands) // len(demands)
    print(
        f"# {len(demands)} samples from {SAMPLES.name}/ and its sub-folders, "
        f"{size:,} bytes on average"
    )
    configs = {path: _config(path) for path in demands}
    extracted = [(extract_request(read_document(path)), configs[path]) for path in demands]
    structured = _structured()

    rate = _rate(lambda request: review(request, config), structured)
    print(f"engine_reviews_structured: {rate:,.0f} reviews/s (target >= 10,000)")
    rate = _rate(lambda pair: review(*pair), extracted)
    print(f"engine_reviews_extracted_from_text: {rate:,.0f} reviews/s (target >= 10,000)")
    rate = _rate(lambda path: review(extract_request(read_document(path)), configs[path]), demands)
    print(f"text_demands_end_to_end: {rate:,.0f} demands/s (target >= 300)")
    _start_up(demands[0])
    _large_texts(read_document(demands[0]))
    _ocr(read_document(demands[0]))


def _start_up(demand: Path) -> None:
    """The command's wall-clock time from start to exit, the median of STARTS runs."""
    for name, arguments, target in (
        ("cli_help", ["--help"], 100),
        ("cli_review_file", ["review", "--json", str(demand)], 250),
    ):
        times = []
        for _ in range(STARTS):
            started = time.perf_counter()
            subprocess.run([str(COMMAND), *arguments], capture_output=True, check=True)
            times.append((time.perf_counter() - started) * 1000)
        print(f"{name}: {statistics.median(times):.0f} ms (target < {target})")


def _large_texts(demand: str) -> None:
    """A text of 1, 4 and 16 MB (one demand over and over): the time to read it should grow
    as its size does, no faster."""
    per_mb = None
    for megabytes in (1, 4, 16):
        text = (demand + "\n\n") * (megabytes * 1_000_000 // (len(demand) + 2))
        started = time.perf_counter()
        extract_request(text)
        seconds = time.perf_counter() - started
        per_mb = per_mb or seconds
        growth = seconds / (per_mb * megabytes)
        print(
            f"large_text_{megabytes}mb: {seconds:.1f} s, {growth:.2f}x linear "
            "(target: 1.0x, linear in the size)"
        )


def _ocr(demand: str) -> None:
    """One faxed page, and a scan of ten, read by OCR from upload to text (the median of
    three runs for the page, one run for the ten)."""
    from custodes.intake import ocr, pdf

    if not ocr.available():
        print("ocr: not measured (tesseract is not installed; `make ocr` installs it)")
        return
    sys.path.insert(0, str(ROOT))  # the scans the tests make
    from tests.intake import scans

    drawn = scans.pages_of(demand)
    page = scans.tiff([scans.faxed(drawn[0])])
    times = []
    for _ in range(3):
        started = time.perf_counter()
        pdf.read_image(page, "fax.tif")
        times.append(time.perf_counter() - started)
    print(f"ocr_one_page: {statistics.median(times):.1f} s (target < 5)")
    ten = scans.image_pdf([scans.faxed(p) for p in (drawn * 10)[:10]])
    started = time.perf_counter()
    reading = pdf.read_pdf(ten, "scan.pdf")
    seconds = time.perf_counter() - started
    assert len(reading.layout["pages"]) == 10
    print(f"ocr_ten_page_scan: {seconds:.1f} s (target < 40)")


if __name__ == "__main__":
    main()
