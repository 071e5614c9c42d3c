"""The mailbox's settings: one URL or its parts, TLS unless the server is on loopback, the
password from the environment or a file, and a clear stop on a value that makes no sense."""

from __future__ import annotations

import pytest

from custodes.env import SettingError
from custodes.mailbox.config import mailbox_from_env


@pytest.fixture
def env(monkeypatch):
    for name in ("URL", "HOST", "PORT", "USER", "FOLDER", "TLS", "PASSWORD", "PASSWORD_FILE"):
        monkeypatch.delenv(f"CUSTODES_IMAP_{name}", raising=False)

    def set_(**values: str):
        for name, value in values.items():
            monkeypatch.setenv(f"CUSTODES_IMAP_{name}", value)
        return mailbox_from_env()

    return set_


def test_no_mailbox_is_set_up_by_default(env):
    assert env() is None


def test_a_url_names_the_server_the_user_and_the_folder(env, tmp_path):
    secret = tmp_path / "imap-password"
    secret.write_text("s3cret\n")
    box = env(
        URL="imaps://legal-process%40parley.example@imap.parley.example/Legal%20Process",
        PASSWORD_FILE=str(secret),
    )
    assert (box.host, box.port, box.user, box.folder, box.tls) == (
        "imap.parley.example",
        993,
        "legal-process@parley.example",
        "Legal Process",
        True,
    )
    assert box.password == "s3cret" and "s3cret" not in repr(box)
    assert box.processed_folder == "custodes-processed"


def test_the_parts_apart_say_the_same(env):
    box = env(HOST="imap.parley.example", USER="legal", PASSWORD="pw")
    assert (box.port, box.folder, box.tls) == (993, "INBOX", True)


@pytest.mark.parametrize(
    ("values", "says"),
    [
        ({"URL": "imaps://legal:pw@imap.parley.example/"}, "holds a password"),
        ({"URL": "https://imap.parley.example/"}, "must begin imaps://"),
        ({"URL": "imaps://imap.parley.example/"}, "must name the user"),
        ({"URL": "imaps://legal@imap.parley.example:99999/"}, "port"),
        ({"URL": "imap://legal@imap.parley.example/"}, "without TLS"),
        ({"URL": "imaps://legal@imap.parley.example/", "HOST": "x"}, "one way"),
        ({"URL": "imaps://legal@imap.parley.example/", "PASSWORD": ""}, "no password"),
        ({"HOST": "imap.parley.example", "PASSWORD": "pw"}, "CUSTODES_IMAP_USER"),
        ({"HOST": "h", "USER": "u", "PASSWORD": "pw", "TLS": "yes"}, "'true' or 'false'"),
        ({"URL": "imaps://legal@h/", "PASSWORD_FILE": "/nonexistent/pw"}, "cannot be read"),
    ],
)
def test_a_value_that_makes_no_sense_stops_with_its_name(env, values, says):
    values.setdefault("PASSWORD", "pw")
    with pytest.raises(SettingError, match=says):
        env(**values)


def test_plain_imap_only_on_loopback_or_when_allowed(env, monkeypatch):
    assert env(URL="imap://legal@127.0.0.1:1143/", PASSWORD="pw").tls is False
    monkeypatch.setenv("CUSTODES_IMAP_ALLOW_PLAIN", "true")
    assert env(URL="imap://legal@imap.internal/", PASSWORD="pw").port == 143


def test_the_folders_must_differ(env, monkeypatch):
    monkeypatch.setenv("CUSTODES_IMAP_PROCESSED_FOLDER", "INBOX")
    with pytest.raises(SettingError, match="must differ"):
        env(URL="imaps://legal@imap.parley.example/", PASSWORD="pw")
