"""The daily warning about inspection results that must become public (20 working days).

Sent to the unit's staff for each result due within the warning period, and once more
when it is overdue; each deadline is warned of once (a unique row, like complaints).
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from portal import mail

from ..models import Inspection, ResultReminder
from . import inspection_results

Kind = ResultReminder.Kind


def run_daily(today=None):
    """Send the day's warnings; returns how many were sent."""
    today = today or timezone.localdate()
    rows = inspection_results.results_due(
        Inspection.objects.filter(active=True), today
    ).select_related("plan__reporting_unit", "enterprise")
    sent = 0
    for inspection in rows.iterator(chunk_size=1000):
        kind = Kind.OVERDUE if inspection.publish_by < today else Kind.DUE_SOON
        sent += _warn(inspection, kind)
    return sent


def _warn(inspection, kind):
    unit = inspection.plan.reporting_unit
    recipients = mail.unit_staff(unit) if unit else mail.headquarters_staff()
    try:
        with transaction.atomic():
            ResultReminder.objects.create(
                inspection=inspection, kind=kind, due=inspection.publish_by
            )
            mail.send(f"credit_result_{kind}", recipients, {"inspection": inspection})
    except IntegrityError:
        return 0  # already warned of this deadline
    return 1


def run_daily_for(today_iso=None):
    """What the Celery task runs: the day's warnings for a date (ISO) or today."""
    return run_daily(datetime.date.fromisoformat(today_iso) if today_iso else None)
