"""What the credit app contributes to a progress report (task 4; task 6 by the lists).

Each part of the app keeps its figures in its own module; this one joins them.
"""

from . import metrics_inspections


def metrics(reporting_unit, period_start, period_end):
    return metrics_inspections.metrics(reporting_unit, period_start, period_end)
