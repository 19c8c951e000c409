"""Figures for progress reports, collected from every app's ``metrics.py``.

Each app that owns data a report needs defines, in ``<app>/metrics.py``::

    def metrics(reporting_unit, period_start, period_end) -> list[dict]:
        return [
            {"task": 2, "key": "pledges_published", "label": _("Pledges published"),
             "value": 1234, "unit": _("pledges")},
            ...
        ]

- ``reporting_unit`` is a ``portal.ReportingUnit``; the period is two ``date``
  objects, both days included.
- ``task`` is the plan's task number (1-12) the figure belongs to; ``key`` is
  stable and unique within the app; ``label`` and ``unit`` may be lazy
  strings; ``value`` is an int, float or Decimal.
- The function only reads its own app's tables, with set-based queries (a
  handful per call, not one per row).

The modules are found the way Django finds ``admin.py`` (``portal.discovery``),
so an app added later contributes without a change here. An app without
``metrics.py`` contributes nothing; its tasks are then covered by the unit's
recorded measures and narrative. ``reporting/metrics.py`` itself contributes
the figures of those measures.
"""

from decimal import Decimal

from django.conf import settings
from django.utils import translation

from portal.discovery import app_modules


def collect(reporting_unit, period_start, period_end):
    """Every app's figures for a unit and period, as JSON-ready dicts ordered by task.

    Labels are rendered in the portal's official language (the reports are
    official Chinese documents), whatever language the requesting user reads.
    """
    figures = []
    with translation.override(settings.LANGUAGE_CODE):
        for config, module in app_modules("metrics"):
            for item in module.metrics(reporting_unit, period_start, period_end):
                figures.append(_plain(item, config.label))
    return sorted(figures, key=lambda figure: (figure["task"], figure["app"]))


def _plain(item, app_label):
    """A figure with its lazy strings rendered and its value a plain number."""
    value = item["value"]
    if isinstance(value, Decimal):
        value = float(value)
    return {
        "task": int(item["task"]),
        "key": str(item["key"]),
        "label": str(item["label"]),
        "value": value,
        "unit": str(item.get("unit", "")),
        "app": app_label,
    }


def by_task(figures):
    """{task number: [figures]} of a figure list."""
    grouped = {}
    for figure in figures:
        grouped.setdefault(figure["task"], []).append(figure)
    return grouped
