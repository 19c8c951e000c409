"""The reporting rounds' link and home-page area (portal.navigation)."""

from django.utils.translation import gettext_lazy as _

from portal.access import STAFF_ROLES
from portal.navigation import VISITORS, Area, Entry

MENU = [Entry(_("Reporting"), "reporting:rounds", STAFF_ROLES, order=30)]

AREAS = [
    Area(
        _("Progress reporting"),
        _("The reporting units' progress reports to SAMR and NDRC."),
        "/reporting/",
        order=60,
        roles=STAFF_ROLES + VISITORS,
    )
]
