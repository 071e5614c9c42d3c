"""The HTTP API: tokens, one error shape, pagination, ownership, staff endpoints, limits."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from custodes.cases.models import Case
from custodes.production import services as production
from custodes.requesters import tokens
from custodes.requesters.models import RateBucket
from tests.notices.conftest import approve
from tests.production.conftest import provider, provider_sqlite  # noqa: F401 (fixtures used below)

pytestmark = pytest.mark.django_db

DEMAND = {
    "instrument": "grand_jury_subpoena",
    "case_number": "GJ-26-117",
    "selectors": [{"kind": "username", "value": "harbor.lights"}],
    "categories": ["subscriber", "content"],
    "date_range": {"start": "2026-03-01", "end": "2026-09-30"},
    "signed": True,
    "purpose": "A grand jury investigation of bank fraud.",
}


def _client(user):
    return Client(HTTP_AUTHORIZATION=f"Bearer {tokens.issue(user)}")


def _error(response, status, code):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "field"}
    assert body["error"]["code"] == code and body["error"]["message"]
    return body["error"]


def test_without_a_token_the_answer_is_401_in_the_error_shape():
    _error(Client().get("/api/v1/demands"), 401, "unauthenticated")
    _error(
        Client(HTTP_AUTHORIZATION="Bearer cst_nonsense").get("/api/v1/demands"),
        401,
        "unauthenticated",
    )


def test_a_requester_submits_and_reads_the_engines_answer(officer):
    client = _client(officer)
    response = client.post("/api/v1/demands", DEMAND, content_type="application/json")
    assert response.status_code == 201
    body = response.json()
    assert body["reference"].startswith("C-") and body["state"] == "received"
    assert [w["category"] for w in body["withheld"]] == ["content"]
    assert client.get(f"/api/v1/demands/{body['reference']}").json()["case_number"] == "GJ-26-117"


def test_an_ip_address_is_submitted_with_its_time_and_source_port(officer):
    ip = {"kind": "ip", "value": "198.51.100.7", "at": "2026-10-04T03:12:47Z", "port": 52144}
    response = _client(officer).post(
        "/api/v1/demands", {**DEMAND, "selectors": [ip]}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    case = Case.objects.get(reference=response.json()["reference"])
    assert case.demand.request["selectors"] == [ip]
    assert case.targets.get().port == 52144
    bad = {**ip, "port": 70000}
    response = _client(officer).post(
        "/api/v1/demands", {**DEMAND, "selectors": [bad]}, content_type="application/json"
    )
    assert _error(response, 422, "invalid")["field"].startswith("selectors")


def test_an_invalid_body_names_the_field(officer):
    response = _client(officer).post(
        "/api/v1/demands", {**DEMAND, "instrument": "letter"}, content_type="application/json"
    )
    assert _error(response, 422, "invalid")["field"] == "instrument"


def test_an_emergency_without_its_details_is_refused(officer):
    response = _client(officer).post(
        "/api/v1/demands",
        {**DEMAND, "instrument": "emergency_request"},
        content_type="application/json",
    )
    assert _error(response, 400, "invalid")["field"] == "emergency"


def test_demands_are_listed_fifty_a_page(officer):
    client = _client(officer)
    for _ in range(51):
        client.post("/api/v1/demands", DEMAND, content_type="application/json")
    first = client.get("/api/v1/demands").json()
    assert (len(first["items"]), first["page"], first["pages"], first["total"]) == (50, 1, 2, 51)
    assert len(client.get("/api/v1/demands?page=2").json()["items"]) == 1
    _error(client.get("/api/v1/demands?page=3"), 404, "not_found")


def test_a_requester_cannot_read_anothers_demand(officer, other_officer):
    reference = (
        _client(officer)
        .post("/api/v1/demands", DEMAND, content_type="application/json")
        .json()["reference"]
    )
    snoop = _client(other_officer)
    _error(snoop.get(f"/api/v1/demands/{reference}"), 404, "not_found")
    assert snoop.get("/api/v1/demands").json()["total"] == 0


def test_a_document_is_attached_and_a_bad_one_refused_in_the_error_shape(officer):
    client = _client(officer)
    reference = client.post("/api/v1/demands", DEMAND, content_type="application/json").json()[
        "reference"
    ]
    from django.core.files.uploadedfile import SimpleUploadedFile

    good = client.post(
        f"/api/v1/demands/{reference}/documents",
        {"document": SimpleUploadedFile("s.txt", b"SUBPOENA")},
    )
    assert good.status_code == 201 and len(good.json()["sha256"]) == 64
    bad = client.post(
        f"/api/v1/demands/{reference}/documents",
        {"document": SimpleUploadedFile("s.pdf", b"%PDF-1.4 broken")},
    )
    assert "PDF" in _error(bad, 400, "unreadable_document")["message"]
    assert Case.objects.get().demand.documents.count() == 1


def test_staff_read_the_queue_and_decide(officer, counsel, reviewer):
    reference = (
        _client(officer)
        .post("/api/v1/demands", DEMAND, content_type="application/json")
        .json()["reference"]
    )
    staff = _client(reviewer)
    assert staff.get("/api/v1/queue").json()["items"][0]["reference"] == reference
    case = staff.get(f"/api/v1/cases/{reference}").json()
    assert case["decision"]["action"] == "produce_partial"
    refused = staff.post(
        f"/api/v1/cases/{reference}/decision", {"action": "reject"}, content_type="application/json"
    )
    assert "Only counsel" in _error(refused, 403, "refused")["message"]
    decided = _client(counsel).post(
        f"/api/v1/cases/{reference}/decision",
        {"action": "reject", "reason": "The subpoena names the wrong company."},
        content_type="application/json",
    )
    assert decided.status_code == 201 and decided.json()["overrides_engine"]


def test_requesters_and_staff_keep_to_their_endpoints(officer, reviewer, admin):
    _error(_client(officer).get("/api/v1/queue"), 403, "forbidden")
    _error(_client(reviewer).get("/api/v1/demands"), 403, "forbidden")
    _error(_client(admin).get("/api/v1/queue"), 403, "forbidden")


@override_settings(CUSTODES_API_PER_TOKEN=3)
def test_too_many_requests_for_one_token_get_429_with_retry_after(officer):
    client = _client(officer)
    for _ in range(3):
        assert client.get("/api/v1/demands").status_code == 200
    response = client.get("/api/v1/demands")
    _error(response, 429, "rate_limited")
    assert int(response["Retry-After"]) >= 1


@override_settings(CUSTODES_API_PER_ADDRESS=2)
def test_too_many_requests_from_one_address_get_429_even_without_a_token():
    for _ in range(2):
        assert Client().get("/api/v1/demands").status_code == 401
    _error(Client().get("/api/v1/demands"), 429, "rate_limited")
    assert RateBucket.objects.filter(key="addr:127.0.0.1").exists()


def test_the_openapi_document_is_served():
    schema = Client().get("/api/v1/openapi.json").json()
    assert "/api/v1/demands" in schema["paths"] and schema["info"]["title"] == "custodes"


def test_a_nul_character_anywhere_gets_the_api_error_shape(officer):
    client = _client(officer)
    _error(client.get("/api/v1/demands?page=%00"), 400, "invalid")
    _error(client.get("/api/v1/demands/C-%00"), 400, "invalid")


DMS = "the contents of direct messages sent or received"
WARRANT = {
    "instrument": "search_warrant",
    "authority": ["18 U.S.C. § 2703(a)"],
    "selectors": [{"kind": "username", "value": "someone"}],
    "items": [{"text": DMS, "category": "content"}],
    "date_range": {"start": "2026-08-01", "end": "2026-11-15"},
    "nondisclosure": {"present": True, "court_ordered": True, "expires_on": "2027-05-22"},
    "signed": True,
}


def test_a_demands_items_are_kept_and_read_back_with_the_categories_they_ask(officer):
    client = _client(officer)
    items = [
        *WARRANT["items"],
        {"text": "Subscriber names and addresses", "category": "subscriber"},
    ]
    response = client.post(
        "/api/v1/demands", {**WARRANT, "items": items}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    request = Case.objects.get().demand.request
    assert request["items"] == items and request["categories"] == ["subscriber", "content"]
    read = client.get(f"/api/v1/demands/{response.json()['reference']}").json()
    assert read["items"] == items and read["categories"] == ["subscriber", "content"]


def test_an_item_of_an_unknown_category_is_refused_naming_it(officer):
    bad = {**WARRANT, "items": [{"text": DMS, "category": "messages"}]}
    response = _client(officer).post("/api/v1/demands", bad, content_type="application/json")
    error = _error(response, 422, "invalid")
    assert (
        error["field"] == "items.0.category"
        and "'messages' is not a data category" in (error["message"])
    )
    assert not Case.objects.exists()


def test_categories_given_beside_items_must_be_theirs(officer):
    client = _client(officer)
    outside = client.post(
        "/api/v1/demands",
        {**WARRANT, "categories": ["subscriber"]},
        content_type="application/json",
    )
    error = _error(outside, 400, "invalid")
    assert error["field"] == "items.0.category" and "'content'" in error["message"]
    unlisted = client.post(
        "/api/v1/demands",
        {**WARRANT, "categories": ["content", "location"]},
        content_type="application/json",
    )
    error = _error(unlisted, 400, "invalid")
    assert error["field"] == "categories" and "'location'" in error["message"]
    assert not Case.objects.exists()


def test_the_openapi_document_describes_the_items():
    document = Client().get("/api/v1/openapi.json").json()
    schemas = document["components"]["schemas"]
    assert schemas["DemandIn"]["properties"]["items"]["items"] == {
        "$ref": "#/components/schemas/ItemIn"
    }
    assert "categories" not in schemas["DemandIn"].get("required", [])
    category = schemas["ItemIn"]["properties"]["category"]
    assert category["enum"] == [
        "subscriber",
        "transactional",
        "content",
        "location",
        "realtime_noncontent",
        "realtime_content",
    ]
    assert schemas["DemandOut"]["properties"]["items"]["items"] == {
        "$ref": "#/components/schemas/ItemOut"
    }


@pytest.mark.usefixtures("provider")
def test_a_warrant_for_direct_messages_preselects_only_the_messages(officer, counsel):
    response = _client(officer).post("/api/v1/demands", WARRANT, content_type="application/json")
    assert response.status_code == 201, response.content
    case = approve(Case.objects.get(), counsel)
    production.resolve_targets(case, counsel)
    chosen, counts = production.preview(case)
    assert [s.dataset.name for s in chosen.datasets] == ["messages"]
    assert [c["dataset"] for c in counts] == ["messages"] and counts[0]["rows"] > 0
