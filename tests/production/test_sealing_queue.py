"""Sealing as background work: a production waiting is claimed and sealed by the next pass,
a claimed one is not sealed twice, and one a stopped worker left is failed once its lease is
over, the case as it was and a new seal allowed."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from custodes.audit.models import Event
from custodes.cases.workflow import State
from custodes.production import queue
from custodes.production import services as production
from custodes.production.models import Production
from tests.production.test_packages import producing

pytestmark = pytest.mark.django_db

SOMEONE = [{"kind": "username", "value": "someone"}]


@pytest.fixture
def waiting(open_case, counsel, provider):
    case = producing(open_case, counsel, selectors=SOMEONE)
    production.resolve_targets(case, counsel)
    made, _ = production.begin_seal(case, counsel)
    return made


def test_the_next_pass_seals_what_waits(waiting):
    assert queue.seal_due() == 1
    waiting.refresh_from_db()
    assert waiting.status == Production.Status.SEALED and waiting.claimed_at
    assert queue.seal_due() == 0


def test_a_production_another_worker_claimed_is_left_to_it(waiting):
    Production.objects.filter(pk=waiting.pk).update(claimed_at=timezone.now())
    assert queue.seal_due() == 0
    waiting.refresh_from_db()
    assert waiting.status == Production.Status.SEALING


def test_a_worker_told_to_stop_begins_no_seal(waiting):
    assert queue.seal_due(stopping=lambda: True) == 0
    assert Production.objects.get(pk=waiting.pk).claimed_at is None


def test_a_seal_a_stopped_worker_left_fails_after_its_lease_and_may_be_begun_again(
    waiting, counsel
):
    Production.objects.filter(pk=waiting.pk).update(claimed_at=timezone.now())
    assert queue.recover() == 0  # within the lease the worker may still be at it
    with time_machine.travel(timezone.now() + queue.LEASE + timedelta(minutes=1)):
        assert queue.recover() == 1
        assert queue.recover() == 0  # failed once, recorded once
    waiting.refresh_from_db()
    assert waiting.status == Production.Status.FAILED and waiting.error == queue.STOPPED
    assert Event.objects.filter(action="custodes.production.failed").count() == 1
    assert waiting.case.state == State.PRODUCING
    again, _ = production.begin_seal(waiting.case, counsel)
    assert queue.seal_due() == 1
    again.refresh_from_db()
    assert again.status == Production.Status.SEALED
