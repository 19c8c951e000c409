from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = _("Consumer complaints")
    project_app = True
    audited = True

    def ready(self):
        from .services import deadlines  # noqa: F401  (recomputes deadlines on calendar changes)
