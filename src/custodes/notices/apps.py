from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "custodes.notices"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from custodes.cases import gate
        from custodes.notices import gate as notice_gate

        gate.register_move_hooks(notice_gate.check_move, notice_gate.after_move)
