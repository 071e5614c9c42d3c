from django.apps import AppConfig


class RequestersConfig(AppConfig):
    """Requester accounts, their API tokens and the rate-limit buckets: the core the portal
    and the API both use, so that neither face imports the other."""

    name = "custodes.requesters"
    label = "requesters"
