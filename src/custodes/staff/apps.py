from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "custodes.staff"
    default_auto_field = "django.db.models.BigAutoField"
