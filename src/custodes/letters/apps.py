from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "custodes.letters"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from custodes.cases.signals import case_moved
        from custodes.letters import status

        case_moved.connect(status.on_case_moved, dispatch_uid="custodes.letters.state_mail")
