"""schemathesis against the OpenAPI document, through the WSGI app: a bounded number of
generated requests per operation, with a requester's and a staff member's token. No server
error, and every response as the document describes it."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import override_settings
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from custodes.requesters import tokens
from custodes.wsgi import application

# Schemathesis draws requests from the OpenAPI document: slow (`make test` runs it).
pytestmark = pytest.mark.slow

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def bearer(officer, counsel):
    return {"requester": tokens.issue(officer), "staff": tokens.issue(counsel)}


@pytest.fixture
def keep_connection():
    """Called straight through WSGI, Django would close the database connection after each
    request, ending the test's transaction; its own test client keeps it the same way."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@override_settings(CUSTODES_API_PER_TOKEN=100_000, CUSTODES_API_PER_ADDRESS=100_000)
def test_the_api_answers_as_its_document_says(case, bearer, keep_connection):
    who = "staff" if "/queue" in case.path or "/cases/" in case.path else "requester"
    # What the issue asks: no server error, and every response as the document describes it.
    # (A schema-valid demand may still be refused for what it means, an end date before its
    # start; unknown query parameters are ignored, as HTTP servers do.)
    case.call_and_validate(
        headers={"Authorization": f"Bearer {bearer[who]}"},
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
            response_headers_conformance,
        ],
    )
