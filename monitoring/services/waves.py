"""Survey waves: creation against a valid model version, quotas and progress against them."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from ..models import Quota, Response, Wave
from ..sectors import SECTOR_CODES, sector_label
from .versions import weight_problems


@transaction.atomic
def create_wave(*, version, name, period_start, period_end, reporting_unit, sectors, quotas=()):
    """A wave of a version whose weights are valid; quotas are (sector, division or None, n)."""
    problems = weight_problems(version)
    if problems:
        raise ValidationError(problems)
    if period_end < period_start:
        raise ValidationError({"period_end": _("The period ends before it starts.")})
    unknown = [s for s in sectors if s not in SECTOR_CODES]
    if unknown or not sectors:
        raise ValidationError({"sectors": _("Choose at least one sector.")})
    outside = [s for s in sectors if version.model.sectors and s not in version.model.sectors]
    if outside:
        message = _("The model does not apply to: %(list)s.")
        raise ValidationError(
            {"sectors": message % {"list": "、".join(str(sector_label(s)) for s in outside)}}
        )
    wave = Wave.objects.create(
        version=version, name=name, period_start=period_start, period_end=period_end,
        reporting_unit=reporting_unit, sectors=list(sectors),
    )  # fmt: skip
    for sector, division, target in quotas:
        set_quota(wave, sector, division, target)
    return wave


def set_quota(wave, sector, division, target):
    """The number of responses the wave needs of a sector (in a division, or anywhere)."""
    if sector not in wave.sectors:
        raise ValidationError({"sector": _("The wave does not survey this sector.")})
    if division is not None and wave.reporting_unit_id not in (None, division.reporting_unit_id):
        raise ValidationError({"division": _("The division lies outside the wave's unit.")})
    quota, _created = Quota.objects.update_or_create(
        wave=wave, sector=sector, division=division, defaults={"target": target}
    )
    return quota


def progress(wave, responses=None):
    """Each quota with the usable responses counted against it, and the share reached."""
    responses = Response.objects.filter(wave=wave) if responses is None else responses
    usable = Q(excluded=False)
    by_sector = dict(
        responses.filter(usable).values_list("sector").annotate(n=Count("id")).order_by()
    )
    by_division = {
        (s, d): n
        for s, d, n in responses.filter(usable)
        .values_list("sector", "division_id")
        .annotate(n=Count("id"))
        .order_by()
    }
    rows = []
    for quota in wave.quotas.select_related("division"):
        if quota.division_id is None:
            done = by_sector.get(quota.sector, 0)
        else:
            done = by_division.get((quota.sector, quota.division_id), 0)
        share = round(100 * done / quota.target, 1) if quota.target else None
        rows.append({"quota": quota, "sector": sector_label(quota.sector), "done": done,
                     "share": share, "reached": done >= quota.target})  # fmt: skip
    return rows
