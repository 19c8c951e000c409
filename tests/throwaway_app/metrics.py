"""One figure per unit and period, so a report shows what this app contributes."""


def metrics(reporting_unit, period_start, period_end):
    return [
        {
            "task": 12,
            "key": "throwaway_days",
            "label": "Throwaway days counted",
            "value": (period_end - period_start).days + 1,
            "unit": "days",
        }
    ]
