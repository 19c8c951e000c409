"""Complaints' home-page area, shown once its pages exist (portal.navigation)."""

from django.utils.translation import gettext_lazy as _

from portal.navigation import Area

AREAS = [
    Area(
        _("Complaints"), _("Consumers' complaints about service quality."), "/complaints/", order=50
    )
]
