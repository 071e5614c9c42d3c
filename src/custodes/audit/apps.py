from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "custodes.audit"
    label = "audit"
    verbose_name = "Audit log"
