"""The reads written as SQL give what the ORM gives: the same instances, with the same types
(dates, booleans, JSON) on SQLite and PostgreSQL, and the related objects the ORM would join."""

from __future__ import annotations

import pytest
from django.test import Client

from custodes import sql
from custodes.cases.models import Case, EngineReview
from custodes.requesters import tokens
from custodes.requesters.models import ApiToken
from tests.api.test_api import DEMAND

pytestmark = pytest.mark.django_db


def _values(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}


def _same(made, read) -> None:
    assert type(made) is type(read) and _values(made) == _values(read)
    assert {k: type(v) for k, v in _values(made).items()} == {
        k: type(v) for k, v in _values(read).items()
    }


def _submitted(officer) -> tuple[str, Case]:
    token = tokens.issue(officer)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    reference = client.post("/api/v1/demands", DEMAND, content_type="application/json").json()[
        "reference"
    ]
    return token, Case.objects.select_related("demand").get(reference=reference)


def test_a_token_reads_its_user_and_the_requester_as_the_orm_does(officer):
    token, _ = _submitted(officer)
    Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/v1/demands")  # records last use
    stored = ApiToken.objects.select_related("user", "user__requester").get()
    token_id, last_used_at, user = sql.token_user(tokens._hash(token))
    assert (token_id, last_used_at) == (stored.pk, stored.last_used_at)
    _same(stored.user, user)
    _same(stored.user.requester, user.requester)
    assert user.requester.user is user


def test_a_token_of_a_user_who_is_not_a_requester_reads_no_requester(reviewer):
    _, _, user = sql.token_user(tokens._hash(tokens.issue(reviewer)))
    _same(reviewer, user)
    assert not hasattr(user, "requester")


def test_a_requesters_own_case_reads_as_the_orm_reads_it(officer, other_officer):
    _, case = _submitted(officer)
    read = sql.own_case(officer.pk, case.reference)
    _same(case, read)
    _same(case.demand, read.demand)
    assert read.demand.case is read
    assert sql.own_case(other_officer.pk, case.reference) is None


def test_the_newest_review_is_the_one_the_orm_orders_first(officer):
    _, case = _submitted(officer)
    _same(EngineReview.objects.filter(case=case).first(), sql.newest_review(case.pk))


def test_the_status_call_shows_the_documents_and_the_refused_ones(officer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    token, case = _submitted(officer)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    url = f"/api/v1/demands/{case.reference}"
    client.post(f"{url}/documents", {"document": SimpleUploadedFile("s.txt", b"SUBPOENA")})
    client.post(f"{url}/documents", {"document": SimpleUploadedFile("s.pdf", b"%PDF-1.4 broken")})
    body = client.get(url).json()
    assert [d["name"] for d in body["documents"]] == ["s.txt"]
    assert body["documents"][0]["size"] == 8 and len(body["documents"][0]["sha256"]) == 64
    [refused] = body["refused_documents"]
    assert refused["name"] == "s.pdf" and "PDF" in refused["reason"] and refused["at"]


def test_the_token_of_a_deactivated_account_is_refused(officer):
    token, _ = _submitted(officer)
    type(officer).objects.filter(pk=officer.pk).update(is_active=False)
    response = Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/v1/demands")
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthenticated"


def test_the_status_call_runs_its_seven_statements(officer, django_assert_num_queries):
    token, case = _submitted(officer)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    url = f"/api/v1/demands/{case.reference}"
    client.get(url)  # records the token's first use
    # two rate-limit buckets, the token, the case, its newest review, documents and refusals
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200
