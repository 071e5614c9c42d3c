"""Where the legal-process mailbox is and how to reach it, read from the environment.

`CUSTODES_IMAP_URL=imaps://legal-process@imap.example.com:993/INBOX` says it in one line; the
same can be given apart (`CUSTODES_IMAP_HOST`, `_PORT`, `_USER`, `_FOLDER`, `_TLS`). The
password comes from `CUSTODES_IMAP_PASSWORD` or the file `CUSTODES_IMAP_PASSWORD_FILE` names,
never from the URL. TLS is the default; a plain connection is refused unless the server is on
this machine's loopback or `CUSTODES_IMAP_ALLOW_PLAIN=true` says the network is trusted.
Every value that makes no sense stops custodes with a message naming the setting.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from custodes.env import SettingError, env_bool, env_int, env_text

DEFAULT_PORTS = {True: 993, False: 143}
_SEPARATE = ("HOST", "PORT", "USER", "FOLDER", "TLS")


@dataclass(frozen=True)
class Mailbox:
    host: str
    port: int
    user: str
    password: str = field(repr=False)
    folder: str  # where demands arrive
    processed_folder: str  # where a message goes once its case is committed
    set_aside_folder: str  # where a message that is no demand waits for a person
    tls: bool
    ca_file: str | None  # a CA bundle to trust beside the system's (a private CA)
    timeout: int  # seconds for each step of the conversation
    # The receiving mail server's name in its Authentication-Results headers: only its
    # verdict on the sender is believed (anyone can write such a header into a message).
    authserv_id: str | None


def mailbox_from_env() -> Mailbox | None:
    """The mailbox the settings name, or None when none is set up."""
    url = os.environ.get("CUSTODES_IMAP_URL", "").strip()
    separate = [
        f"CUSTODES_IMAP_{name}" for name in _SEPARATE if os.environ.get(f"CUSTODES_IMAP_{name}")
    ]
    if url and separate:
        raise SettingError(
            f"CUSTODES_IMAP_URL and {', '.join(separate)} are both set; give the mailbox one way"
        )
    if url:
        host, port, user, folder, tls = _from_url(url)
    elif separate:
        host, port, user, folder, tls = _from_parts()
    else:
        return None
    if not tls and not _loopback(host) and not env_bool("CUSTODES_IMAP_ALLOW_PLAIN", False):
        raise SettingError(
            f"the IMAP server {host} would be reached without TLS; use imaps:// (or "
            "CUSTODES_IMAP_TLS=true), or set CUSTODES_IMAP_ALLOW_PLAIN=true if the network to it "
            "is trusted"
        )
    password = env_text("CUSTODES_IMAP_PASSWORD", "")
    if not password:
        raise SettingError(
            "the IMAP mailbox has no password: set CUSTODES_IMAP_PASSWORD_FILE to a file that "
            "holds it (or CUSTODES_IMAP_PASSWORD)"
        )
    processed = _folder("CUSTODES_IMAP_PROCESSED_FOLDER", "custodes-processed")
    set_aside = _folder("CUSTODES_IMAP_SET_ASIDE_FOLDER", "custodes-set-aside")
    if len({folder, processed, set_aside}) < 3:
        raise SettingError(
            f"the IMAP folders must differ: demands arrive in {folder!r}, are moved to "
            f"{processed!r} and set aside in {set_aside!r}"
        )
    return Mailbox(
        host=host,
        port=port,
        user=user,
        password=password,
        folder=folder,
        processed_folder=processed,
        set_aside_folder=set_aside,
        tls=tls,
        ca_file=_ca_file(),
        timeout=_timeout(),
        authserv_id=os.environ.get("CUSTODES_IMAP_AUTHSERV_ID", "").strip() or None,
    )


def _from_url(url: str) -> tuple[str, int, str, str, bool]:
    shown = "CUSTODES_IMAP_URL"
    parts = urlsplit(url)
    if parts.scheme not in ("imaps", "imap"):
        raise SettingError(
            f"{shown} must begin imaps:// (TLS) or imap://, as in "
            "imaps://legal-process@imap.example.com:993/INBOX"
        )
    if parts.password is not None:
        raise SettingError(
            f"{shown} holds a password; take it out and put it in the file "
            "CUSTODES_IMAP_PASSWORD_FILE names"
        )
    if not parts.hostname or not parts.username:
        raise SettingError(
            f"{shown} must name the user and the host, as in "
            "imaps://legal-process@imap.example.com:993/INBOX"
        )
    tls = parts.scheme == "imaps"
    try:
        port = parts.port or DEFAULT_PORTS[tls]
    except ValueError:
        raise SettingError(f"{shown} has a port that is not a number from 1 to 65535") from None
    folder = unquote(parts.path.lstrip("/")) or "INBOX"
    return parts.hostname, port, unquote(parts.username), folder, tls


def _from_parts() -> tuple[str, int, str, str, bool]:
    host = os.environ.get("CUSTODES_IMAP_HOST", "").strip()
    user = os.environ.get("CUSTODES_IMAP_USER", "").strip()
    if not host or not user:
        raise SettingError(
            "set both CUSTODES_IMAP_HOST and CUSTODES_IMAP_USER (or CUSTODES_IMAP_URL)"
        )
    tls = env_bool("CUSTODES_IMAP_TLS", True)
    port = env_int("CUSTODES_IMAP_PORT", DEFAULT_PORTS[tls])
    if port > 65535:
        raise SettingError(f"CUSTODES_IMAP_PORT={port} is not a port (1 to 65535)")
    return host, port, user, _folder("CUSTODES_IMAP_FOLDER", "INBOX"), tls


def _folder(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip() or default
    if any(not c.isprintable() or c in '"\\' for c in value):
        raise SettingError(
            f"{name}={value!r}: a folder's name may hold no quotes, backslashes or control "
            "characters"
        )
    return value


def _ca_file() -> str | None:
    path = os.environ.get("CUSTODES_IMAP_CA_FILE", "").strip()
    if path and not Path(path).is_file():
        raise SettingError(f"CUSTODES_IMAP_CA_FILE={path!r} is not a file")
    return path or None


def _timeout() -> int:
    seconds = env_int("CUSTODES_IMAP_TIMEOUT", 30)
    if seconds > 300:
        raise SettingError(f"CUSTODES_IMAP_TIMEOUT={seconds} must be at most 300 seconds")
    return seconds


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
