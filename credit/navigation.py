"""Credit supervision's home-page area, shown once its pages exist (portal.navigation)."""

from django.utils.translation import gettext_lazy as _

from portal.navigation import Area

AREAS = [
    Area(
        _("Credit supervision"),
        _("Quality credit records of service enterprises."),
        "/credit/",
        order=40,
    )
]
