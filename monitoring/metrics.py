"""What the monitoring app contributes to a progress report.

Task 12 (post-consumption evaluations): evaluations of the unit's enterprises submitted in
the period (both days included), how many of them are released and held now, and their
released average overall score. Kept apart from the survey indices (tasks 3 and 10).
"""

from django.db.models import Avg, Count, Q
from django.utils.translation import gettext_lazy as _

from .models import Evaluation


def figure(task, key, label, value, unit):
    return {"task": task, "key": key, "label": label, "value": value or 0, "unit": unit}


def metrics(reporting_unit, period_start, period_end):
    return evaluation_figures(reporting_unit, period_start, period_end)


def evaluation_figures(reporting_unit, period_start, period_end):
    """Task 12: counts and the average score of the period's post-consumption evaluations."""
    Status = Evaluation.Status
    released = Q(status=Status.RELEASED)
    counts = Evaluation.objects.filter(
        enterprise__reporting_unit=reporting_unit,
        submitted_at__date__range=(period_start, period_end),
    ).aggregate(
        received=Count("id"),
        released=Count("id", filter=released),
        held=Count("id", filter=Q(status=Status.HELD)),
        average=Avg("overall", filter=released),
    )
    return [
        figure(12, "evaluations_received", _("Post-consumption evaluations received"),
               counts["received"], _("evaluations")),
        figure(12, "evaluations_released", _("Post-consumption evaluations published"),
               counts["released"], _("evaluations")),
        figure(12, "evaluations_held", _("Post-consumption evaluations held for review"),
               counts["held"], _("evaluations")),
        figure(12, "evaluation_average", _("Average overall score of published evaluations"),
               round(counts["average"] or 0, 2), _("out of 5")),
    ]  # fmt: skip
