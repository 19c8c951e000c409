from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnterprisesConfig(AppConfig):
    name = "enterprises"
    verbose_name = _("Enterprise registry, pledges, standards and certifications")
    project_app = True
    audited = True

    def enterprise_ids_for(self, user):
        """The enterprises a user acts for: those of their approved claims (portal.scoping)."""
        from .models import EnterpriseMembership

        return EnterpriseMembership.approved_enterprise_ids(user)
