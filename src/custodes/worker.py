"""The background worker: `custodes tick` runs one pass; `custodes worker` repeats it until it
is told to stop. The work waits in the tables that hold it (the outbox's e-mails, the
productions to seal), claimed a row at a time: there is no other queue."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable

from custodes.audit.checkpoints import make_daily
from custodes.audit.signins import record_past_hours
from custodes.mailbox.polling import poll_configured
from custodes.notices.ticking import Pass, run_pass
from custodes.outbox.delivery import deliver_due
from custodes.production import queue as sealing


def tick(stopping: Callable[[], bool] = lambda: False) -> Pass:
    """One pass. `stopping` is asked between pieces of work: the e-mail or package in hand
    is finished, and nothing new is begun."""
    poll_configured()  # demands mailed in become cases, their acknowledgements in the outbox
    done = run_pass()
    sealing.recover()
    deliver_due(stopping)
    sealing.seal_due(stopping)
    record_past_hours()
    make_daily()
    return done


def work(interval: float, stop: threading.Event | None = None) -> None:
    """Passes every `interval` seconds until `stop` is set; in the main thread SIGTERM and
    SIGINT set it, so a worker being stopped finishes what it holds and then returns."""
    stop = stop or threading.Event()
    if threading.current_thread() is threading.main_thread():
        for number in (signal.SIGTERM, signal.SIGINT):
            signal.signal(number, lambda *_: stop.set())
    while not stop.is_set():
        tick(stop.is_set)
        stop.wait(interval)
