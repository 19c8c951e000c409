"""Dashboard panels of the enterprises app (see portal.dashboard).

``panels(request)`` collects small functions, each returning a list of panels
for the user; add a function to PANEL_FUNCTIONS to contribute more (pledges,
standards, certificates).
"""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.dashboard import Panel
from portal.scoping import scoped

from .models import Certificate, EnterpriseMembership, Pledge, StandardDeclaration
from .services import claims, registry


def registry_panels(request):
    """Staff: enterprises in scope (estimated for headquarters), links to the registry."""
    user = request.user
    if not (user.is_headquarters or user.is_provincial):
        return []
    figures = [
        (pgettext_lazy("dashboard figure", "Enterprises"), f"{registry.estimated_total(user):,}")
    ]
    links = [
        (_("Enterprise registry"), reverse("enterprises:list")),
        (_("Import from Excel"), reverse("enterprises:import")),
    ]
    return [Panel(title=_("Enterprise registry"), figures=figures, links=links, order=10)]


def claim_review_panels(request):
    """Staff: claims waiting for a decision in their jurisdiction."""
    user = request.user
    if not (user.is_headquarters or user.is_provincial):
        return []
    pending = claims.claims_for_review(user).filter(status=EnterpriseMembership.Status.PENDING)
    figures = [(_("Claims waiting for a decision"), pending.count())]
    links = [(_("Review claims"), reverse("enterprises:claims"))]
    return [Panel(title=_("Enterprise claims"), figures=figures, links=links, order=11)]


def my_enterprise_panels(request):
    """Enterprise users: their enterprises and the state of their claims."""
    user = request.user
    if not user.is_enterprise_user:
        return []
    memberships = list(claims.memberships_of(user)[:20])
    figures = [(m.enterprise.name, m.get_status_display()) for m in memberships]
    text = "" if memberships else _("Claim your enterprise by its USCC to act for it.")
    links = [(_("My enterprise"), reverse("enterprises:mine"))]
    return [Panel(title=_("My enterprise"), figures=figures, links=links, text=text, order=10)]


def self_service_review_panels(request):
    """Staff: pledges waiting for review, front-runner candidates, certificates expiring soon."""
    user = request.user
    if not (user.is_headquarters or user.is_provincial):
        return []
    soon = timezone.localdate() + datetime.timedelta(days=60)
    figures = [
        (_("Pledges waiting for review"),
         scoped(Pledge.objects.filter(status=Pledge.Status.SUBMITTED), user).count()),
        (_("Front-runner candidates"),
         scoped(StandardDeclaration.objects.filter(front_runner="candidate"), user).count()),
        (_("Certificates expiring within 60 days"),
         scoped(Certificate.objects.filter(status="valid", expires_on__lte=soon), user).count()),
    ]  # fmt: skip
    links = [
        (_("Review pledges"), reverse("enterprises:pledge_review")),
        (_("Standard declarations"), reverse("enterprises:declarations")),
        (_("Service certificates"), reverse("enterprises:certificates")),
    ]
    title = _("Pledges, standards and certificates")
    return [Panel(title=title, figures=figures, links=links, order=12)]


def self_service_panels(request):
    """Enterprise users: where to file pledges, declarations and certificates."""
    if not request.user.is_enterprise_user:
        return []
    links = [
        (_("My quality pledges"), reverse("enterprises:my_pledges")),
        (_("My standard declarations"), reverse("enterprises:my_declarations")),
        (_("My service certificates"), reverse("enterprises:my_certificates")),
    ]
    return [Panel(title=_("Pledges, standards and certificates"), links=links, order=11)]


# Add panel functions here (each takes the request, returns a list of Panel).
PANEL_FUNCTIONS = [
    registry_panels,
    claim_review_panels,
    my_enterprise_panels,
    self_service_review_panels,
    self_service_panels,
]


def panels(request):
    """Every panel the enterprises app shows this user."""
    return [panel for function in PANEL_FUNCTIONS for panel in function(request)]
