from django.apps import AppConfig


class GuidelinesConfig(AppConfig):
    name = "custodes.guidelines"
