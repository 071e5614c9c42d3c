"""The API's docs page works offline: its Swagger UI comes from custodes itself."""

from __future__ import annotations

import re

from django.test import Client


def test_the_docs_page_loads_its_swagger_ui_from_custodes_not_a_cdn(db):
    client = Client()
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    html = page.content.decode()
    assert "cdn" not in html.lower()
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', html)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets)
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200, asset
        assert b"".join(response.streaming_content if response.streaming else [response.content])
