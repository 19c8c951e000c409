"""A wave's comparisons: units ranked, change against the previous wave, focus areas, trend."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from portal.access import STAFF_ROLES, get_scoped_or_404, roles_required
from portal.scoping import scoped

from ..models import IndexResult, Wave
from ..services import comparisons
from ..services.charts import trend_chart
from ..services.reading import figures, pick

Level = IndexResult.Level


@roles_required(*STAFF_ROLES)
def wave_ranking(request, pk):
    """Reporting units (and sectors) ranked, ties and overlapping intervals shown as such."""
    user = request.user
    wave = get_scoped_or_404(scoped(Wave.objects.select_related("version__model"), user), user,
                             pk=pk)  # fmt: skip
    shown = _ranked_figures(wave, user)
    previous = comparisons.previous_wave(wave, user)
    labels, values = comparisons.trend(wave, user)
    context = {
        "wave": wave,
        "units": comparisons.ranking(shown, Level.UNIT),
        "sectors": comparisons.ranking(
            shown, Level.SECTOR if wave.is_national else Level.UNIT_SECTOR
        ),
        "previous": previous,
        "changes": comparisons.changes(wave, previous, user),
        "focus": comparisons.focus_areas(wave, shown),
        "trend": trend_chart(_("Index over the waves"), labels, [(_("Index"), values)]),
    }
    return render(request, "monitoring/waves/ranking.html", context)


def _ranked_figures(wave, user):
    """The levels the page ranks: nation, units and sectors; units × sectors only where the
    sectors are not there (a unit's wave, or a province in a national one), not every figure."""
    shown = figures(wave, user, [Level.NATION, Level.UNIT, Level.SECTOR])
    if not wave.is_national or not pick(shown, Level.SECTOR):
        shown += figures(wave, user, [Level.UNIT_SECTOR])
    return shown
