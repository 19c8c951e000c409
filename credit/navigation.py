"""Credit supervision's links and home-page area (portal.navigation)."""

from django.utils.translation import gettext_lazy as _

from portal.access import HEADQUARTERS, STAFF_ROLES
from portal.navigation import VISITORS, Area, Entry

MENU = [
    Entry(_("Credit files"), "credit:find", STAFF_ROLES, order=45),
    Entry(_("Risk classes"), "credit:risk_list", STAFF_ROLES, order=46),
    Entry(_("Risk scoring model"), "credit:risk_models", (HEADQUARTERS,), order=47),
    Entry(_("Credit publicity"), "credit:public", VISITORS, order=1020),
    Entry(_("Consumer warnings"), "credit:warnings", VISITORS, order=1030),
    Entry(_("Random inspections"), "credit:inspections", STAFF_ROLES, order=46),
    Entry(_("Inspection results"), "credit:public_results", VISITORS, order=1031),
]

# Credit files and lists, risk classes and inspections; the public pages stay open to all.
MARKET_WORK = (
    "credit:find",
    "credit:work",
    "credit:file",
    "credit:propose_*",
    "credit:penalty*",
    "credit:abnormal*",
    "credit:serious*",
    "credit:warnings_manage",
    "credit:warning_*",
    "credit:risk*",
    "credit:item*",
    "credit:inspector*",
    "credit:objects",
    "credit:plan_*",
    "credit:inspection*",
    "credit:recuse",
    "credit:assistance*",
    "credit:notices",
    "credit:acknowledge",
)

AREAS = [
    Area(
        _("Credit supervision"),
        _("Quality credit records of service enterprises."),
        "/credit/",
        order=40,
    ),
    Area(
        _("Random inspections"),
        _("Double-random inspection plans, their verifiable draws and the results."),
        "/credit/inspections/public/",
        order=41,
    ),
]

MARKET_API = (
    "penalty-*",
    "abnormal-listing-*",
    "serious-listing-*",
    "consumer-warning-*",
    "inspection-*",
)
