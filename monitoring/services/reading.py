"""A wave's stored indices as the pages and the API show them (read once, scoped)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from enterprises.models import Enterprise
from portal.models import AdminDivision, ReportingUnit
from portal.scoping import scoped

from ..models import Dimension, IndexResult, Indicator
from ..sectors import sector_label

Level = IndexResult.Level


@dataclass
class Figure:
    """One index with its group's name: n, mean, interval; None mean is insufficient data."""

    level: str
    group: str
    name: str
    component: str
    component_name: str
    n: int
    mean: object
    low: object
    high: object
    sd: object = None

    @property
    def sufficient(self):
        return self.n > 0 and self.mean is not None


def component_names(version):
    names = {"index": _("Index")}
    for dim in Dimension.objects.filter(version=version):
        names[f"d:{dim.position}"] = dim.name
        names[f"g:{dim.position}"] = _("Gap P − E: %(name)s") % {"name": dim.name}
    for ind in Indicator.objects.filter(dimension__version=version):
        names[f"i:{ind.pk}"] = ind.name
    return names


def _group_names(results):
    ids = {level: set() for level in Level.values}
    for r in results:
        ids[r.level].add(r.group)
    units = dict(ReportingUnit.objects.values_list("pk", "name"))
    divisions = dict(
        AdminDivision.objects.filter(pk__in=_ints(ids[Level.DIVISION])).values_list("pk", "name")
    )
    enterprises = dict(
        Enterprise.objects.filter(pk__in=_ints(ids[Level.ENTERPRISE])).values_list("pk", "name")
    )

    def name(level, group):
        if level == Level.NATION:
            return _("All")
        if level == Level.UNIT:
            return units.get(int(group), group)
        if level == Level.DIVISION:
            return divisions.get(int(group), group)
        if level == Level.ENTERPRISE:
            return enterprises.get(int(group), group)
        if level == Level.UNIT_SECTOR:
            unit, sector = group.split(":", 1)
            return f"{units.get(int(unit), unit)} · {sector_label(sector)}"
        return str(sector_label(group))

    return name


def _ints(values):
    return [int(v) for v in values if v.isdigit()]


def figures(wave, user, levels=None):
    """The wave's figures the user may see, in (level, group, component) order."""
    results = scoped(IndexResult.objects.filter(wave=wave), user)
    if levels:
        results = results.filter(level__in=levels)
    results = list(results.order_by("level", "group", "component"))
    names = component_names(wave.version)
    group_name = _group_names(results)
    return [
        Figure(r.level, r.group, group_name(r.level, r.group), r.component,
               names.get(r.component, r.component), r.n, r.mean, r.low, r.high, r.sd)
        for r in results
    ]  # fmt: skip


def pick(figures, level=None, component=None):
    return [
        f
        for f in figures
        if (level is None or f.level == level) and (component is None or f.component == component)
    ]


def table(figures, level):
    """Rows of a level: group name and its figures by component, ordered by the index."""
    rows = {}
    for f in pick(figures, level):
        rows.setdefault(f.group, {"name": f.name, "group": f.group, "by": {}})["by"][
            f.component
        ] = f
    ordered = list(rows.values())
    ordered.sort(key=lambda r: -(r["by"]["index"].mean or -1) if "index" in r["by"] else 0)
    return ordered
