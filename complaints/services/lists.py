"""Which complaints a user's lists show, and which are due soon or overdue."""

from django.utils import timezone

from portal import workdays
from portal.scoping import scoped

from ..models import Complaint
from ..models.complaints import DUE
from .deadlines import OPEN

DUE_SOON_DAYS = 2


def with_due(rows):
    """The rows with the deadline that matters now as ``due``."""
    return rows.annotate(due=DUE)


def complaint_rows(user):
    """Complaints in the user's scope (no reports for enterprises), with ``due``."""
    rows = scoped(Complaint.objects.select_related("reporting_unit", "rule_set"), user)
    if user.is_enterprise_user:
        rows = rows.exclude(kind=Complaint.Kind.REPORT)
    return with_due(rows)


def soon_until(today):
    """The last day that counts as due soon: DUE_SOON_DAYS working days after today."""
    return workdays.add_working_days(today, DUE_SOON_DAYS)


def due_filter(rows, which, today=None):
    """``soon``: open and due within DUE_SOON_DAYS working days; ``overdue``: past due."""
    today = today or timezone.localdate()
    open_rows = rows.filter(status__in=OPEN)
    if which == "overdue":
        return open_rows.filter(due__lt=today)
    if which == "soon":
        return open_rows.filter(due__gte=today, due__lte=soon_until(today))
    return rows
