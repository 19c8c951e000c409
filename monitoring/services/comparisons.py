"""Comparisons of a wave: units ranked (ties, overlapping intervals), change against the
previous wave with Welch's test, and focus areas joined with complaint counts."""

from django.utils.translation import gettext as _

from portal.discovery import app_modules
from portal.scoping import scoped

from ..models import IndexResult, Wave
from ..sectors import PUBLIC_PREFIX
from ..stats import change
from .reading import figures, pick

Level = IndexResult.Level
INDEX = "index"
FOCUS_COUNT = 3


def ranking(shown, level=Level.UNIT, component=INDEX):
    """Groups by index, best first: rank (ties share it) and the groups whose interval overlaps."""
    rows = [f for f in pick(shown, level, component) if f.sufficient]
    rows.sort(key=lambda f: (-f.mean, f.name))
    ranked, previous_mean, rank = [], None, 0
    for position, figure in enumerate(rows, start=1):
        if figure.mean != previous_mean:
            rank, previous_mean = position, figure.mean
        ranked.append({"rank": rank, "figure": figure, "tied": False, "overlaps": []})
    for row in ranked:
        row["tied"] = sum(r["rank"] == row["rank"] for r in ranked) > 1
        row["overlaps"] = [
            other["figure"].name
            for other in ranked
            if other is not row and _overlap(row["figure"], other["figure"])
        ]
    return ranked


def _overlap(a, b):
    if None in (a.low, a.high, b.low, b.high):
        return False
    return a.low <= b.high and b.low <= a.high


def previous_wave(wave, user):
    """The latest earlier wave of the same model over the same unit (or the nation)."""
    earlier = Wave.objects.filter(
        version__model_id=wave.version.model_id,
        reporting_unit_id=wave.reporting_unit_id,
        period_end__lt=wave.period_start,
        computed_at__isnull=False,
    )
    return scoped(earlier, user).order_by("-period_end").first()


def changes(wave, previous, user, level=Level.UNIT, component=INDEX):
    """Per group: both indices, the difference, Welch's p and whether it is significant."""
    if previous is None:
        return []
    before = {f.group: f for f in pick(figures(previous, user, [level]), level, component)}
    rows = []
    for now in pick(figures(wave, user, [level]), level, component):
        then = before.get(now.group)
        if then is None or not (then.sufficient and now.sufficient):
            continue
        difference, p, significant = change((then.n, then.mean, then.sd), (now.n, now.mean, now.sd))
        rows.append({"name": now.name, "before": then, "now": now, "difference": difference,
                     "p": p, "significant": significant})  # fmt: skip
    rows.sort(key=lambda r: r["difference"])
    return rows


def complaint_counts(reporting_unit, period_start, period_end):
    """{section: complaints} from every app's metrics.py that offers the figure."""
    counts = {}
    for _config, module in app_modules("metrics"):
        function = getattr(module, "complaint_counts_by_section", None)
        if function:
            for section, n in function(reporting_unit, period_start, period_end).items():
                counts[section] = counts.get(section, 0) + n
    return counts


def focus_areas(wave, shown):
    """The weakest dimensions and sectors, with the complaints of the same sectors."""
    dimensions = [f for f in pick(shown, Level.NATION) if f.component.startswith("d:")]
    dimensions = sorted((f for f in dimensions if f.sufficient), key=lambda f: f.mean)
    sector_level = Level.SECTOR if pick(shown, Level.SECTOR) else Level.UNIT_SECTOR
    sectors = sorted(
        (f for f in pick(shown, sector_level, INDEX) if f.sufficient), key=lambda f: f.mean
    )
    complaints = complaint_counts(wave.reporting_unit, wave.period_start, wave.period_end)
    weakest = []
    for figure in sectors[:FOCUS_COUNT]:
        code = figure.group.split(":", 1)[-1]
        count = None if code.startswith(PUBLIC_PREFIX) else complaints.get(code, 0)
        weakest.append({"figure": figure, "complaints": count})
    note = _("Complaints received in the wave's period, same sector and unit.")
    return {"dimensions": dimensions[:FOCUS_COUNT], "sectors": weakest, "note": note}


def trend(wave, user, level=Level.NATION, group="", component=INDEX):
    """(wave labels, values) of the same model's computed waves over the same unit, oldest first."""
    same = scoped(
        Wave.objects.filter(
            version__model_id=wave.version.model_id,
            reporting_unit_id=wave.reporting_unit_id,
            computed_at__isnull=False,
        ),
        user,
    ).order_by("period_end")
    results = scoped(
        IndexResult.objects.filter(wave__in=same, level=level, group=group, component=component),
        user,
    )
    by_wave = dict(results.values_list("wave_id", "mean"))
    waves = list(same)
    return [w.name for w in waves], [by_wave.get(w.pk) for w in waves]
