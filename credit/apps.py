from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CreditConfig(AppConfig):
    name = "credit"
    verbose_name = _("Credit supervision and inspections")
    project_app = True
    audited = True

    def ready(self):
        from portal.workdays import calendar_changed

        from .services.inspection_results import recompute_deadlines

        calendar_changed.connect(recompute_deadlines, dispatch_uid="credit-inspection-deadlines")
