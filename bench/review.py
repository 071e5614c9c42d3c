"""How fast custodes reviews, on one core.

Prints one line per figure: structured requests reviewed per second by the engine alone, and
text demands read from disk, extracted and reviewed per second. Exits 0 whatever the figures.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from custodes.intake import extract_request, read_document
from custodes.law import ReviewConfig, review

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT.parent / "shared" / "cases", ROOT / "demo"]
SECONDS = 3.0


def _demands() -> list[Path]:
    found = [p for folder in SOURCES if folder.is_dir() for p in sorted(folder.glob("*.txt"))]
    return found + sorted((ROOT / "demo").glob("*.eml"))


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
    requests = [extract_request(read_document(path)) for path in demands]

    engine = _rate(lambda request: review(request, config), requests)
    print(f"engine_reviews: {engine:,.0f} reviews/s (target >= 10,000)")

    end_to_end = _rate(lambda path: review(extract_request(read_document(path)), config), demands)
    print(f"text_demands_end_to_end: {end_to_end:,.0f} demands/s (target >= 300)")


if __name__ == "__main__":
    main()
