"""An e-mail read as one text: its headers, its body, its text attachments and forwarded
messages; and split into its own text and its attachments. A message each must read, and a
near miss (a file with no headers, binary noise, an HTML page's script) it must not read as
text."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from custodes.intake import UnreadableInput, mail

ASK = "Please produce the subscriber records of the account @saltmarsh_09."


def message(body: str = ASK, **headers: str) -> EmailMessage:
    out = EmailMessage()
    out["From"] = headers.get("From", "Det. Ana Ruiz <aruiz@metro.example.gov>")
    out["To"] = "legal@parley.example"
    out["Subject"] = headers.get("Subject", "Records request 26-0412")
    out.set_content(body)
    return out


def forwarded() -> EmailMessage:
    outer = message("See the request below.", Subject="Fwd: Records request")
    outer.add_attachment(message())
    return outer


def with_text_file() -> EmailMessage:
    outer = message("The request is attached.")
    outer.add_attachment(ASK.encode(), maintype="text", subtype="plain", filename="request.txt")
    return outer


def as_html() -> EmailMessage:
    outer = message()
    outer.add_alternative(
        "<html><script>var x = 1;</script><p>Please produce the records.</p></html>",
        subtype="html",
    )
    return outer


READS = [
    (message(), ["Det. Ana Ruiz", "Subject: Records request 26-0412", ASK]),
    (forwarded(), ["See the request below.", ASK]),
    pytest.param(
        forwarded(),
        ["Subject: Fwd: Records request", "Subject: Records request 26-0412"],
        marks=pytest.mark.xfail(
            strict=True,
            reason="a message forwarded as an attachment (message/rfc822) loses its own "
            "headers: the walk over the parts descends into it and reads only its body, so "
            "the original sender, date and subject of a forwarded demand are not in the text",
        ),
        id="forwarded-headers",
    ),
    (with_text_file(), ["The request is attached.", ASK]),
    (as_html(), ["Please produce the records."]),
]


@pytest.mark.parametrize(("email", "said"), READS)
def test_an_e_mail_is_read_whole(email, said):
    text = mail.email_text(email.as_bytes(), "demand.eml")
    for words in said:
        assert words in text


def test_an_html_parts_script_is_not_read():
    assert "var x" not in mail.email_text(as_html().as_bytes(), "demand.eml")


def test_a_binary_attachment_is_not_read_as_text():
    outer = message()
    noise = bytes(range(256)) * 8
    outer.add_attachment(noise, maintype="application", subtype="octet-stream", filename="x.bin")
    text = mail.email_text(outer.as_bytes(), "demand.eml")
    assert ASK in text and "\x01" not in text


NOT_EMAILS = [
    b"",
    b"Please produce the records.\n",
]


@pytest.mark.parametrize("data", NOT_EMAILS)
def test_a_file_with_no_headers_is_refused_as_no_e_mail(data):
    with pytest.raises(UnreadableInput, match="this is not an e-mail"):
        mail.email_text(data, "demand.eml")


def test_an_unknown_charset_is_read_with_a_note():
    data = message().as_bytes().replace(b'charset="utf-8"', b'charset="x-martian"')
    reading = mail.read_email(data, "demand.eml")
    assert ASK in reading.text
    assert len(reading.notes) == 1 and "x-martian" in reading.notes[0]


def test_split_keeps_each_attachment_apart_from_the_body():
    parts = mail.split_email(with_text_file().as_bytes(), "demand.eml")
    assert "The request is attached." in parts.body and ASK not in parts.body
    [attachment] = parts.attachments
    assert (attachment.name, attachment.declared_type) == ("request.txt", "text/plain")
    assert attachment.data.decode().strip() == ASK
