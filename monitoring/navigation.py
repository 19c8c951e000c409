"""Monitoring's links and home-page areas, shown once their pages exist (portal.navigation)."""

from django.utils.translation import gettext_lazy as _

from portal.access import ENTERPRISE, STAFF_ROLES
from portal.navigation import VISITORS, Area, Entry

MENU = [
    Entry(_("Surveys"), "monitoring:home", STAFF_ROLES, order=44),
    Entry(_("Evaluations to review"), "monitoring:evaluation_review", STAFF_ROLES, order=45),
    Entry(_("Consumers' evaluations"), "monitoring:my_evaluations", (ENTERPRISE,), order=45),
    Entry(_("Evaluate a service"), "monitoring:evaluate", VISITORS, order=1020),
]

# Moderating consumers' evaluations; the surveys' figures stay readable by the DRC.
MARKET_WORK = ("monitoring:evaluation_review", "monitoring:evaluation", "monitoring:evaluation_act")

AREAS = [
    Area(
        _("Service-quality monitoring"),
        _("Surveys of service quality by region and industry."),
        "/monitoring/",
        order=30,
        roles=STAFF_ROLES + VISITORS,
    ),
    Area(
        _("Consumers' evaluations"),
        _("Evaluate a service with the code on your receipt, and read what consumers say."),
        "/monitoring/evaluations/enterprises/",
        order=55,
    ),
]

MARKET_API = ("evaluation-*",)
