"""Rounds: creating them with their milestones, and the status of every unit in a round."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import ReportingUnit

from ..models import Milestone, ProgressReport, Status, default_milestones

UNIT_STATUSES = {
    "not_started": _("Not started"),
    "draft": _("Draft"),
    "submitted_on_time": _("Submitted on time"),
    "submitted_late": _("Submitted late"),
    "accepted": _("Accepted"),
    "returned": _("Returned"),
    "missing": _("Missing"),
}


def create_round(round_):
    """Save a new round (already validated) with its default milestones."""
    with transaction.atomic():
        round_.save()
        for kind, on, days in default_milestones(round_.opens_on, round_.due_date):
            Milestone.objects.create(round=round_, kind=kind, on=on, days_before_due=days)
    return round_


def unit_status(report, due_date, today):
    """The status key of one unit in a round (report may be None)."""
    if report is None:
        return "missing" if today > due_date else "not_started"
    if report.status == Status.ACCEPTED:
        return "accepted"
    if report.status == Status.RETURNED:
        return "returned"
    if report.status == Status.SUBMITTED:
        return "submitted_late" if report.is_late else "submitted_on_time"
    return "missing" if today > due_date else "draft"


def round_status(round_, today=None):
    """One row per reporting unit: (unit, report or None, status key, status label)."""
    today = today or timezone.localdate()
    reports = {
        r.reporting_unit_id: r
        for r in ProgressReport.objects.filter(round=round_).select_related("reporting_unit")
    }
    rows = []
    for unit in ReportingUnit.objects.order_by("code"):
        report = reports.get(unit.pk)
        key = unit_status(report, round_.due_date, today)
        rows.append({"unit": unit, "report": report, "status": key, "label": UNIT_STATUSES[key]})
    return rows


def status_counts(rows):
    """{status key: count} over the status rows, in the order of UNIT_STATUSES."""
    counts = dict.fromkeys(UNIT_STATUSES, 0)
    for row in rows:
        counts[row["status"]] += 1
    return counts
