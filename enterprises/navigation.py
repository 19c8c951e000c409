"""The registry's, claims', pledges', standards' and certificates' links (portal.navigation)."""

from django.utils.translation import gettext_lazy as _

from portal.access import ENTERPRISE, STAFF_ROLES
from portal.navigation import VISITORS, Area, Entry

MENU = [
    Entry(_("Enterprises"), "enterprises:list", STAFF_ROLES, order=20),
    Entry(_("Claims"), "enterprises:claims", STAFF_ROLES, order=21),
    Entry(_("My enterprise"), "enterprises:mine", (ENTERPRISE,), order=22),
    Entry(_("Pledges"), "enterprises:pledge_review", STAFF_ROLES, order=23),
    Entry(_("Standards"), "enterprises:declarations", STAFF_ROLES, order=24),
    Entry(_("Certificates"), "enterprises:certificates", STAFF_ROLES, order=25),
    Entry(_("Public pledges"), "enterprises:public_pledges", VISITORS, order=1000),
    Entry(_("Public standards"), "enterprises:public_declarations", VISITORS, order=1001),
]

# Reviewing claims, pledges, standards and certificates and writing the registry;
# the DRC reads the registry.
MARKET_WORK = (
    "enterprises:create",
    "enterprises:edit",
    "enterprises:import*",
    "enterprises:claim*",
    "enterprises:pledge*",
    "enterprises:recogni*",
    "enterprises:declaration*",
    "enterprises:draw*",
    "enterprises:sample_outcome",
    "enterprises:certificate*",
)

AREAS = [
    Area(
        _("Quality pledges"),
        _("Enterprises' published service-quality pledges."),
        "/enterprises/public/pledges/",
        order=10,
    ),
    Area(
        _("Enterprise standards"),
        _("Standards enterprises declare, and the front-runners."),
        "/enterprises/public/standards/",
        order=20,
    ),
]

# API routes only the market regulator writes (other agencies read them).
MARKET_API = ("enterprise-*", "pledge-*", "declaration-*", "certificate-*")
