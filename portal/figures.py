"""The shape of one figure that an app's ``metrics.py`` gives the progress report."""


def figure(task, key, label, value, unit):
    """One figure of a plan task (``value`` None counts as 0)."""
    return {"task": task, "key": key, "label": label, "value": value or 0, "unit": unit}
