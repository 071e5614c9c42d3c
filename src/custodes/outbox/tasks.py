"""The outbox's background task: deliver one e-mail. Takes an id, never an object."""

from __future__ import annotations

from django_tasks import task

from custodes.outbox import delivery


@task()
def deliver(mail_id: int) -> str:
    return delivery.deliver(mail_id)
