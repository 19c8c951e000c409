"""Indices of a wave, set-based: one GROUP BY per level over the responses' stored scores.

Every level (the whole wave, reporting unit, division, sector, unit and sector,
enterprise) is one aggregate query giving, per group, the count, mean and sample
standard deviation of the index and of each dimension (and the SERVQUAL gaps);
indicators are aggregated for the whole wave and per reporting unit. The stored
scores are NUMERIC with four decimals, so PostgreSQL sums them exactly: the same
responses give the same figures to the last decimal, whatever the order of rows.
The 95% interval is the t interval of the mean (monitoring.stats).
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Avg, Count, DecimalField, Q, StdDev
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext as _

from portal import audit, jobs

from ..models import Computation, IndexResult, Response, Wave
from ..stats import interval, rounded
from . import versions

Level = IndexResult.Level
GROUPS = {
    Level.NATION: (),
    Level.UNIT: ("reporting_unit_id",),
    Level.DIVISION: ("division_id", "reporting_unit_id"),
    Level.SECTOR: ("sector",),
    Level.UNIT_SECTOR: ("reporting_unit_id", "sector"),
    Level.ENTERPRISE: ("enterprise_id", "reporting_unit_id"),
}
INDICATOR_LEVELS = (Level.NATION, Level.UNIT)
INDEX = "index"


def components(version):
    """{component key: expression over Response} for the version's dimensions and gaps."""
    result = {INDEX: "score"}
    positions = list(version.dimensions.values_list("position", flat=True))
    for position in positions:
        result[f"d:{position}"] = f"d{position}"
    if version.model.is_servqual:
        for position in positions:
            result[f"g:{position}"] = f"g{position}"
    return result


def indicator_components(version):
    ids = versions.structure(version).dimensions
    return {
        f"i:{ind.id}": Cast(
            KeyTextTransform(f"i{ind.id}", "indicator_scores"),
            DecimalField(max_digits=8, decimal_places=4),
        )
        for dim in ids
        for ind in dim.indicators
    }


def _aggregates(parts):
    aggregates = {"n": Count("id")}
    for index, expression in enumerate(parts.values()):
        aggregates[f"m{index}"] = Avg(expression)
        aggregates[f"s{index}"] = StdDev(expression, sample=True)
    return aggregates


def level_rows(responses, level, parts):
    """One dict per group of the level: the group fields, n, m<i> and s<i> per component."""
    group = GROUPS[level]
    if not group:
        return [responses.aggregate(**_aggregates(parts))]
    rows = responses.exclude(**{f"{group[0]}__isnull": True}).values(*group)
    return list(rows.annotate(**_aggregates(parts)).order_by(*group))


def _results(wave, level, row, parts):
    n = row["n"]
    unit_id = row.get("reporting_unit_id", wave.reporting_unit_id)
    group = {
        Level.NATION: "",
        Level.UNIT: str(row.get("reporting_unit_id")),
        Level.DIVISION: str(row.get("division_id")),
        Level.SECTOR: row.get("sector", ""),
        Level.UNIT_SECTOR: f"{row.get('reporting_unit_id')}:{row.get('sector')}",
        Level.ENTERPRISE: str(row.get("enterprise_id")),
    }[level]
    for index, component in enumerate(parts):
        raw_mean, raw_sd = row[f"m{index}"], row[f"s{index}"]
        mean, sd = rounded(raw_mean), rounded(raw_sd)
        low, high = interval(n, raw_mean, raw_sd)
        yield IndexResult(
            wave=wave, version_id=wave.version_id, level=level, group=group,
            reporting_unit_id=unit_id, component=component, n=n,
            mean=mean if n else None, sd=sd, low=low, high=high,
        )  # fmt: skip


def compute(wave, *, job_id=None, user=None):
    """Recompute and store every index of the wave; returns how many figures were stored."""
    version = wave.version
    responses = Response.objects.filter(wave=wave, excluded=False)
    parts = components(version)
    indicator_parts = indicator_components(version)
    results = []
    levels = list(GROUPS)
    for done, level in enumerate(levels):
        if job_id:
            jobs.progress(job_id, done, len(levels), _("Computing the indices…"))
        level_parts = parts | (indicator_parts if level in INDICATOR_LEVELS else {})
        for row in level_rows(responses, level, level_parts):
            if level == Level.ENTERPRISE and row["n"] < settings.MONITORING_MIN_RESPONSES:
                continue
            results.extend(_results(wave, level, row, level_parts))
    _store(wave, version, results, user)
    if job_id:
        jobs.progress(job_id, len(levels), len(levels), _("Indices computed."))
    return len(results)


@transaction.atomic
def _store(wave, version, results, user):
    IndexResult.objects.filter(wave=wave).delete()  # derived figures; the Computation is audited
    created = IndexResult.objects.bulk_create(results, batch_size=2000)
    audit.record_created(IndexResult, [r.pk for r in created])
    counts = Response.objects.filter(wave=wave).aggregate(
        used=Count("id", filter=~_excluded()), excluded=Count("id", filter=_excluded())
    )
    Computation.objects.update_or_create(
        wave=wave,
        defaults={
            "version": version, "published": versions.published(version),
            "responses": counts["used"], "excluded": counts["excluded"],
            "computed_by": user if getattr(user, "pk", None) else None,
        },
    )  # fmt: skip
    wave.computed_at = Computation.objects.get(wave=wave).computed_at
    wave.save(update_fields=["computed_at"])


def _excluded():
    return Q(excluded=True)


def wave_url(wave):
    return reverse("monitoring:wave", args=[wave.pk])


def run_compute(job_id, wave_id, user):
    """The on-demand job: recompute a wave's indices."""
    wave = Wave.objects.select_related("version__model").get(pk=wave_id)
    count = compute(wave, job_id=job_id, user=user)
    jobs.finish(
        job_id,
        result={"figures": count},
        message=_("%(n)d figures computed.") % {"n": count},
        result_url=wave_url(wave),
    )
    return count
