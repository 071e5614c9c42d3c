"""The staff tests seal packages from the demo provider's data, as the production tests do."""

from tests.production.conftest import provider, provider_sqlite  # noqa: F401
