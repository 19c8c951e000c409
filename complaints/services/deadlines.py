"""Every complaint deadline, from portal.workdays and the complaint's rule set.

Deadlines are stored on the complaint with the calendar version they were computed on,
recomputed when their trigger changes (acceptance, suspension, extension) and, for all
open complaints at once, when headquarters enters or corrects a year of the calendar.
"""

from django.db import transaction
from django.dispatch import receiver

from portal import workdays
from portal.holidays import current_calendar

from ..models import Complaint

Status = Complaint.Status
OPEN = [
    Status.RECEIVED,
    Status.WITH_ODR,
    Status.ACCEPTED,
    Status.MEDIATING,
    Status.SUSPENDED,
    Status.VERIFYING,
]


def compute(complaint, calendar=None):
    """Set the complaint's deadlines from its dates and rule set (not saved)."""
    calendar = calendar or current_calendar()
    rules = complaint.rule_set
    computed = []
    if complaint.is_report:
        days = rules.verification_days + complaint.extended_days
        computed.append(workdays.deadline(complaint.received_on, days, calendar))
        complaint.decision_due = computed[-1].date
    else:
        start = complaint.received_on
        if complaint.odr_due or complaint.status == Status.WITH_ODR:
            computed.append(workdays.deadline(start, rules.odr_days, calendar))
            complaint.odr_due = start = computed[-1].date
        computed.append(workdays.deadline(start, rules.acceptance_days, calendar))
        complaint.decision_due = computed[-1].date
        if complaint.accepted_on:
            days = rules.mediation_days + complaint.suspended_days
            computed.append(workdays.deadline(complaint.accepted_on, days, calendar))
            complaint.mediation_due = computed[-1].date
    complaint.deadline_provisional = any(d.provisional for d in computed)
    complaint.calendar_version = computed[-1].calendar_version
    return complaint


def recompute_open(calendar=None):
    """Recompute the deadlines of every open complaint whose calendar version is stale."""
    calendar = calendar or current_calendar()
    stale = Complaint.objects.filter(status__in=OPEN).exclude(calendar_version=calendar.version)
    fields = ["odr_due", "decision_due", "mediation_due", "deadline_provisional"]
    count = 0
    with transaction.atomic():
        rows = stale.select_related("rule_set").select_for_update(of=("self",))
        batch = []
        for complaint in rows.iterator(chunk_size=2000):
            batch.append(compute(complaint, calendar))
            if len(batch) == 2000:
                count += _save(batch, fields)
                batch = []
        count += _save(batch, fields)
    return count


def _save(batch, fields):
    Complaint.objects.bulk_update(batch, [*fields, "calendar_version"], batch_size=2000)
    return len(batch)


@receiver(workdays.calendar_changed)
def _recompute_after_calendar_change(sender, year, version, **kwargs):
    recompute_open()
