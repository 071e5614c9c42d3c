from django.apps import AppConfig


class TransparencyConfig(AppConfig):
    name = "custodes.transparency"
    default_auto_field = "django.db.models.BigAutoField"
