"""On SQLite a writer waits for another's lock (the busy timeout) rather than failing at once
with "database is locked"."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction

from custodes.cases.models import Case
from tests.helpers import RECEIVED_ON, request

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's lock only")
def test_a_second_writer_waits_for_the_first_and_both_are_stored():
    from custodes.cases import services

    holding, release = threading.Event(), threading.Event()

    def first_writer():
        with transaction.atomic():
            services.open_case(request(), "api", None, RECEIVED_ON)
            holding.set()
            release.wait(30)
        connection.close()

    first = threading.Thread(target=first_writer)
    first.start()
    assert holding.wait(30)
    threading.Timer(0.5, release.set).start()  # let go while the second writer waits
    services.open_case(request(), "api", None, RECEIVED_ON)
    first.join(30)
    assert Case.objects.count() == 2
