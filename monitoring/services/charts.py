"""The survey charts (portal.charts), each with the rows of its data table."""

from django.utils.translation import gettext as _

from portal.charts import bar_chart, interval_chart, line_chart

from ..models import IndexResult
from .reading import pick, table

Level = IndexResult.Level


def _interval_figure(title, rows, component="index"):
    rows = [r for r in rows if component in r["by"]]  # reading.table: highest index first
    figures = [r["by"][component] for r in rows]
    return {
        "title": title,
        "svg": interval_chart(
            [r["name"] for r in rows],
            [f.mean for f in figures],
            [(f.low, f.high) for f in figures],
            title=title,
            # xgettext:no-python-format
            unit=_("index, 0-100, with 95% interval"),
            max_value=100,
        ),
        "rows": figures,
    }


def wave_charts(wave, shown):
    """By reporting unit and by sector with interval whiskers, and the dimension profile."""
    charts = []
    units = table(shown, Level.UNIT)
    if units:
        charts.append(_interval_figure(_("Index by reporting unit"), units))
    sectors = table(shown, Level.SECTOR) or table(shown, Level.UNIT_SECTOR)
    if sectors:
        charts.append(_interval_figure(_("Index by sector"), sectors))
    dims = [f for f in pick(shown, Level.NATION) if f.component.startswith("d:")]
    if not dims:
        dims = [f for f in pick(shown, Level.UNIT) if f.component.startswith("d:")]
    if dims:
        charts.append(profile_chart(_("Dimension profile"), [(_("Index"), dims)]))
    gaps = [f for f in pick(shown, Level.NATION) if f.component.startswith("g:")]
    if gaps:
        charts.append(
            {
                "title": _("SERVQUAL gap (perception − expectation)"),
                "svg": bar_chart(
                    [f.component_name for f in gaps],
                    [(_("Gap"), [f.mean for f in gaps])],
                    title=_("SERVQUAL gap (perception − expectation)"),
                    unit=_("points on the 0-100 scale"),
                    show_values=True,
                ),
                "rows": gaps,
            }
        )
    return charts


def profile_chart(title, series):
    """Grouped bars per dimension: series are (name, [dimension figures]) of equal order."""
    first = series[0][1]
    names = [f.component_name for f in first]
    return {
        "title": title,
        "svg": bar_chart(
            names,
            [(name, [f.mean for f in figures]) for name, figures in series],
            title=title,
            unit=_("index, 0-100"),
        ),
        "rows": first,
        "series": series,
    }


def trend_chart(title, labels, series):
    """Trend lines over waves: series are (name, [value or None per wave])."""
    return {
        "title": title,
        "svg": line_chart(labels, series, title=title, unit=_("index, 0-100")),
        "labels": labels,
        "series": series,
    }
