"""Risk classes: headquarters' scoring model versions, regulators' overrides, the unit job.

A model version is frozen once a recomputation used it; saving a frozen version makes
the next version instead, so every class in the history names the rules it came from.
The recomputation itself is ``risk_compute.recompute`` (set-based SQL).
"""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import jobs
from portal.models import ReportingUnit

from ..models import (
    EnterpriseRiskClass,
    RiskClassHistory,
    RiskOverride,
    ScoringIndicator,
    ScoringModel,
)
from ..risk_rules import Term, threshold_errors
from . import risk_compute, risk_indicators


@dataclass(frozen=True)
class IndicatorSetting:
    code: str
    points: Decimal
    weight: Decimal = Decimal(1)
    cap: Decimal | None = None


def terms_of(settings_):
    """The pure rule's view of configured indicators (with each indicator's value range)."""
    return [
        Term(s.points, s.weight, s.cap, risk_indicators.get(s.code).max_value)
        for s in settings_
        if risk_indicators.get(s.code) is not None
    ]


def check_model(b_from, c_from, d_from, indicators):
    """ValidationError with every problem of the thresholds (bilingual, names the numbers)."""
    unknown = [s.code for s in indicators if risk_indicators.get(s.code) is None]
    errors = [_("Unknown indicator: %(code)s.") % {"code": code} for code in unknown]
    errors += threshold_errors(b_from, c_from, d_from, terms_of(indicators))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_model(user, *, b_from, c_from, d_from, indicators, note="", base=None):
    """Save thresholds and indicators: into ``base`` if it was never used, else a new version."""
    check_model(b_from, c_from, d_from, indicators)
    if base is not None:
        base = ScoringModel.objects.select_for_update().get(pk=base.pk)
    if base is None or base.frozen:
        latest = ScoringModel.objects.aggregate(v=Max("version"))["v"] or 0
        model = ScoringModel(version=latest + 1, created_by=user)
    else:
        model = base
        model.indicators.all().delete()
    model.b_from, model.c_from, model.d_from, model.note = b_from, c_from, d_from, note
    model.save()
    for s in indicators:
        ScoringIndicator.objects.create(
            scoring_model=model, code=s.code, points=s.points, weight=s.weight, cap=s.cap
        )
    return model


def settings_of(model):
    """The model's indicators as settings, in registry order."""
    rows = {i.code: i for i in model.indicators.all()} if model else {}
    return [
        IndicatorSetting(code, rows[code].points, rows[code].weight, rows[code].cap)
        for code in risk_indicators.BY_CODE
        if code in rows
    ]


# Overrides ----------------------------------------------------------------------------


def max_override_days():
    return settings.CREDIT_RISK_OVERRIDE_MAX_DAYS


def check_override(risk_class, reason, expires_on, today):
    errors = {}
    if not (reason or "").strip():
        errors["reason"] = _("Give the reason for overriding the computed class.")
    longest = today + timedelta(days=max_override_days())
    if expires_on is None:
        errors["expires_on"] = _("Give the date the override expires.")
    elif expires_on < today:
        errors["expires_on"] = _("The expiry date %(day)s is in the past.") % {"day": expires_on}
    elif expires_on > longest:
        errors["expires_on"] = _(
            "An override may last at most %(days)s days: expire it by %(day)s."
        ) % {"days": max_override_days(), "day": longest}
    if risk_class not in ("A", "B", "C", "D"):
        errors["risk_class"] = _("Choose a class A, B, C or D.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def override_class(current, *, risk_class, reason, expires_on, user, today=None):
    """Override an enterprise's class until ``expires_on`` (inclusive); audited, in the history."""
    today = today or timezone.localdate()
    check_override(risk_class, reason, expires_on, today)
    current = EnterpriseRiskClass.objects.select_for_update().get(pk=current.pk)
    override = RiskOverride.objects.create(
        enterprise_id=current.pk,
        risk_class=risk_class,
        reason=reason.strip(),
        starts_on=today,
        expires_on=expires_on,
        created_by=user,
    )
    now = timezone.now()
    current.risk_class, current.override, current.computed_at = risk_class, override, now
    current.save()
    RiskClassHistory.objects.create(
        enterprise_id=current.pk,
        source=RiskClassHistory.Source.OVERRIDE,
        risk_class=risk_class,
        computed_class=current.computed_class,
        score=current.score,
        scoring_model=current.scoring_model,
        override=override,
        computed_at=now,
        note=reason.strip()[:200],
    )
    return override


def valid_override(current, today=None):
    """The override in force on the row today, or None (an expired one no longer applies)."""
    today = today or timezone.localdate()
    override = current.override
    return override if override is not None and override.valid_on(today) else None


def effective_class(current, today=None):
    """The class that applies: a valid override, else the computed class."""
    override = valid_override(current, today)
    if override is not None:
        return override.risk_class
    return current.computed_class or current.risk_class


# The on-demand job --------------------------------------------------------------------


def run_unit_recompute(job_id, unit_id):
    """The job behind "recompute my unit": progress, the set-based run, the result link."""
    unit = ReportingUnit.objects.get(pk=unit_id)
    jobs.progress(job_id, 0, 1, _("Computing the classes of %(unit)s") % {"unit": unit})
    run = risk_compute.recompute(reporting_unit=unit)
    message = _("%(total)s enterprises classified, %(changed)s classes changed.") % {
        "total": run.enterprises,
        "changed": run.changed,
    }
    jobs.progress(job_id, 1, 1, message)
    jobs.finish(job_id, result_url=reverse("credit:risk_list"), message=message)
    return run


def recompute_nation(today=None):
    """The nightly run for the whole country."""
    return risk_compute.recompute(today=today)
