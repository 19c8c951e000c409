"""The dashboard panel of double-random inspections (see portal.dashboard)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.dashboard import Panel
from portal.scoping import scoped

from .models import AssistanceRequest, Inspection, InspectionPlan, ProblemReceipt
from .services import inspection_results


def panel(user):
    today = timezone.localdate()
    results = scoped(Inspection.objects.filter(active=True), user)
    unit_id = None if user.is_headquarters else user.agency.reporting_unit_id
    asked = scoped(AssistanceRequest.objects.filter(status="pending"), user)
    receipts = scoped(ProblemReceipt.objects.filter(acknowledged_at__isnull=True), user)
    if unit_id:
        asked = asked.filter(to_unit_id=unit_id)
        receipts = receipts.filter(unit_id=unit_id)
    figures = [
        (_("Plans published, not yet drawn"),
         scoped(InspectionPlan.objects.filter(status="published"), user).count()),
        (_("Results to publish within 5 working days"),
         inspection_results.results_due(results, today).filter(publish_by__gte=today).count()),
        (_("Results overdue for publication"),
         results.filter(published_at__isnull=True, publish_by__lt=today).count()),
        (_("Assistance requests waiting for our answer"), asked.count()),
        (_("Problem notices to acknowledge"), receipts.count()),
    ]  # fmt: skip
    links = [
        (_("Random inspections"), reverse("credit:inspections")),
        (_("Assistance between units"), reverse("credit:assistance")),
        (_("Problem notices"), reverse("credit:notices")),
    ]
    return Panel(title=_("Random inspections"), figures=figures, links=links, order=46)
