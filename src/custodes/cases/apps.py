from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "custodes.cases"
    label = "cases"
