"""Task 6 figures of the risk classes: enterprises per class in a unit, and overrides.

The classes are the current ones (a report's snapshot freezes them when it is
submitted); one grouped count over the narrow class table.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from portal.figures import figure

from .models import EnterpriseRiskClass, RiskClass, RiskOverride

LABELS = {
    RiskClass.A: _("Enterprises in credit risk class A (low)"),
    RiskClass.B: _("Enterprises in credit risk class B (general)"),
    RiskClass.C: _("Enterprises in credit risk class C (higher)"),
    RiskClass.D: _("Enterprises in credit risk class D (high)"),
}


def risk_figures(reporting_unit, period_start, period_end):
    rows = EnterpriseRiskClass.objects.filter(enterprise__reporting_unit=reporting_unit)
    counts = dict(rows.order_by().values_list("risk_class").annotate(n=Count("pk")))
    overrides = RiskOverride.objects.filter(
        Q(created_at__date__range=(period_start, period_end)),
        enterprise__reporting_unit=reporting_unit,
    ).count()
    return [
        *(
            figure(6, f"risk_class_{value.lower()}", LABELS[value], counts.get(value, 0),
                   _("enterprises"))
            for value in RiskClass.values
        ),
        figure(6, "risk_overrides", _("Risk classes overridden by regulators"), overrides,
               _("overrides")),
    ]  # fmt: skip
