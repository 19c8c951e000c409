"""Credit supervision's home-page area, shown once its pages exist (portal.navigation)."""

from django.utils.translation import gettext_lazy as _

from portal.access import HEADQUARTERS, STAFF_ROLES
from portal.navigation import Area, Entry

MENU = [
    Entry(_("Risk classes"), "credit:risk_list", STAFF_ROLES, order=45),
    Entry(_("Risk scoring model"), "credit:risk_models", (HEADQUARTERS,), order=46),
]

AREAS = [
    Area(
        _("Credit supervision"),
        _("Quality credit records of service enterprises."),
        "/credit/",
        order=40,
    )
]
