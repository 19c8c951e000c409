"""Monitoring's home-page area, shown once its pages exist (portal.navigation)."""

from django.utils.translation import gettext_lazy as _

from portal.navigation import Area

AREAS = [
    Area(
        _("Service-quality monitoring"),
        _("Surveys of service quality by region and industry."),
        "/monitoring/",
        order=30,
    )
]
