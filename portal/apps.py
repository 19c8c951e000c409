from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")
    project_app = True
    audited = True

    def ready(self):
        from django.core import checks

        from . import audit, limits, text, uploads

        text.strip_bidi_on_save()
        audit.connect_signals()
        limits.use_api_message()
        checks.register(uploads.check_private_root, checks.Tags.security)
