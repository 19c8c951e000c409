"""Dashboard panels of the monitoring app (see portal.dashboard)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.access import STAFF_ROLES
from portal.dashboard import Panel
from portal.scoping import scoped

from .models import Evaluation
from .services import evaluations


def panels(request):
    user = request.user
    if user.role in STAFF_ROLES:
        return [_review_panel(user)]
    if user.is_enterprise_user:
        return [_enterprise_panel(user)]
    return []


def _review_panel(user):
    waiting = evaluations.held_rows(user).count()
    figures = [(_("Evaluations held, waiting for review"), waiting)]
    links = [(_("Evaluations to review"), reverse("monitoring:evaluation_review"))]
    return Panel(title=_("Consumers' evaluations"), figures=figures, links=links, order=45)


def _enterprise_panel(user):
    rows = scoped(Evaluation.objects.all(), user)
    figures = [
        (_("Published evaluations of your enterprises"), rows.count()),
        (_("Without your reply"), rows.filter(reply__isnull=True).count()),
    ]
    links = [
        (_("Replies to write"), reverse("monitoring:my_evaluations") + "?unanswered=1"),
        (_("Issue evaluation codes"), reverse("monitoring:evaluation_codes")),
    ]
    return Panel(title=_("Consumers' evaluations"), figures=figures, links=links, order=45)
