"""Dashboard panel of the credit lists (see portal.dashboard): what waits for a second officer."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.access import STAFF_ROLES
from portal.dashboard import Panel
from portal.scoping import scoped

from . import dashboard_inspections
from .models import AbnormalListing, Penalty, SeriousListing
from .risk_dashboard import risk_panels
from .services.lists import removal_overdue


def panels(request):
    user = request.user
    if user.role not in STAFF_ROLES:
        return []
    proposed = sum(
        scoped(model.objects.filter(status="proposed"), user).count()
        for model in (Penalty, AbnormalListing, SeriousListing)
    )
    overdue = scoped(removal_overdue(timezone.localdate()), user).count()
    listed = scoped(SeriousListing.objects.filter(status__in=("listed", "repair_applied")), user)
    figures = [
        (_("Waiting for a second officer"), proposed),
        (_("Removal decisions overdue"), overdue),
        (_("On the serious illegal and dishonest list"), listed.count()),
    ]
    links = [
        (_("Waiting for a second officer"), reverse("credit:work")),
        (_("Credit files"), reverse("credit:find")),
        (_("Consumer warnings"), reverse("credit:warnings_manage")),
    ]
    return [
        Panel(title=_("Credit lists"), figures=figures, links=links, order=45),
        dashboard_inspections.panel(user),
        *risk_panels(request),
    ]
