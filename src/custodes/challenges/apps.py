from django.apps import AppConfig


class ChallengesConfig(AppConfig):
    name = "custodes.challenges"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from custodes.cases import gate
        from custodes.challenges import deadlines, holds
        from custodes.notices import deadlines as notice_deadlines
        from custodes.notices import gate as notice_gate
        from custodes.production import services as production

        gate.register_move_hooks(holds.check_move, holds.after_move)
        notice_gate.register_excused(holds.excused_objections)
        production.register_hold(holds.held_back)
        notice_deadlines.register_source(deadlines.challenge_deadlines)
