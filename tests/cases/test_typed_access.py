"""What a case stores, read typed: the engine's newest review, its decision, the request."""

from __future__ import annotations

import pytest

from custodes.cases import services
from custodes.cases.models import EngineReview
from custodes.law import review
from tests.helpers import config, request

pytestmark = pytest.mark.django_db

DEMANDS = {
    "a clean subpoena": {},
    "content on a subpoena": {"categories": ["subscriber", "content"]},
    "a warrant": {"instrument": "search_warrant", "categories": ["subscriber", "content"]},
    "secrecy ordered by a court": {
        "instrument": "court_order_2703d",
        "categories": ["subscriber", "transactional"],
        "nondisclosure": {"present": True, "court_ordered": True, "expires_on": "2027-06-01"},
    },
    "an emergency": {"instrument": "emergency_request", "emergency": True},
}


@pytest.mark.parametrize("overrides", DEMANDS.values(), ids=DEMANDS.keys())
def test_the_stored_review_reads_back_as_the_engine_gave_it(open_case, overrides):
    case = open_case(**overrides)
    stored = EngineReview.objects.get(pk=case.latest_review.pk)  # fresh from the database
    assert stored.as_decision() == review(request(**overrides), config())
    assert case.demand.structured == request(**overrides)


def test_the_latest_review_is_the_newest(case, reviewer):
    first = case.latest_review
    corrected = services.correct_request(case, reviewer, {"categories": ["subscriber", "content"]})
    assert case.latest_review == corrected != first
    case.demand.refresh_from_db()
    assert case.demand.structured.categories == ("subscriber", "content")


def test_a_case_reviewed_by_nobody_has_no_latest_review(case):
    case.reviews.all().delete()
    assert case.latest_review is None
