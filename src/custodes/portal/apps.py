from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "custodes.portal"
    label = "portal"
