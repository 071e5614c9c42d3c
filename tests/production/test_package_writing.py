"""How a package is written: each row read once for both of its files, the files agreeing
with their manifest, and a failure on either side of the sealing thread ending the write
with its own error rather than a package or a hang."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import threading
import zipfile

import pyrage
import pytest
from pyrage import x25519

from custodes.production import package
from custodes.production.connector import Stream

KEY = x25519.Identity.generate()
COLUMNS = ["account", "at", "ip"]


def _rows(count: int, batch: int = 700):
    # a comma in a field, as a device's name has one ("iPhone 15, iOS 19.1"): quoted in the CSV
    rows = [
        ("A-1", f"2026-01-01T{n // 3600:02d}:{n // 60 % 60:02d}", f"ip,{n}") for n in range(count)
    ]
    return [rows[i : i + batch] for i in range(0, count, batch)]


class _Counted:
    """A dataset whose rows are counted as they are read."""

    def __init__(self, batches):
        self.batches, self.opened, self.read = batches, 0, 0

    def __call__(self):
        self.opened += 1

        def rows():
            for batch in self.batches:
                self.read += len(batch)
                yield batch

        return [Stream(COLUMNS, rows())]


def _opened(output: io.BytesIO) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(pyrage.decrypt(output.getvalue(), [KEY])))


def _write(parts, output=None, documents=lambda contents: []):
    output = output if output is not None else io.BytesIO()
    contents = package.write(output, str(KEY.to_public()), parts, [], documents)
    return output, contents


def test_each_row_is_read_once_for_both_the_csv_and_the_json():
    dataset = _Counted(_rows(25_000))  # more than a chunk of CSV, so it is handed over in parts
    output, contents = _write([package.Part("transactional", "logins", dataset)])
    assert (dataset.opened, dataset.read) == (1, 25_000)
    archive = _opened(output)
    header, *rows = csv.reader(io.StringIO(archive.read("transactional/logins.csv").decode()))
    as_json = json.loads(archive.read("transactional/logins.json"))
    assert header == as_json["columns"] == COLUMNS
    assert rows == as_json["rows"] == [list(r) for batch in dataset.batches for r in batch]
    assert contents.rows == {"logins": 25_000}


def test_the_manifest_holds_each_files_hash_size_and_rows():
    output, _ = _write(
        [package.Part("transactional", "logins", _Counted(_rows(3000)))],
        documents=lambda contents: [("letter.pdf", b"%PDF-1.7 a letter")],
    )
    archive = _opened(output)
    manifest = json.loads(archive.read(package.MANIFEST))
    for entry in manifest["files"]:
        data = archive.read(entry["name"])
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["bytes"] == len(data)
    rows = {f["name"]: f.get("rows") for f in manifest["files"]}
    assert rows["transactional/logins.csv"] == rows["transactional/logins.json"] == 3000
    names = [f["name"] for f in manifest["files"]]
    assert names == [
        "transactional/logins.csv",
        "transactional/logins.json",
        "left-out.json",
        "letter.pdf",
    ]


def test_a_dataset_with_no_stream_still_has_both_files():
    output, contents = _write([package.Part("content", "posts", lambda: [])])
    archive = _opened(output)
    assert archive.read("content/posts.csv") == b""
    assert json.loads(archive.read("content/posts.json"))["rows"] == []
    assert contents.rows == {"posts": 0}


def test_a_database_error_while_reading_ends_the_write_with_that_error():
    def failing():
        yield from _rows(20_000)[:10]
        raise ConnectionError("the provider's database went away")

    with pytest.raises(ConnectionError, match="went away"):
        _write([package.Part("transactional", "logins", lambda: [Stream(COLUMNS, failing())])])
    assert not [t for t in threading.enumerate() if t.name == "custodes-seal"]


class _FullDisk(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        raise OSError(28, "No space left on device")


def test_an_output_that_cannot_be_written_ends_the_write_with_that_error():
    # (the age library wraps the error in its own EncryptError, which names it)
    with pytest.raises((OSError, pyrage.EncryptError), match="No space left"):
        _write([package.Part("transactional", "logins", _Counted(_rows(50_000)))], _FullDisk())
    assert not [t for t in threading.enumerate() if t.name == "custodes-seal"]
