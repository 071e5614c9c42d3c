"""The production's background task: seal one package. Takes an id, never an object."""

from __future__ import annotations

from django_tasks import task

from custodes.production import services


@task()
def seal_task(production_id: int) -> str:
    return services.seal(production_id).status
