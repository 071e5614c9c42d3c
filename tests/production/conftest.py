"""The demo provider's data for the production tests: always in SQLite, and in PostgreSQL
as well when the suite runs there."""

from __future__ import annotations

import shutil

import pytest
from django.db import connection

from custodes.production import demo_provider


@pytest.fixture
def provider_sqlite(tmp_path, demo_provider_template):
    """The demo provider's database, a copy of its own for each test (built once a session:
    the data is seeded and dated, so every copy is the same)."""
    copy = tmp_path / "provider.sqlite3"
    shutil.copyfile(demo_provider_template, copy)
    return copy


def _postgresql_url() -> str:
    db = connection.settings_dict
    return f"postgresql+psycopg://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture(params=["sqlite", "postgresql"])
def provider_url(request, provider_sqlite):
    """The provider's database as a SQLAlchemy URL, on each database the suite can reach."""
    if request.param == "sqlite":
        yield f"sqlite:///{provider_sqlite}"
        return
    if connection.vendor != "postgresql":
        pytest.skip("the connector runs on PostgreSQL when the suite does (DATABASE_URL)")
    request.getfixturevalue("django_db_setup")
    url = _postgresql_url()
    demo_provider.copy_to(provider_sqlite, url)
    yield url
    demo_provider.drop_from(url)


@pytest.fixture
def provider(settings, provider_sqlite):
    """The desk's connector pointed at the demo provider's SQLite database."""
    settings.CUSTODES_PROVIDER_DATABASE_URL = f"sqlite:///{provider_sqlite}"
    return provider_sqlite
