"""The sealed package: a ZIP of a CSV and a JSON file for each dataset (grouped by data
category), a list of what was left out and why, the cover letter and the business-records
certificate as PDFs, and a manifest with the SHA-256 of every file, all encrypted to the age
format as it is written.

Rows stream from the provider's database to the output file in batches, so memory stays the
same whatever the number of rows. Each row is read once: the calling thread reads the rows
and writes them as CSV and as JSON; a second thread deflates, hashes and encrypts what the
first hands it (zlib and hashlib let go of Python's lock while they work, so the two run at
once). The JSON waits in a temporary file (on disk past a few megabytes) while the CSV is
written, a ZIP holding one file open at a time. No Django here: the production service and
the benchmark both call `write`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import queue
import tempfile
import threading
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
    """One dataset of the package: where it goes, and how to read its rows (once: the CSV and
    the JSON are written from the same pass)."""

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
    sealer = _Sealer(output, recipient, left_out, documents, contents)
    try:
        for part in parts:
            _dataset(sealer, part, contents)
    except BaseException:
        sealer.abandon()
        raise
    sealer.finish()
    return contents


# What the reading thread hands the sealing thread at a time, and how many such chunks may
# wait: memory stays within a few megabytes.
_CHUNK = 1 << 20
_WAITING = 4
_END, _ABANDON = object(), object()


def _dataset(sealer: _Sealer, part: Part, contents: Contents) -> None:
    """Read the dataset's rows once, writing them as CSV to the sealing thread and as JSON
    to a temporary file that follows the CSV into the package."""
    # closed by the sealing thread once it has copied it into the package, or by the GC
    # with the rest of a write that failed
    spool = tempfile.SpooledTemporaryFile(max_size=8 * _CHUNK)  # noqa: SIM115
    as_csv = sealer.entry(f"{part.stem}.csv")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    pending: list[bytes] = []
    held = rows = 0
    first, opened = True, False
    for stream in part.open_stream():
        if not opened:
            writer.writerow(stream.columns)
            head = {"dataset": part.name, "category": part.category, "columns": stream.columns}
            spool.write((json.dumps(head)[:-1] + ', "rows": [\n').encode())
            opened = True
        for batch in stream.rows:
            if not batch:
                continue
            writer.writerows(batch)
            rows_json = orjson.dumps(batch, default=str)[1:-1]  # the batch without its [ ]
            spool.write(rows_json if first else b"," + rows_json)
            first, rows = False, rows + len(batch)
            pending.append(_drain(buffer))
            held += len(pending[-1])
            if held >= _CHUNK:
                as_csv.send(b"".join(pending))
                pending, held = [], 0
        contents.refused += stream.refused
    if not opened:
        head = {"dataset": part.name, "category": part.category, "columns": []}
        spool.write((json.dumps(head)[:-1] + ', "rows": [\n').encode())
    spool.write(b"\n]}\n")
    pending.append(_drain(buffer))
    as_csv.send(b"".join(pending))
    contents.rows[part.name] = rows
    as_csv.close(rows)
    spool.seek(0)
    sealer.entry(f"{part.stem}.json").close(rows, spool)


class _Entry:
    """A file of the package being written: its bytes go to the sealing thread as they come."""

    def __init__(self, sealer: _Sealer, chunks: queue.Queue) -> None:
        self.sealer, self.chunks = sealer, chunks

    def send(self, data: bytes) -> None:
        if data:
            self.sealer.put(self.chunks, data)

    def close(self, rows: int | None = None, rest: BinaryIO | None = None) -> None:
        """No more bytes, but those of `rest` (a file, read by the sealing thread)."""
        self.sealer.put(self.chunks, (_END, rows, rest))


class _Sealer:
    """The thread that writes the ZIP, hashing each file, and encrypts it to the output."""

    def __init__(self, output, recipient, left_out, documents, contents: Contents) -> None:
        self.entries: queue.Queue = queue.Queue()
        self.current: queue.Queue | None = None  # the chunks of the file being written
        self.abandoned = False
        self.failed: BaseException | None = None
        self.thread = threading.Thread(
            target=self._run,
            args=(output, recipient, left_out, documents, contents),
            name="custodes-seal",
            daemon=True,
        )
        self.thread.start()

    def entry(self, name: str) -> _Entry:
        chunks: queue.Queue = queue.Queue(maxsize=_WAITING)
        self.put(self.entries, (name, chunks))
        self.current = chunks
        return _Entry(self, chunks)

    def put(self, where: queue.Queue, item) -> None:
        """Hand the thread an item, waiting while it is busy, unless it has stopped."""
        while True:
            self._raise_if_failed()
            try:
                where.put(item, timeout=0.2)
                return
            except queue.Full:
                continue

    def finish(self) -> None:
        self.put(self.entries, _END)
        self.thread.join()
        if self.failed is not None:
            raise self.failed

    def abandon(self) -> None:
        """Stop the thread without finishing the package (the caller's error goes on)."""
        self.abandoned = True
        for waiting in (self.current, self.entries):
            while waiting is not None and self.thread.is_alive():
                try:
                    waiting.put(_ABANDON, timeout=0.2)
                    break
                except queue.Full:
                    continue
        self.thread.join()

    def _raise_if_failed(self) -> None:
        if self.failed is not None:
            raise self.failed
        if not self.thread.is_alive():
            raise RuntimeError("the package's sealing thread has stopped")

    def _run(self, output, recipient, left_out, documents, contents: Contents) -> None:
        pending = bytearray()
        steps = _zip(pending, self.entries, left_out, documents, contents)
        try:
            pyrage.encrypt_io(
                _Pull(steps, pending), output, [pyrage.x25519.Recipient.from_str(recipient)]
            )
        except BaseException as error:  # handed to the reading thread, which raises it
            if not self.abandoned:
                self.failed = error


class _Abandoned(Exception):
    """The reading thread failed: the package is not finished."""


def _zip(
    pending: bytearray, entries: queue.Queue, left_out, documents, contents: Contents
) -> Iterator[None]:
    """Write the package a step at a time, as the encryption asks for bytes: the data files
    as the reading thread hands them over, then what describes them."""
    with zipfile.ZipFile(
        _Sink(pending), "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1
    ) as archive:
        while (item := entries.get()) is not _END:
            if item is _ABANDON:
                raise _Abandoned
            name, chunks = item
            written = yield from _entry(archive, name, _handed(chunks))
            contents.files.append(written)
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


def _handed(chunks: queue.Queue):
    """The bytes of one file as the reading thread hands them over; its row count is the
    generator's return value."""
    while True:
        item = chunks.get()
        if item is _ABANDON:
            raise _Abandoned
        if isinstance(item, tuple) and item[0] is _END:
            _, rows, rest = item
            if rest is not None:
                with rest:
                    while data := rest.read(_CHUNK):
                        yield data
            return rows
        yield item


def _entry(archive, name: str, chunks: Iterator[bytes]):
    digest, size = hashlib.sha256(), 0
    with archive.open(name, "w", force_zip64=True) as entry:
        while True:
            try:
                chunk = next(chunks)
            except StopIteration as done:
                rows = done.value
                break
            entry.write(chunk)
            digest.update(chunk)
            size += len(chunk)
            yield
    return Written(name, digest.hexdigest(), size, rows)


def _whole(text: str) -> Iterator[bytes]:
    yield text.encode()


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
