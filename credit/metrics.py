"""What the credit app's records contribute to a progress report (tasks 4 and 6).

``metrics(reporting_unit, period_start, period_end)``, both days included, one aggregate
query per model over the enterprises of the unit. "On the list at period end" counts the
entries listed by then that had not left by then: a served serious listing leaves on its
``listed_until`` day, an early-removed one on ``removed_on``; an abnormal entry on
``removed_on`` or when its transfer to the serious list was confirmed. The figures of
double-random inspections (task 4) come from ``metrics_inspections``.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from portal.figures import figure

from . import metrics_inspections
from .models import AbnormalListing, ConsumerWarning, Penalty, SeriousListing
from .risk_metrics import risk_figures


def _penalties(unit, start, end):
    return Penalty.objects.filter(enterprise__reporting_unit=unit).aggregate(
        published=Count("id", filter=Q(published_on__range=(start, end))),
        serious=Count("id", filter=Q(published_on__range=(start, end), serious=True)),
        repaired=Count("id", filter=Q(repaired_on__range=(start, end))),
    )


def _abnormal(unit, start, end):
    left_by_end = Q(removed_on__lte=end) | Q(
        status=AbnormalListing.Status.TRANSFERRED, serious_listing__listed_on__lte=end
    )
    return AbnormalListing.objects.filter(enterprise__reporting_unit=unit).aggregate(
        listed=Count("id", filter=Q(listed_on__range=(start, end))),
        removed=Count("id", filter=Q(removed_on__range=(start, end))),
        at_end=Count("id", filter=Q(listed_on__lte=end) & ~left_by_end),
    )


def _serious(unit, start, end):
    early = Q(status=SeriousListing.Status.REMOVED_EARLY)
    return SeriousListing.objects.filter(enterprise__reporting_unit=unit).aggregate(
        listed=Count("id", filter=Q(listed_on__range=(start, end))),
        repaired=Count("id", filter=early & Q(removed_on__range=(start, end))),
        at_end=Count(
            "id",
            filter=Q(listed_on__lte=end, listed_until__gt=end) & ~(early & Q(removed_on__lte=end)),
        ),
    )


def metrics(reporting_unit, period_start, period_end):
    period = (reporting_unit, period_start, period_end)
    penalties, abnormal, serious = _penalties(*period), _abnormal(*period), _serious(*period)
    warnings = ConsumerWarning.objects.filter(
        reporting_unit=reporting_unit,
        status=ConsumerWarning.Status.PUBLISHED,
        published_at__date__range=(period_start, period_end),
    ).count()
    return [
        figure(4, "penalties_published", _("Administrative penalties published"),
               penalties["published"], _("penalties")),
        figure(4, "serious_penalties_published", _("Serious penalties published"),
               penalties["serious"], _("penalties")),
        figure(6, "abnormal_listed", _("Enterprises put on the abnormal-operations list"),
               abnormal["listed"], _("entries")),
        figure(6, "abnormal_removed", _("Removed from the abnormal list after correction"),
               abnormal["removed"], _("entries")),
        figure(6, "abnormal_at_end", _("On the abnormal-operations list at period end"),
               abnormal["at_end"], _("entries")),
        figure(6, "serious_listed", _("Enterprises put on the serious illegal and dishonest list"),
               serious["listed"], _("entries")),
        figure(6, "serious_at_end", _("On the serious illegal and dishonest list at period end"),
               serious["at_end"], _("entries")),
        figure(6, "credit_repairs", _("Credit repairs: serious listings removed early"),
               serious["repaired"], _("entries")),
        figure(6, "penalties_repaired", _("Credit repairs: penalties no longer published"),
               penalties["repaired"], _("penalties")),
        figure(6, "consumer_warnings", _("Consumer warnings published"), warnings, _("warnings")),
        *metrics_inspections.metrics(reporting_unit, period_start, period_end),
        *risk_figures(*period),
    ]  # fmt: skip
