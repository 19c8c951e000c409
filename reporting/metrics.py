"""What ``reporting`` contributes to a report: the figures of the unit's recorded measures."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from .catalogue import MEASURE_TASKS
from .models import Measure

FIELDS = [
    ("pilots", _("Pilots"), _("pilots")),
    ("platforms", _("Platforms"), _("platforms")),
    ("people_trained", _("People trained"), _("people")),
    ("bodies", _("Evaluation bodies"), _("bodies")),
]


def metrics(reporting_unit, period_start, period_end):
    """Measures recorded per task (1, 9, 10, 12) and their figures, for measures in the period."""
    rows = (
        Measure.objects.filter(reporting_unit=reporting_unit, started_on__lte=period_end)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=period_start))
        .values("task")
        .annotate(count=Count("id"), **{name: Sum(name) for name, _l, _u in FIELDS})
    )
    totals = {row["task"]: row for row in rows}
    figures = []
    for task in MEASURE_TASKS:
        row = totals.get(task, {})
        figures.append(
            {
                "task": task,
                "key": f"measures_{task}",
                "label": _("Measures recorded"),
                "value": row.get("count", 0),
                "unit": _("measures"),
            }
        )
        figures += [
            {"task": task, "key": f"{name}_{task}", "label": label, "value": row[name]}
            | {"unit": unit}
            for name, label, unit in FIELDS
            if row.get(name)
        ]
    return figures
