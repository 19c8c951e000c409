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

# Handling complaints and everything around it; the public pages stay open to all.
MARKET_WORK = (
    "complaints:list",
    "complaints:record",
    "complaints:detail",
    "complaints:act",
    "complaints:decide",
    "complaints:reply",
    "complaints:take",
    "complaints:transfer*",
    "complaints:parties_told",
    "complaints:extend",
    "complaints:extension_decide",
    "complaints:attachment",
    "complaints:publicity_manage",
    "complaints:publicity_draft",
    "complaints:publicity_compute",
    "complaints:publicity_publish",
    "complaints:publicity_action",
    "complaints:odr*",
    "complaints:mediation_bod*",
    "complaints:refer*",
    "complaints:compensation",
    "complaints:commit",
    "complaints:withdraw",
    "complaints:record_case",
    "complaints:recovery",
    "complaints:after_sales*",
    "complaints:trustworthy",
    "complaints:trustworthy_apply",
    "complaints:trustworthy_decide",
    "complaints:rule_set*",
    "complaints:anonymisation_log",
    "complaints:routing_rule*",
)

AREAS = [
    Area(
        _("Complaints"),
        _("Complain about a service or report a violation, and follow it by its code."),
        "/complaints/",
        order=50,
    )
]

MARKET_API = ("complaint-list", "complaint-detail", "complaint-transition")
