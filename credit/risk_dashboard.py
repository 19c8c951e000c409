"""The risk-class panel of the credit dashboard (credit.dashboard adds it): staff only."""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.access import HEADQUARTERS, STAFF_ROLES
from portal.dashboard import Panel
from portal.scoping import scoped

from .models import EnterpriseRiskClass, RiskClass


def risk_panels(request):
    user = request.user
    if user.role not in STAFF_ROLES:
        return []
    rows = scoped(EnterpriseRiskClass.objects.order_by(), user)
    counts = dict(rows.values_list("risk_class").annotate(n=Count("pk")))
    figures = [(label, counts.get(value, 0)) for value, label in RiskClass.choices]
    links = [
        (_("High risk (D)"), reverse("credit:risk_list") + "?risk_class=D"),
        (_("Risk classes"), reverse("credit:risk_list")),
    ]
    if user.role == HEADQUARTERS:
        links.append((_("Risk scoring model"), reverse("credit:risk_models")))
    return [Panel(title=_("Credit risk classes"), figures=figures, links=links, order=46)]
