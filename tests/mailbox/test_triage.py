"""Messages to the mailbox that are no demand, told by their headers (setaside.toml)."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from custodes.mailbox.triage import not_a_demand, rules


def _message(**headers: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "agent@fbi.gov"
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content("Text.")
    return message


@pytest.mark.parametrize(
    ("headers", "says"),
    [
        ({"Auto_Submitted": "auto-replied"}, "RFC 3834"),
        ({"Auto_Submitted": "auto-generated; owner-email=x@y"}, "Auto-Submitted"),
        ({"X_Autoreply": "yes"}, "X-Autoreply"),
        ({"X_Autorespond": "Out of office"}, "X-Autorespond"),
        ({"Precedence": "bulk"}, "Precedence"),
        ({"X_Spam_Flag": "YES"}, "spam"),
        ({"X_Spam_Status": "Yes, score=9.1 required=5.0"}, "spam"),
    ],
)
def test_automatic_mail_and_spam_are_no_demand(headers, says):
    assert says in not_a_demand(_message(**headers))


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Auto_Submitted": "no"},
        {"X_Spam_Flag": "NO"},
        {"X_Spam_Status": "No, score=0.2"},
        {"Precedence": "first-class"},
    ],
)
def test_a_person_s_message_is_not_set_aside(headers):
    assert not_a_demand(_message(**headers)) is None


def test_a_bounce_is_no_demand():
    bounce = EmailMessage()
    bounce["From"] = "MAILER-DAEMON@mx.parley.example"
    bounce.set_content("Delivery failed.")
    bounce.add_attachment(
        b"Reporting-MTA: dns; mx.parley.example\r\n\r\nFinal-Recipient: rfc822; x@fbi.gov\r\n"
        b"Action: failed\r\nStatus: 5.1.1\r\n",
        maintype="message",
        subtype="delivery-status",
    )
    bounce.replace_header("Content-Type", 'multipart/report; report-type="delivery-status"')
    assert "RFC 3464" in not_a_demand(bounce)


def test_every_rule_is_well_formed():
    assert rules() and all(r.reason and r.header for r in rules())
