from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "custodes.web"
    label = "web"
