"""One pass over the mailbox: each message waiting in its folder taken (a case opened, or set
aside) and only then moved, to the processed folder or the set-aside folder. A message whose
case is committed but which was not moved (the worker stopped, the server hung up) is found
again on the next pass by its key and only moved."""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass

from django.conf import settings

from custodes.mailbox.config import Mailbox
from custodes.mailbox.imap import MailboxError, connect
from custodes.mailbox.models import Arrival
from custodes.mailbox.services import take

logger = logging.getLogger(__name__)


@dataclass
class Polled:
    cases: int = 0
    set_aside: int = 0
    failed: int = 0  # left in the folder for the next pass


def poll(mailbox: Mailbox) -> Polled:
    done = Polled()
    with connect(mailbox) as connection:
        for uid in connection.uids():
            data = connection.fetch(uid)
            if data is None:
                continue  # another worker moved it meanwhile
            try:
                arrival = take(data, mailbox)
            except Exception as error:  # one bad message must not stop the others
                where = traceback.extract_tb(error.__traceback__)[-1]
                # The type and place only: the message is confidential.
                logger.warning(
                    "a message in the mailbox could not be taken (%s at %s:%s); it stays for the "
                    "next pass",
                    type(error).__name__,
                    where[0],
                    where[1],
                )
                done.failed += 1
                continue
            connection.move(uid, arrival.folder)
            if arrival.disposition == Arrival.Disposition.CASE:
                done.cases += 1
            else:
                done.set_aside += 1
    return done


def poll_configured() -> Polled | None:
    """A pass over the mailbox the settings name, if any; a server that cannot be reached is
    said in the log and tried again on the next pass."""
    mailbox = settings.CUSTODES_MAILBOX
    if mailbox is None:
        return None
    try:
        done = poll(mailbox)
    except MailboxError as error:
        logger.warning("the legal-process mailbox was not read: %s", error)
        return None
    if done.cases or done.set_aside or done.failed:
        logger.info(
            "mailbox: %s cases opened, %s messages set aside, %s left for the next pass",
            done.cases,
            done.set_aside,
            done.failed,
        )
    return done
