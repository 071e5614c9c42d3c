"""The upload validator under fuzzing: truncated, encrypted and random PDFs, and random bytes.
Never an unexpected error: a readable demand, or UploadRejected with a message that says
what is wrong and what to send."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from custodes.cases.uploads import UploadRejected, check_upload
from tests.intake.pdfs import write_pdf

# Each example a PDF read in a child process (as every PDF is): slow.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

TEXT = "SUBPOENA TO TESTIFY BEFORE A GRAND JURY\nTo: Parley Social, Inc.\nusername: @someone\n"
WHAT_TO_SEND = ("send", "Send")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdfs")
    return {
        "plain": write_pdf(TEXT, folder / "plain.pdf").read_bytes(),
        "encrypted": write_pdf(TEXT, folder / "encrypted.pdf", password="s3cret").read_bytes(),
    }


def _outcome(data: bytes, name: str) -> str:
    try:
        checked = check_upload(data, name)
    except UploadRejected as error:
        message = str(error)
        assert any(word in message for word in WHAT_TO_SEND), message
        return "refused"
    assert checked.kind in ("pdf", "image", "email", "text")
    return "read"


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(cut=st.floats(min_value=0.0, max_value=0.98))
def test_a_truncated_pdf_is_read_or_refused_with_a_reason(pdfs, cut):
    data = pdfs["plain"]
    _outcome(data[: int(len(data) * cut)], "demand.pdf")


@FUZZ
@given(cut=st.floats(min_value=0.2, max_value=1.0))
def test_an_encrypted_pdf_is_refused_whole_or_cut(pdfs, cut):
    data = pdfs["encrypted"]
    assert _outcome(data[: int(len(data) * cut)], "demand.pdf") == "refused"


@FUZZ
@given(junk=st.binary(min_size=0, max_size=4096), at=st.integers(min_value=0, max_value=4000))
def test_random_bytes_inside_a_pdf_are_read_or_refused(pdfs, junk, at):
    data = pdfs["plain"]
    at = min(at, len(data))
    _outcome(data[:at] + junk + data[at + len(junk) :], "demand.pdf")


@FUZZ
@given(junk=st.binary(max_size=2048))
def test_random_bytes_with_a_pdf_header_are_refused(junk):
    assert _outcome(b"%PDF-1.7\n" + junk, "demand.pdf") in ("read", "refused")


@FUZZ
@given(
    junk=st.binary(max_size=2048), name=st.sampled_from(["demand.txt", "x.pdf", "m.eml", "noext"])
)
def test_any_bytes_under_any_name_are_read_or_refused(junk, name):
    _outcome(junk, name)


def test_more_text_than_the_reader_takes_in_seconds_is_refused_with_what_to_send(settings):
    settings.CUSTODES_MAX_TEXT_MB = 1
    check_upload(TEXT.encode() * 8_000, "demand.txt")  # under a megabyte: read
    with pytest.raises(UploadRejected, match=r"holds 1\.\d MB of text, over the 1 MB") as refused:
        check_upload(TEXT.encode() * 20_000, "demand.txt")
    assert refused.value.code == "too_large" and "Send the demand itself" in str(refused.value)
