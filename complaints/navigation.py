"""Complaints' links and home-page area (portal.navigation)."""

from django.utils.translation import gettext_lazy as _

from portal.access import ENTERPRISE, STAFF_ROLES
from portal.navigation import VISITORS, Area, Entry

MENU = [
    Entry(_("Complaints"), "complaints:list", (*STAFF_ROLES, ENTERPRISE), order=40),
    Entry(_("ODR enterprises"), "complaints:odr", (*STAFF_ROLES, ENTERPRISE), order=41),
    Entry(_("Complaint publicity"), "complaints:publicity_manage", STAFF_ROLES, order=42),
    Entry(_("Advance compensation"), "complaints:committed", VISITORS, order=1012),
    Entry(_("Trustworthy consumption"), "complaints:trustworthy_public", VISITORS, order=1013),
    Entry(_("Complaint publicity"), "complaints:publicity", VISITORS, order=1011),
    Entry(_("Make a complaint"), "complaints:file", VISITORS, order=1010),
]

AREAS = [
    Area(
        _("Complaints"),
        _("Complain about a service or report a violation, and follow it by its code."),
        "/complaints/",
        order=50,
    )
]
