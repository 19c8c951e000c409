"""What the monitoring app contributes to a progress report (tasks 3, 10 and 12).

Surveys (``survey_figures``): the survey waves ending in the period that cover the unit
(its own and the national ones), the usable responses from the unit in them, the unit's
index of the latest of them and its public-service index (task 3); the enterprises and
sectors benchmarked (task 10); the consumers' survey answers collected and those
excluded by quality checks (task 12, social co-governance).

Task 12 (post-consumption evaluations): evaluations of the unit's enterprises submitted in
the period (both days included), how many of them are released and held now, and their
released average overall score. Kept apart from the survey indices (tasks 3 and 10).
"""

from django.db.models import Avg, Count, Q
from django.utils.translation import gettext_lazy as _

from portal.figures import figure

from .models import Evaluation, IndexResult, Response, Wave
from .sectors import PUBLIC_PREFIX

Level = IndexResult.Level


def metrics(reporting_unit, period_start, period_end):
    return survey_figures(reporting_unit, period_start, period_end) + evaluation_figures(
        reporting_unit, period_start, period_end
    )


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


def _waves(reporting_unit, period_start, period_end):
    return Wave.objects.filter(
        Q(reporting_unit=reporting_unit) | Q(reporting_unit__isnull=True),
        period_end__range=(period_start, period_end),
    )


def survey_figures(reporting_unit, period_start, period_end):
    """Tasks 3, 10 and 12: survey waves, responses, the unit's indices, benchmarks."""
    waves = _waves(reporting_unit, period_start, period_end)
    responses = Response.objects.filter(wave__in=waves, reporting_unit=reporting_unit).aggregate(
        usable=Count("id", filter=Q(excluded=False)), excluded=Count("id", filter=Q(excluded=True))
    )
    latest = waves.filter(computed_at__isnull=False).order_by("-period_end", "-id").first()
    own = IndexResult.objects.filter(wave=latest, reporting_unit=reporting_unit, component="index")
    unit_index = own.filter(level=Level.UNIT).values_list("mean", flat=True).first()
    public = own.filter(level=Level.UNIT_SECTOR, group__contains=f":{PUBLIC_PREFIX}", n__gt=0)
    public_index = public.aggregate(mean=Avg("mean"))["mean"]
    measured = IndexResult.objects.filter(
        wave__in=waves, reporting_unit=reporting_unit, component="index", n__gt=0
    )
    enterprises = measured.filter(level=Level.ENTERPRISE).values("group").distinct().count()
    sectors = measured.filter(level=Level.UNIT_SECTOR).values("group").distinct().count()
    return [
        figure(3, "survey_waves", _("Service-quality survey waves"), waves.count(), _("waves")),
        figure(3, "survey_responses", _("Usable survey responses"), responses["usable"],
               _("responses")),
        figure(3, "survey_index", _("Service-quality index (latest wave)"),
               round(unit_index or 0, 1), _("out of 100")),
        figure(3, "public_service_index", _("Public-service quality index (latest wave)"),
               round(public_index or 0, 1), _("out of 100")),
        figure(10, "enterprises_benchmarked", _("Enterprises with their own benchmark"),
               enterprises, _("enterprises")),
        figure(10, "sectors_benchmarked", _("Sectors benchmarked against other units"), sectors,
               _("sectors")),
        figure(12, "survey_answers_collected", _("Consumers' survey answers collected"),
               responses["usable"] + responses["excluded"], _("responses")),
        figure(12, "survey_answers_excluded", _("Survey answers excluded by quality checks"),
               responses["excluded"], _("responses")),
    ]  # fmt: skip
