"""The sealed package: a ZIP of a CSV and a JSON file for each dataset (grouped by data
category), a list of what was left out and why, the cover letter and the business-records
certificate as PDFs, and a manifest with the SHA-256 of every file, all encrypted to the age
format as it is written.

Rows stream from the provider's database through the ZIP writer and the age encryption to
the output file in batches, so memory stays the same whatever the number of rows. No
Django here: the production service and the benchmark both call `write`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

import orjson
import pyrage

from custodes.production.connector import Stream

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Part:
    """One dataset of the package: where it goes, and how to read its rows (once per file
    written: the CSV and the JSON each read the query again rather than hold it)."""

    category: str
    name: str
    open_stream: Callable[[], Iterable[Stream]]  # one stream per account

    @property
    def stem(self) -> str:
        return f"{self.category}/{self.name}"


@dataclass
class Written:
    name: str
    sha256: str
    bytes: int
    rows: int | None = None

    def to_dict(self) -> dict:
        entry = {"name": self.name, "sha256": self.sha256, "bytes": self.bytes}
        if self.rows is not None:
            entry["rows"] = self.rows
        return entry


@dataclass
class Contents:
    """What went into the package, for the manifest, the documents and the audit log."""

    files: list[Written] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)  # per dataset
    refused: int = 0  # rows a query returned outside the account or dates, never written


Documents = Callable[[Contents], list[tuple[str, bytes]]]


def write(
    output: BinaryIO, recipient: str, parts: list[Part], left_out: list[dict], documents: Documents
) -> Contents:
    """Write the encrypted package to `output`; returns what it holds. `documents` is
    called once the data files are written, to make the PDFs that describe them."""
    contents = Contents()
    pending = bytearray()
    source = _Pull(_zip(pending, parts, left_out, documents, contents), pending)
    pyrage.encrypt_io(source, output, [pyrage.x25519.Recipient.from_str(recipient)])
    return contents


def _zip(pending: bytearray, parts, left_out, documents, contents: Contents) -> Iterator[None]:
    with zipfile.ZipFile(
        _Sink(pending), "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1
    ) as archive:
        for part in parts:
            as_csv = yield from _entry(archive, f"{part.stem}.csv", _csv(part, contents))
            as_json = yield from _entry(archive, f"{part.stem}.json", _json(part, contents))
            as_csv.rows = as_json.rows = contents.rows[part.name]
            contents.files += [as_csv, as_json]
        listed = yield from _entry(archive, "left-out.json", _whole(json.dumps(left_out, indent=2)))
        contents.files.append(listed)
        for name, data in documents(contents):
            contents.files.append((yield from _entry(archive, name, iter([data]))))
        manifest = {
            "files": [f.to_dict() for f in contents.files],
            "left_out": left_out,
            "rows_refused_by_checks": contents.refused,
        }
        yield from _entry(archive, MANIFEST, _whole(json.dumps(manifest, indent=2)))
    yield


def _entry(archive, name: str, chunks: Iterator[bytes]):
    digest, size = hashlib.sha256(), 0
    with archive.open(name, "w", force_zip64=True) as entry:
        for chunk in chunks:
            entry.write(chunk)
            digest.update(chunk)
            size += len(chunk)
            yield
    return Written(name, digest.hexdigest(), size)


def _whole(text: str) -> Iterator[bytes]:
    yield text.encode()


def _csv(part: Part, contents: Contents) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header, rows = False, 0
    for stream in part.open_stream():
        if not header:
            writer.writerow(stream.columns)
            header = True
        for batch in stream.rows:
            writer.writerows(batch)
            rows += len(batch)
            yield _drain(buffer)
        contents.refused += stream.refused  # counted once: the JSON pass refuses the same
    yield _drain(buffer)
    contents.rows[part.name] = rows


def _json(part: Part, contents: Contents) -> Iterator[bytes]:
    """{"dataset", "category", "columns", "rows": [[…], …]}, written a batch at a time; it reads
    the same snapshot as the CSV, so the counts must agree."""
    first, opened, rows = True, False, 0
    for stream in part.open_stream():
        if not opened:
            head = {"dataset": part.name, "category": part.category, "columns": stream.columns}
            yield (json.dumps(head)[:-1] + ', "rows": [\n').encode()
            opened = True
        for batch in stream.rows:
            if not batch:
                continue
            rows_json = orjson.dumps(batch, default=str)[1:-1]  # the batch without its [ ]
            yield rows_json if first else b"," + rows_json
            first, rows = False, rows + len(batch)
    if not opened:
        head = {"dataset": part.name, "category": part.category, "columns": []}
        yield (json.dumps(head)[:-1] + ', "rows": [\n').encode()
    yield b"\n]}\n"
    if rows != contents.rows[part.name]:
        raise RuntimeError(
            f"{part.name}: the JSON read {rows} rows, the CSV {contents.rows[part.name]}"
        )


def _drain(buffer: io.StringIO) -> bytes:
    data = buffer.getvalue().encode()
    buffer.seek(0)
    buffer.truncate()
    return data


class _Sink(io.RawIOBase):
    """Where the ZIP writer writes: the bytes wait in `pending` for the encryption to read."""

    def __init__(self, pending: bytearray) -> None:
        self.pending, self.position = pending, 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.pending += data
        self.position += len(data)
        return len(data)

    def tell(self) -> int:
        return self.position


class _Pull(io.RawIOBase):
    """What the encryption reads: it runs the ZIP writer a step at a time, as it needs bytes."""

    def __init__(self, steps: Iterator[None], pending: bytearray) -> None:
        self.steps, self.pending = steps, pending

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:
        while len(self.pending) < len(target):
            if next(self.steps, StopIteration) is StopIteration:
                break
        size = min(len(target), len(self.pending))
        target[:size] = self.pending[:size]
        del self.pending[:size]
        return size
