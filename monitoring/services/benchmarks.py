"""Benchmarking (对标): an enterprise, or a unit's sector, against its peers in a wave.

Peers are the other enterprises with their own index (enough responses) in the same
section, in the same section and reporting unit, or in the whole wave; for a sector,
the other reporting units' index of that sector. Peers' figures are read unscoped
but only ever shown as aggregates (percentiles, the best performers' mean profile):
no peer's name or figure leaves this module.
"""

from decimal import Decimal

from enterprises.models import Enterprise
from portal.scoping import enterprise_ids, scoped

from ..models import IndexResult, Wave
from .reading import component_names

Level = IndexResult.Level
BEST_SHARE = Decimal("0.1")  # the best tenth of peers make the profile beside it
PEER_SCOPES = ("section", "region", "national")


def waves_for(user):
    """The computed waves a user may benchmark in: an enterprise user's are those that
    measured one of its enterprises (waves declare no enterprise path of their own)."""
    computed = Wave.objects.filter(computed_at__isnull=False).select_related("version__model")
    if getattr(user, "is_enterprise_user", False):
        groups = [str(pk) for pk in enterprise_ids(user)]
        return computed.filter(
            results__level=Level.ENTERPRISE, results__group__in=groups
        ).distinct()
    return scoped(computed, user)


def percentile(value, others):
    """The share of others below value, ties counted half, as 0-100."""
    if value is None or not others:
        return None
    below = sum(1 for v in others if v < value)
    equal = sum(1 for v in others if v == value)
    return round(100 * (below + equal / 2) / len(others), 1)


def _rows(wave, level, groups=None):
    """{group: {component: mean}} and {group: reporting unit id} of a level."""
    results = IndexResult.objects.filter(wave=wave, level=level)
    if groups is not None:
        results = results.filter(group__in=groups)
    by_group, units = {}, {}
    for group, unit, component, mean in results.values_list(
        "group", "reporting_unit_id", "component", "mean"
    ):
        by_group.setdefault(group, {})[component] = mean
        units[group] = unit
    return by_group, units


def _profile(target, peers, names):
    """Per component: the target's value, its percentile among peers, the best peers' mean."""
    ranked = sorted(peers.values(), key=lambda p: p.get("index") or 0, reverse=True)
    best = ranked[: max(1, int(len(ranked) * BEST_SHARE))] if ranked else []
    rows = []
    for component in [c for c in target if c == "index" or c.startswith("d:")]:
        others = [p[component] for p in peers.values() if p.get(component) is not None]
        values = [p[component] for p in best if p.get(component) is not None]
        rows.append({
            "component": component, "name": names.get(component, component),
            "value": target[component], "percentile": percentile(target[component], others),
            "best": sum(values) / len(values) if values else None, "peers": len(others),
        })  # fmt: skip
    return rows


def enterprise_benchmark(wave, enterprise, peer_scope="section"):
    """The enterprise's profile against its peers; None if it has no index in the wave."""
    everyone, units = _rows(wave, Level.ENTERPRISE)
    target = everyone.pop(str(enterprise.pk), None)
    if target is None:
        return None
    if peer_scope in ("section", "region"):
        same = set(
            Enterprise.objects.filter(
                pk__in=[int(g) for g in everyone],
                industry_section=enterprise.industry_section,
            ).values_list("pk", flat=True)
        )
        everyone = {g: v for g, v in everyone.items() if int(g) in same}
    if peer_scope == "region":
        everyone = {g: v for g, v in everyone.items() if units[g] == enterprise.reporting_unit_id}
    return _profile(target, everyone, component_names(wave.version))


def sector_benchmark(wave, reporting_unit, sector):
    """A unit's index of a sector against the other units' index of the same sector."""
    everyone, _units = _rows(wave, Level.UNIT_SECTOR)
    everyone = {g: v for g, v in everyone.items() if g.endswith(f":{sector}")}
    target = everyone.pop(f"{reporting_unit.pk}:{sector}", None)
    if target is None:
        return None
    return _profile(target, everyone, component_names(wave.version))


def enterprise_trend(enterprise, model_id):
    """(wave names, index or None) of the enterprise over the model's computed waves."""
    waves = list(
        Wave.objects.filter(version__model_id=model_id, computed_at__isnull=False).order_by(
            "period_end"
        )
    )
    values = dict(
        IndexResult.objects.filter(
            wave__in=waves, level=Level.ENTERPRISE, group=str(enterprise.pk), component="index"
        ).values_list("wave_id", "mean")
    )
    waves = [w for w in waves if w.pk in values]  # only waves that measured it
    return [w.name for w in waves], [values[w.pk] for w in waves]
