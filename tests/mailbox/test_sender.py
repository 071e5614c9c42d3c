"""The sender of a mailed demand: its address vetted as a sign-up is, and believed only when
the receiving mail server's Authentication-Results confirm it."""

from __future__ import annotations

from email.message import EmailMessage

from custodes.mailbox.sender import check_sender, parse_results

OURS = "mx.parley.example"


def _message(sender: str, *results: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    for value in results:
        message["Authentication-Results"] = value
    message.set_content("A demand.")
    return message


def _check(sender: str, *results: str, authserv_id: str | None = OURS):
    return check_sender(_message(sender, *results), (), authserv_id)


def test_a_government_address_the_server_confirmed_is_vetted():
    check = _check("SA Dana Reyes <Agent@FBI.gov>", f"{OURS}; dmarc=pass header.from=fbi.gov")
    assert check.vetted and check.address == "agent@fbi.gov"
    assert "official government domain" in check.reason and "dmarc=pass" in check.reason


def test_a_spoofed_government_address_is_not_vetted():
    check = _check(
        "FBI Emergency <emergency@fbi.gov>",
        f"{OURS}; spf=fail smtp.mailfrom=bulk.example; dkim=none; dmarc=fail header.from=fbi.gov",
    )
    assert not check.vetted and check.verdict == "accept" and check.authentication == "fail"
    assert check.reason.startswith("Not vetted") and "may be forged" in check.reason


def test_results_the_message_brought_with_it_are_not_believed():
    forged = "mx.attacker.example; dmarc=pass header.from=fbi.gov"
    assert not _check("emergency@fbi.gov", forged).vetted
    # Without a configured authserv-id, only the topmost header (the receiving server's) counts.
    ours = f"{OURS}; dmarc=fail header.from=fbi.gov"
    assert not _check("emergency@fbi.gov", ours, forged, authserv_id=None).vetted


def test_no_results_at_all_is_not_vetted():
    check = _check("agent@fbi.gov")
    assert not check.vetted and check.authentication == "none"
    assert "no Authentication-Results" in check.reason


def test_an_aligned_dkim_signature_confirms_without_dmarc():
    check = _check("agent@field.fbi.gov", f"{OURS}; dkim=pass header.d=fbi.gov header.s=sel")
    assert check.vetted and "dkim=pass" in check.reason


def test_free_mail_and_look_alikes_are_not_vetted_whatever_the_server_says():
    free = _check("cop@gmail.com", f"{OURS}; dmarc=pass header.from=gmail.com")
    assert not free.vetted and free.verdict == "refuse" and "free-mail" in free.reason
    fake = _check("agent@fbi-secure.com", f"{OURS}; dmarc=pass header.from=fbi-secure.com")
    assert not fake.vetted and fake.verdict == "refuse"


def test_a_from_line_without_one_address_is_not_vetted():
    assert not _check("undisclosed-recipients:;").vetted
    assert not _check("a@fbi.gov, b@fbi.gov", f"{OURS}; dmarc=pass").vetted


def test_results_are_read_through_comments_and_quoted_strings():
    server, results = parse_results(
        'mx.parley.example (Postfix 3.7); dkim=pass (2048-bit key; "unprotected") '
        "header.d=fbi.gov header.i=@fbi.gov; spf=pass (sender ok) smtp.mailfrom=agent@fbi.gov;"
        ' dmarc=pass (p=REJECT) header.from=fbi.gov reason="aligned; ok"'
    )
    assert server == "mx.parley.example"
    assert [(r.method, r.result) for r in results] == [
        ("dkim", "pass"),
        ("spf", "pass"),
        ("dmarc", "pass"),
    ]
    assert results[0].properties["header.d"] == "fbi.gov"
