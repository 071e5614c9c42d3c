"""The conversation with the IMAP server, through Python's own imaplib: custodes needs only
to log in, list a folder's messages by UID, fetch one without marking it read, and move it
(RFC 6851 MOVE, or COPY and expunge where the server lacks it), which imaplib does as well as
any library would, with one dependency fewer."""

from __future__ import annotations

import contextlib
import imaplib
import re
import ssl
from collections.abc import Iterator

from custodes.mailbox.config import Mailbox


class MailboxError(Exception):
    """The IMAP server could not be reached or refused a step; the message says which."""


class Connection:
    def __init__(self, client: imaplib.IMAP4, mailbox: Mailbox) -> None:
        self.client = client
        self.mailbox = mailbox

    def uids(self) -> list[bytes]:
        """The UIDs of the messages waiting in the folder demands arrive in, oldest first."""
        return self._ask("list the messages", "uid", "SEARCH", None, "UNDELETED")[0].split()

    def fetch(self, uid: bytes) -> bytes | None:
        """The message's bytes as they arrived (BODY.PEEK: it stays unread), or None if another
        worker moved it meanwhile."""
        data = self._ask("fetch a message", "uid", "FETCH", uid, "(BODY.PEEK[])")
        for item in data:
            if isinstance(item, tuple):
                return item[1]
        return None

    def move(self, uid: bytes, folder: str) -> None:
        doing, name = f"move a message to {folder}", _quoted(folder)
        if "MOVE" in self.client.capabilities:
            self._ask(doing, "uid", "MOVE", uid, name)
            return
        self._ask(doing, "uid", "COPY", uid, name)
        self._ask(doing, "uid", "STORE", uid, "+FLAGS.SILENT", r"(\Deleted)")
        if "UIDPLUS" in self.client.capabilities:
            self._ask(doing, "uid", "EXPUNGE", uid)
        else:
            self._ask(doing, "expunge")

    def ensure_folder(self, folder: str) -> None:
        """Make the folder unless it is there (a server refuses CREATE of one that is)."""
        listed = self._ask(f"look for the folder {folder}", "list", '""', _quoted(folder))
        if not any(item for item in listed if item):
            self._ask(f"create the folder {folder}", "create", _quoted(folder))

    def refresh_capabilities(self) -> None:
        said = self._ask("say what it can do", "capability")
        self.client.capabilities = tuple(said[-1].decode("ascii", "replace").upper().split())

    def select(self, folder: str) -> None:
        self._ask(f"open the folder {folder}", "select", _quoted(folder))

    def logout(self) -> None:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            self.client.logout()  # the server may have hung up first: nothing is left undone

    def _ask(self, doing: str, command: str, *args) -> list:
        try:
            typ, data = getattr(self.client, command)(*args)
        except (OSError, imaplib.IMAP4.error) as error:
            raise MailboxError(f"the IMAP server stopped answering ({doing}): {error}") from None
        if typ != "OK":
            said = b" ".join(d for d in data if isinstance(d, bytes)).decode("utf-8", "replace")
            raise MailboxError(f"the IMAP server would not {doing}: {said[:200]}")
        return data


@contextlib.contextmanager
def connect(mailbox: Mailbox) -> Iterator[Connection]:
    """Logged in, the processed and set-aside folders made if missing, the arrival folder
    selected; logged out afterwards."""
    where = f"{mailbox.host}:{mailbox.port}"
    try:
        if mailbox.tls:
            context = ssl.create_default_context(cafile=mailbox.ca_file)
            client = imaplib.IMAP4_SSL(
                mailbox.host, mailbox.port, ssl_context=context, timeout=mailbox.timeout
            )
        else:
            client = imaplib.IMAP4(mailbox.host, mailbox.port, timeout=mailbox.timeout)
    except (OSError, imaplib.IMAP4.error) as error:
        raise MailboxError(f"the IMAP server at {where} could not be reached: {error}") from None
    connection = Connection(client, mailbox)
    try:
        try:
            client.login(mailbox.user, mailbox.password)
        except (OSError, imaplib.IMAP4.error):
            raise MailboxError(
                f"the IMAP server at {where} refused the user {mailbox.user!r} and its password"
            ) from None
        connection.refresh_capabilities()  # a server tells more (MOVE, UIDPLUS) once logged in
        for folder in (mailbox.processed_folder, mailbox.set_aside_folder):
            connection.ensure_folder(folder)
        connection.select(mailbox.folder)
        yield connection
    finally:
        connection.logout()


_ATOM = re.compile(r"^[A-Za-z0-9._/-]+$")


def _quoted(folder: str) -> str:
    return folder if _ATOM.match(folder) else f'"{folder}"'
