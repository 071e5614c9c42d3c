"""One demand file in, its structured request and the engine's decision out.

Joins intake and law; like them it needs no database. `review_file` is what the command
line, and later the web app and API, call.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from custodes.env import env_int, env_list
from custodes.intake import UnreadableInput, extract_request
from custodes.intake.document import SUFFIXES, decode_text, read_bytes, read_document_noted
from custodes.law import Decision, Request, RequestError, ReviewConfig, review


@dataclass(frozen=True)
class Review:
    path: Path
    request: Request
    decision: Decision
    notes: tuple[str, ...] = ()  # what was read with a caveat (an e-mail's unknown charset)

    def to_dict(self) -> dict:
        return {"request": self.request.to_dict(), "decision": self.decision.to_dict()}


def config_from_env(received_on: date, providers: tuple[str, ...] = ()) -> ReviewConfig:
    """The deployment's settings (a threshold unset is the rule pack's); names given on the
    command line win over CUSTODES_PROVIDER."""
    return ReviewConfig(
        received_on=received_on,
        providers=providers or env_list("CUSTODES_PROVIDER"),
        challenge_window_days=env_int("CUSTODES_CHALLENGE_WINDOW_DAYS", None),
        max_selectors=env_int("CUSTODES_MAX_SELECTORS", None),
        max_date_range_days=env_int("CUSTODES_MAX_DATE_RANGE_DAYS", None),
        government_domains=env_list("CUSTODES_GOVERNMENT_DOMAINS"),
    )


def load_request(path: Path) -> Request:
    return _loaded(path)[0]


def _loaded(path: Path) -> tuple[Request, tuple[str, ...]]:
    """The demand's request, and what was read with a caveat."""
    if path.suffix.lower() == ".json":
        return _structured(path), ()
    source_kind = "pdf" if path.suffix.lower() == ".pdf" else "text"
    text, notes = read_document_noted(path)
    return extract_request(text, source_kind=source_kind), notes


def _structured(path: Path) -> Request:
    text = decode_text(read_bytes(path), path.name)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableInput(
            f"{path}: not valid JSON (line {error.lineno}: {error.msg}); "
            "send a structured request as in the review contract"
        ) from None
    try:
        return Request.from_dict(data)
    except RequestError as error:
        raise UnreadableInput(f"{path}: {error}") from None


def review_file(path: Path, config: ReviewConfig) -> Review:
    request, notes = _loaded(path)
    return Review(path, request, review(request, config), notes)


def demands_in(folder: Path) -> list[Path]:
    found = sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.endswith(".expected.json")
    )
    if not found:
        raise UnreadableInput(
            f"{folder}: no demands here; put .txt, .pdf, .eml or .json files in the folder"
        )
    return found
