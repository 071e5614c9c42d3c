"""A published CSV file as rows with their line numbers, read the way publishers write them:
a byte-order mark, old-Mac line endings, a stray byte that is not UTF-8. What was read with a
caveat is kept in the file's notes, said in the import's summary."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from custodes.law.refusal import Refused
from custodes.transparency.periods import Period


class Notes:
    """Caveats, each said once with how many rows it touched and the first line."""

    def __init__(self) -> None:
        self._lines: dict[str, list[int]] = {}

    def add(self, message: str, line: int | None = None) -> None:
        lines = self._lines.setdefault(message, [])
        if line is not None:
            lines.append(line)

    def summary(self) -> list[str]:
        said = []
        for message, lines in self._lines.items():
            if len(lines) == 1:
                message += f" (line {lines[0]})"
            elif lines:
                message += f" ({len(lines)} rows, the first at line {lines[0]})"
            said.append(message)
        return said


Row = tuple[int, list[str]]  # the line it starts on, its cells stripped


@dataclass
class Table:
    path: Path
    rows: list[Row]
    period: Period | None = None  # given on the command line, for files that do not say it
    notes: Notes = field(default_factory=Notes)

    @classmethod
    def load(cls, path: Path, period: Period | None = None) -> Table:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise Refused(f"{path}: cannot be read ({error.strerror})") from None
        if b"\x00" in data:
            raise Refused(
                f"{path}: not a CSV text file (it holds NUL bytes; a spreadsheet? save it as CSV)"
            )
        table = cls(path, [], period)
        text = table._decode(data)
        reader = csv.reader(io.StringIO(text, newline=None))
        try:
            start = 1
            for cells in reader:
                table.rows.append((start, [cell.strip() for cell in cells]))
                start = reader.line_num + 1
        except csv.Error as error:
            raise table.refused(reader.line_num, f"not CSV as written ({error})") from None
        return table

    def _decode(self, data: bytes) -> str:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
        text = data.decode("utf-8-sig", errors="replace")
        for number, line in enumerate(io.StringIO(text, newline=None), start=1):
            if "\ufffd" in line:
                self.notes.add(
                    f"a byte that is not UTF-8 read as \ufffd in {line.strip()[:60]!r} (in a "
                    "name this changes nothing; in a figure the row is refused)",
                    number,
                )
        return text

    def refused(self, line: int, message: str) -> Refused:
        return Refused(f"{self.path}: line {line}: {message}")

    def header(self) -> Row:
        return next(((n, cells) for n, cells in self.rows if any(cells)), (1, []))

    def rename(self, names: dict[str, str]) -> None:
        """Reads the header's older names as today's."""
        line, _ = self.header()
        self.rows = [
            (n, [names.get(c, c) for c in cells] if n == line else cells) for n, cells in self.rows
        ]

    def records(self, read: Callable[[dict[str, str], int], list[dict]]) -> Iterator[dict]:
        """Each row under the header as a dict of its cells, passed to `read`, whose
        ValueError refuses the file with the row's line."""
        start, header = self.header()
        for number, cells in self.rows:
            if number <= start or not any(cells):
                continue
            if len(cells) != len(header):
                raise self.refused(number, f"{len(cells)} cells, the header has {len(header)}")
            try:
                for record in read(dict(zip(header, cells, strict=True)), number):
                    yield record | {"line": number}
            except ValueError as error:
                raise self.refused(number, str(error)) from None
