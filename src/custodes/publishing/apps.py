from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "custodes.publishing"
    default_auto_field = "django.db.models.BigAutoField"
