"""The daily reminders: each deadline due within 2 working days, and each overdue, once.

The deadlines are the open complaints' (decision, mediation) and, once mediation ended,
telling both parties so (until the handler records that they were told).

Sent to the complaint's officer, or to the unit's staff when nobody has taken it on.
Idempotent like the reporting schedule: a reminder already recorded is not sent again,
and a deadline that moves (a new due date) is a new reminder.
"""

import datetime
from itertools import chain

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from portal import mail

from ..models import Complaint, ComplaintReminder
from . import deadlines, lists

Kind = ComplaintReminder.Kind


def run_daily(today=None):
    """Send the day's reminders; returns how many were sent."""
    today = today or timezone.localdate()
    rows = (
        lists.with_due(Complaint.objects.filter(status__in=deadlines.OPEN))
        .filter(due__lte=lists.soon_until(today))
        .select_related("officer", "reporting_unit")
    )
    end_notices = (
        Complaint.objects.filter(parties_told_on__isnull=True)
        .annotate(due=F("end_notice_due"))
        .filter(due__lte=lists.soon_until(today))
        .select_related("officer", "reporting_unit")
    )
    sent = 0
    for complaint in chain(rows.iterator(chunk_size=1000), end_notices.iterator(chunk_size=1000)):
        kind = Kind.OVERDUE if complaint.due < today else Kind.DUE_SOON
        sent += _remind(complaint, kind)
    return sent


def _remind(complaint, kind):
    try:
        with transaction.atomic():
            ComplaintReminder.objects.create(complaint=complaint, kind=kind, due=complaint.due)
            recipients = (
                [complaint.officer]
                if complaint.officer
                else mail.unit_staff(complaint.reporting_unit)
            )
            mail.send(f"complaint_{kind}", recipients, {"complaint": complaint})
    except IntegrityError:
        return 0  # already reminded of this deadline
    return 1


def run_daily_for(today_iso=None):
    """What the Celery task runs: the day's reminders for a date (ISO) or today."""
    return run_daily(datetime.date.fromisoformat(today_iso) if today_iso else None)
