"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives."""

from __future__ import annotations

import email
import socket
import threading
from collections.abc import Callable
from email.message import EmailMessage
from email.policy import default

from aiosmtpd.controller import Controller


class Inbox:
    """What the server received. `on_mail_from` and `on_data` run as the server reaches those
    steps of a conversation (the crash tests kill the sender there)."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.on_mail_from: Callable[[], None] | None = None
        self.on_data: Callable[[], None] | None = None

    async def handle_MAIL(self, server, session, envelope, address, options):
        if self.on_mail_from:
            self.on_mail_from()
        envelope.mail_from = address
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=default))
        if self.on_data:
            self.on_data()
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if address in m["To"]]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(inbox: Inbox) -> Controller:
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    return controller


class Silent:
    """A mail server that accepts every connection and never says a word (not even its
    greeting): what a hung relay looks like to custodes."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.connections: list[socket.socket] = []
        self.connected = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:  # stopped
                return
            self.connections.append(connection)
            self.connected.set()

    def stop(self) -> None:
        self.listener.close()
        for connection in self.connections:
            connection.close()
