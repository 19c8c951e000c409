"""The registry's rules: where an enterprise belongs, writes, name search, keyset pages."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from portal.models import AdminDivision, ReportingUnit
from portal.scoping import covers_unit, scoped

from .. import search, uscc
from ..models import Enterprise

PAGE_SIZE = 50
EDITABLE_FIELDS = (
    "uscc", "name", "former_names", "legal_representative", "address", "reporting_unit",
    "division", "industry_section", "industry_division", "size", "status",
    "contact_name", "contact_phone", "contact_email", "established_on",
)  # fmt: skip


def locate(code):
    """The reporting unit and division a USCC's registration authority (positions 3-8) names."""
    division_code = uscc.division_code(code)
    unit_code = uscc.reporting_unit_code(division_code, settings.PORTAL_XPCC_CODE)
    unit = ReportingUnit.objects.filter(code=unit_code).first() if unit_code else None
    division = AdminDivision.objects.filter(code=division_code).first()
    if division is not None and unit is not None and division.reporting_unit_id != unit.pk:
        division = None
    return unit, division


def jurisdiction_error(user, unit):
    """A message if a provincial user may not place an enterprise in this unit, else None."""
    if unit is None:
        return _("Choose the reporting unit: the USCC does not name a known one.")
    if user.is_provincial and not covers_unit(user, unit.pk):
        return _("This enterprise belongs to %(unit)s, outside your jurisdiction.") % {
            "unit": unit.label
        }
    return None


def _check(user, enterprise):
    error = jurisdiction_error(
        user, enterprise.reporting_unit if enterprise.reporting_unit_id else None
    )
    if error:
        raise ValidationError({"reporting_unit": error})
    if (
        enterprise.division_id
        and enterprise.division.reporting_unit_id != enterprise.reporting_unit_id
    ):
        raise ValidationError(
            {"division": _("The division does not lie in the enterprise's reporting unit.")}
        )


def fill_location(enterprise, user=None):
    """Derive reporting unit and division from the USCC where they are not set."""
    unit, division = locate(enterprise.uscc)
    if not enterprise.reporting_unit_id:
        if unit is None and user is not None and user.is_provincial:
            unit = user.agency.reporting_unit
        if unit is not None:
            enterprise.reporting_unit = unit
    if (
        not enterprise.division_id
        and division is not None
        and division.reporting_unit_id == enterprise.reporting_unit_id
    ):
        enterprise.division = division


def create_enterprise(user, **fields):
    """Register an enterprise (USCC validated, location derived, jurisdiction checked)."""
    enterprise = Enterprise(**fields)
    enterprise.uscc = uscc.validate(enterprise.uscc)
    fill_location(enterprise, user)
    with transaction.atomic():
        _check(user, enterprise)
        enterprise.full_clean()
        enterprise.save()
    return enterprise


def update_enterprise(enterprise, user, **fields):
    """Change an enterprise's fields (the audit trail records before and after)."""
    for name, value in fields.items():
        if name not in EDITABLE_FIELDS:
            raise ValueError(f"{name} is not editable")
        setattr(enterprise, name, value)
    enterprise.uscc = uscc.validate(enterprise.uscc)
    with transaction.atomic():
        _check(user, enterprise)
        enterprise.full_clean()
        enterprise.save()
    return enterprise


def search_name(queryset, query):
    """Enterprises whose name (or, via bigrams, a former name) contains the query."""
    query = (query or "").strip()
    if not query:
        return queryset
    literal = search.tsquery_literal(query)
    if connection.vendor != "postgresql" or not literal:
        return queryset.filter(Q(name__icontains=query) | Q(former_names__icontains=query))
    exact = Q(name__icontains=query) | Q(former_names__icontains=query)
    return queryset.filter(name_bigrams__bigrams=literal).filter(exact)


def lookup(queryset, q):
    """Search by USCC when q is a valid one, otherwise by name."""
    try:
        code = uscc.validate(q)
    except uscc.USCCError:
        return search_name(queryset, q)
    return queryset.filter(uscc=code)


def keyset_page(queryset, after=None, size=PAGE_SIZE):
    """One page newest first, after the given id; returns (rows, next_after or None).

    Works on model querysets and on ``.values()`` querysets that include "pk".
    """
    queryset = queryset.order_by("-pk")
    if after:
        queryset = queryset.filter(pk__lt=after)
    rows = list(queryset[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    last = rows[-1] if more and rows else None
    return rows, (None if last is None else last["pk"] if isinstance(last, dict) else last.pk)


def visible_enterprises(user):
    """The enterprises a user may see, with the relations list pages show."""
    return scoped(Enterprise.objects.select_related("reporting_unit", "division"), user)


def estimated_total(user):
    """A fast count for dashboards: the planner's estimate for all rows, exact per unit."""
    if user.is_headquarters and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
                [Enterprise._meta.db_table],
            )
            estimate = cursor.fetchone()[0]
        if estimate >= 0:
            return estimate
    return scoped(Enterprise.objects.all(), user).count()
