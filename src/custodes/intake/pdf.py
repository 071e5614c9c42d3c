"""Text out of a PDF, read in a child process with a time and a memory limit.

Crafted PDFs have made pypdf loop or exhaust memory; reading them in a child that the
operating system stops keeps one bad upload from taking the service down.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile

from custodes.intake.errors import UnreadableInput

TIME_LIMIT_SECONDS = 20
MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024
MAX_PAGES = 500


def pdf_text(data: bytes, name: str, time_limit: float | None = None) -> str:
    """The PDF's text, read within `time_limit` seconds (TIME_LIMIT_SECONDS unless less is
    left of a budget the caller keeps)."""
    if not data.lstrip()[:5] == b"%PDF-":
        raise UnreadableInput(
            f"{name}: this is not a PDF (it does not start with %PDF-); send the PDF itself, "
            "or the demand as text"
        )
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        limit = TIME_LIMIT_SECONDS if time_limit is None else time_limit
        result = _run_child(handle.name, name, limit)
    if "error" in result:
        raise UnreadableInput(f"{name}: {result['error']}")
    return result["text"]


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))


def _run_child(path: str, name: str, time_limit: float) -> dict:
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "custodes.intake.pdf", path],
            capture_output=True,
            timeout=time_limit,
            preexec_fn=_limit_memory,
            env={**os.environ, "PYTHONWARNINGS": "ignore"},
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise UnreadableInput(
            f"{name}: reading the PDF took over {time_limit:g} s and was stopped; "
            "send it printed again to PDF, or as text"
        ) from None
    if completed.returncode != 0:
        raise UnreadableInput(
            f"{name}: the PDF could not be read (the reader stopped, code "
            f"{completed.returncode}); send it printed again to PDF, or as text"
        )
    return json.loads(completed.stdout)


def _extract(path: str) -> dict:
    """Runs in the child: the text of every page, or an error people can act on."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            return {"error": "the PDF is encrypted; send a copy without a password"}
        if len(reader.pages) > MAX_PAGES:
            return {"error": f"the PDF has over {MAX_PAGES} pages; send the demand alone"}
        text = "\n".join(page.extract_text(extraction_mode="layout") or "" for page in reader.pages)
    except Exception as error:  # a crafted PDF can make the reader raise anything at all
        return {"error": f"the PDF is broken ({type(error).__name__}); send it printed again"}
    text = text.replace("\x00", "")  # a NUL is never text, and databases refuse it
    if not text.strip():
        return {"error": "the PDF has no text layer (a scan?); send a PDF with text, or the text"}
    return {"text": text}


if __name__ == "__main__":
    print(json.dumps(_extract(sys.argv[1])))
