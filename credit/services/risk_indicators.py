"""The registry of risk indicators: each is a code, a label and one function.

The function takes the day of the computation and returns a SQL expression that
annotates ``enterprises.Enterprise`` rows with the indicator's value for each
enterprise (a number: a count, a rate, 1 or 0), set-based: ``Exists``, ``Subquery``,
arithmetic on columns. Never a Python loop. Adding an indicator is one function
and one line in ``INDICATORS`` (docs/credit-risk.md).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, DecimalField, Exists, OuterRef, Q, Value, When
from django.db.models.functions import Cast, Coalesce, ExtractYear, Greatest
from django.utils.translation import gettext_lazy as _

from enterprises.models import Certificate, Pledge

from . import inspection_results, lists, penalties

VALUE = DecimalField(max_digits=14, decimal_places=4)


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    unit: str
    value: object  # callable(today) -> expression over Enterprise rows
    max_value: Decimal | None = None  # None: unbounded (threshold checks use it)


def as_value(expression):
    return Cast(expression, VALUE)


def yes_no(condition):
    return Case(When(condition, then=Value(1)), default=Value(0))


def years_in_business(today):
    """Whole years since establishment; 0 when the date is unknown."""
    birthday_not_reached = Q(established_on__month__gt=today.month) | Q(
        established_on__month=today.month, established_on__day__gt=today.day
    )
    years = Value(today.year) - ExtractYear("established_on") - yes_no(birthday_not_reached)
    return as_value(Greatest(Coalesce(years, Value(0)), Value(0)))


def complaint_rate(today):
    """Complaints received about the enterprise per year in business (at least one year)."""
    from complaints.metrics import complaints_about

    complaints = Coalesce(complaints_about(OuterRef("pk")), Value(0))
    return as_value(as_value(complaints) / Greatest(years_in_business(today), Value(1)))


def valid_certification(today):
    """1 when a service certificate is valid today."""
    valid = Certificate.objects.filter(
        enterprise=OuterRef("pk"), status=Certificate.Status.VALID, expires_on__gte=today
    )
    return as_value(yes_no(Exists(valid)))


def published_pledge(today):
    """1 when a quality pledge is published and its period has not ended."""
    published = Pledge.objects.filter(
        enterprise=OuterRef("pk"), published_revision__isnull=False
    ).exclude(status=Pledge.Status.WITHDRAWN)
    published = published.filter(
        Q(published_period_end__isnull=True) | Q(published_period_end__gte=today)
    )
    return as_value(yes_no(Exists(published)))


def flag(condition):
    """An indicator of 1 or 0 from an owner's ``condition(today)`` (an ``Exists``)."""
    return lambda today: as_value(yes_no(condition(today)))


def count(expression):
    """An indicator from an owner's ``expression(today)`` (a count, never NULL)."""
    return lambda today: as_value(expression(today))


ONE = Decimal(1)

INDICATORS = (
    Indicator("complaint_rate", _("Complaints per year in business"), _("complaints/year"),
              complaint_rate),
    Indicator("years_in_business", _("Years in business"), _("years"), years_in_business),
    Indicator("valid_certification", _("Valid service certification"), _("yes = 1"),
              valid_certification, ONE),
    Indicator("published_pledge", _("Published quality pledge"), _("yes = 1"),
              published_pledge, ONE),
    Indicator("on_a_list", _("On the abnormal or serious list"), _("yes = 1"),
              flag(lists.on_a_list), ONE),
    Indicator("penalties_3_years", _("Administrative penalties in the last 3 years"),
              _("penalties"), count(penalties.penalties_in_last_years)),
    Indicator("inspection_findings", _("Random inspections that found a problem"),
              _("inspections"), count(inspection_results.inspection_findings)),
    Indicator("abnormal_annual_report", _("Abnormal list: annual report not filed"),
              _("yes = 1"), flag(lists.abnormal_annual_report), ONE),
)  # fmt: skip

BY_CODE = {indicator.code: indicator for indicator in INDICATORS}


def get(code):
    """The indicator with this code, or None (a code a model names but code no longer has)."""
    return BY_CODE.get(code)


def label(code):
    indicator = get(code)
    return indicator.label if indicator else code


def indicator_choices():
    """[(code, label)] of the indicators, for the audit trail (ScoringIndicator.audit_words)."""
    return [(indicator.code, indicator.label) for indicator in INDICATORS]
