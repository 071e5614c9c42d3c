"""The background worker: `custodes tick` runs one pass and delivers what it wrote;
`custodes worker` repeats that for ever. The tasks themselves (one e-mail each) run through
django-tasks' database backend."""

from __future__ import annotations

import time
import uuid

from django_tasks_db.management.commands.db_worker import Worker

from custodes.audit.checkpoints import make_daily
from custodes.audit.signins import record_past_hours
from custodes.mailbox.polling import poll_configured
from custodes.notices.ticking import Pass, run_pass


def drain() -> None:
    """Run every task that is ready, then return."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=f"custodes-{uuid.uuid4().hex[:12]}",
        excluded_queue_names=[],
    ).run()


def tick() -> Pass:
    poll_configured()  # demands mailed in become cases, their acknowledgements in the outbox
    done = run_pass()
    drain()
    record_past_hours()
    make_daily()
    return done


def work(interval: float) -> None:
    while True:
        tick()
        time.sleep(interval)
