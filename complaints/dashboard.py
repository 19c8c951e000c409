"""Dashboard panels of the complaints app (see portal.dashboard)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.access import STAFF_ROLES
from portal.dashboard import Panel

from .models import Complaint, ComplaintTransfer
from .services import transfers
from .services.lists import complaint_rows, due_filter


def panels(request):
    user = request.user
    if user.role in STAFF_ROLES:
        return [_staff_panel(user)]
    if user.is_enterprise_user:
        return [_enterprise_panel(user)]
    return []


def _staff_panel(user):
    rows = complaint_rows(user)
    waiting = transfers.waiting_for(user).filter(status=ComplaintTransfer.Status.PENDING)
    figures = [
        (_("Due within 2 working days"), due_filter(rows, "soon").count()),
        (_("Overdue"), due_filter(rows, "overdue").count()),
        (_("Transferred to us, waiting"), waiting.count()),
    ]
    links = [
        (_("Due soon"), reverse("complaints:list") + "?due=soon"),
        (_("Overdue"), reverse("complaints:list") + "?due=overdue"),
        (_("Transfers"), reverse("complaints:transfers")),
    ]
    return Panel(title=_("Complaints"), figures=figures, links=links, order=40)


def _enterprise_panel(user):
    mediating = complaint_rows(user).filter(status=Complaint.Status.MEDIATING)
    figures = [(_("Complaints in mediation about your enterprises"), mediating.count())]
    links = [(_("Complaints"), reverse("complaints:list"))]
    return Panel(title=_("Complaints"), figures=figures, links=links, order=40)
