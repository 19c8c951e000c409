"""Dashboard panels of progress reporting: a unit's own report, or a round's status for HQ."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.charts import bar_chart
from portal.dashboard import Panel
from portal.scoping import scoped

from .models import ProgressReport, Round
from .services.reports import return_comment
from .services.rounds import UNIT_STATUSES, round_status, status_counts


def panels(request):
    """One panel: the newest open round, from the user's side."""
    user = request.user
    if not (user.is_headquarters or user.is_provincial):
        return []
    round_ = Round.objects.filter(reports__isnull=False).distinct().first()
    if round_ is None:
        return []
    if user.is_headquarters:
        return [_status_panel(round_)]
    report = scoped(ProgressReport.objects.filter(round=round_), user).first()
    if report is None:
        return []
    returned = return_comment(report)
    text = f"{round_} · {report.get_status_display()}"
    if returned is not None:
        text += " · " + _("Headquarters' comment: %(comment)s") % {"comment": returned.reason}
    return [
        Panel(
            title=_("Progress report"),
            text=text,
            links=[(_("Open the report"), report.get_absolute_url())],
            order=0 if returned else 20,  # headquarters' comment is the first thing one reads
        )
    ]


def _status_panel(round_):
    counts = status_counts(round_status(round_))
    labels = [str(UNIT_STATUSES[key]) for key in counts]
    # Drawn at the card's width (a card is at least 280px), so its labels keep their size.
    chart = bar_chart(
        labels,
        [(_("Units"), list(counts.values()))],
        label=_("Reporting units by status"),
        width=240,
        height=120,
        horizontal=True,
    )
    return Panel(
        title=_("Progress reports"),
        text=str(round_),
        figures=[(UNIT_STATUSES[key], n) for key, n in counts.items()],
        links=[(_("Status of all units"), reverse("reporting:round", args=[round_.pk]))],
        chart=chart,
        order=20,
    )
