"""Task 4 figures of double-random inspections for a progress report.

Plans published, enterprises inspected (results concluded), results published in the
period, and how many of those were public within 20 working days of their conclusion.
"""

from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _

from portal.figures import figure

from . import inspection_rules
from .models import Inspection, InspectionPlan


def metrics(reporting_unit, period_start, period_end):
    period = (period_start, period_end)
    no_problem = inspection_rules.results_without_problem()
    plans = InspectionPlan.objects.filter(
        reporting_unit=reporting_unit, published_at__date__range=period
    ).count()
    rows = Inspection.objects.filter(plan__reporting_unit=reporting_unit, active=True)
    published = Q(published_at__date__range=period)
    counts = rows.aggregate(
        concluded=Count("id", filter=Q(concluded_on__range=period)),
        published=Count("id", filter=published),
        on_time=Count("id", filter=published & Q(published_at__date__lte=F("publish_by"))),
        problems=Count("id", filter=Q(concluded_on__range=period) & ~Q(result__in=no_problem)),
    )
    rate = round(100 * counts["on_time"] / counts["published"], 1) if counts["published"] else 0
    return [
        figure(4, "inspection_plans", _("Random-inspection plans published"), plans, _("plans")),
        figure(4, "inspections_concluded", _("Random inspections concluded"),
               counts["concluded"], _("enterprises")),
        figure(4, "inspection_problems", _("Inspections that found a problem"),
               counts["problems"], _("enterprises")),
        figure(4, "inspection_results_published", _("Inspection results published"),
               counts["published"], _("results")),
        figure(4, "inspection_results_on_time", _("Results public within 20 working days"),
               rate, "%"),
    ]  # fmt: skip
