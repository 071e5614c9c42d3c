"""The rate limit's token buckets, taken by real threads on the real database: requests that
find no bucket and create it at once are all let through while it holds tokens, and a bucket
lets through no more than it holds."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from custodes.requesters.models import RateBucket
from custodes.requesters.ratelimit import Limit, take

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 8
ROUNDS = 25


def _at_once(key: str, limit: Limit, threads: int = THREADS) -> list[float | None]:
    """`threads` requests take from `key` at the same moment, each on its own connection."""
    start = threading.Barrier(threads)
    answers: list[float | None] = []
    lock = threading.Lock()

    def request():
        try:
            start.wait(10)
            answer = take(key, limit)
            with lock:
                answers.append(answer)
        finally:
            connection.close()

    workers = [threading.Thread(target=request) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
    return answers


def test_requests_that_create_a_bucket_at_once_are_all_let_through():
    limit = Limit(capacity=100, period_seconds=10**7)  # refills a token in a day: none here
    for round_ in range(ROUNDS):
        answers = _at_once(f"addr:race-{round_}", limit)
        assert answers == [None] * THREADS, f"round {round_}: {answers}"
        left = RateBucket.objects.get(key=f"addr:race-{round_}").tokens
        # Each took one; a request that read the clock before another wrote refills nothing.
        assert limit.capacity - THREADS <= left < limit.capacity - THREADS + 0.01


def test_a_bucket_lets_through_no_more_than_it_holds_however_many_ask_at_once():
    limit = Limit(capacity=3, period_seconds=3600)
    answers = _at_once("token:crowd", limit)
    assert answers.count(None) == 3
    refused = [wait for wait in answers if wait is not None]
    assert len(refused) == THREADS - 3
    assert all(wait > 0 for wait in refused)  # each told how long to wait


def test_an_empty_bucket_says_how_long_until_its_next_token():
    limit = Limit(capacity=2, period_seconds=60)  # a token every 30 s
    assert take("token:one", limit) is None
    assert take("token:one", limit) is None
    wait = take("token:one", limit)
    assert wait is not None and 29 < wait <= 30
