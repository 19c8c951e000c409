"""Quarterly complaint publicity: figures per operator, computed set-based, frozen once published.

Per reporting unit and quarter (complaints received in it): received, accepted, resolved
(mediated successfully), the resolution rate and the median handling time in working
days (receipt to closing, closed ones only). Operators with fewer than
``COMPLAINT_PUBLICITY_MINIMUM`` complaints are shown together in one row. No consumer data
is read or stored. A published table never changes: building it again is refused.
"""

import datetime
import statistics
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import audit, jobs, workdays
from portal.holidays import current_calendar
from portal.models import ReportingUnit

from ..models import (
    Complaint,
    ComplaintStatusChange,
    Publication,
    PublicationAction,
    PublicationRow,
)

Status = Complaint.Status


def quarter_days(year, quarter):
    """The first and last day of a quarter."""
    first = datetime.date(year, 3 * quarter - 2, 1)
    following = datetime.date(year + (quarter == 4), 3 * quarter % 12 + 1, 1)
    return first, following - datetime.timedelta(days=1)


def previous_quarter(day):
    quarter = (day.month - 1) // 3 + 1
    return (day.year, quarter - 1) if quarter > 1 else (day.year - 1, 4)


def _complaints(publication):
    first, last = quarter_days(publication.year, publication.quarter)
    settled = ComplaintStatusChange.objects.filter(complaint=OuterRef("pk"), action="settle")
    return Complaint.objects.filter(
        reporting_unit=publication.reporting_unit_id,
        kind=Complaint.Kind.COMPLAINT,
        received_on__range=(first, last),
    ).annotate(resolved=Exists(settled))


def _operator_counts(rows):
    return rows.values("operator_id", "operator_name").annotate(
        received=Count("id"),
        accepted=Count("id", filter=Q(accepted_on__isnull=False)),
        resolved_count=Count("id", filter=Q(resolved=True)),
    )


def _handling_days(rows):
    """{(operator_id, operator_name): [working days, ...]} from distinct date pairs."""
    calendar = current_calendar()
    pairs = (
        rows.filter(closed_on__isnull=False)
        .values_list("operator_id", "operator_name", "received_on", "closed_on")
        .annotate(n=Count("id"))
        .order_by()
    )
    days = {}
    for operator_id, name, received, closed, n in pairs:
        spent = workdays.working_days_between(received, closed, calendar)
        days.setdefault((operator_id, name), []).extend([spent] * n)
    return days


def _median(values):
    return Decimal(str(statistics.median(values))).quantize(Decimal("0.1")) if values else None


def _table(publication, rows):
    """The rows to store: by name at or above the minimum, the others together last."""
    days = _handling_days(rows)
    named, others, other_days = [], [], []
    for counts in sorted(
        _operator_counts(rows), key=lambda c: (-c["received"], c["operator_name"])
    ):
        key = (counts["operator_id"], counts["operator_name"])
        if counts["received"] >= publication.minimum_count:
            named.append((counts, days.get(key, [])))
        else:
            others.append(counts)
            other_days.extend(days.get(key, []))
    table = [
        PublicationRow(
            publication=publication,
            position=position,
            operator_id=counts["operator_id"],
            operator_name=counts["operator_name"],
            received=counts["received"],
            accepted=counts["accepted"],
            resolved=counts["resolved_count"],
            median_days=_median(spent),
        )
        for position, (counts, spent) in enumerate(named, start=1)
    ]
    if others:
        table.append(
            PublicationRow(
                publication=publication,
                position=len(table) + 1,
                operator_name="",
                operators=len(others),
                received=sum(c["received"] for c in others),
                accepted=sum(c["accepted"] for c in others),
                resolved=sum(c["resolved_count"] for c in others),
                median_days=_median(other_days),
            )
        )
    return table


def _breakdowns(rows):
    sections = rows.values("service_section").annotate(n=Count("id")).order_by("-n")
    grounds = (
        rows.filter(status__in=[Status.NOT_ACCEPTED, Status.CLOSED], ground__isnull=False)
        .values("ground__code", "ground__text", "ground__text_en")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    by_section = [[s["service_section"], s["n"]] for s in sections]
    by_ground = [
        [g["ground__code"], g["ground__text"], g["ground__text_en"], g["n"]] for g in grounds
    ]
    return by_section, by_ground


def build(publication, job_id=None):
    """Compute the draft's figures again; a published table is refused (it is frozen)."""
    with transaction.atomic():
        publication = Publication.objects.select_for_update().get(pk=publication.pk)
        if publication.is_published:
            raise jobs.Refused(
                _("%(table)s is published; its figures are frozen.") % {"table": publication}
            )
        publication.minimum_count = settings.COMPLAINT_PUBLICITY_MINIMUM
        rows = _complaints(publication)
        publication.rows.all().delete()
        created = PublicationRow.objects.bulk_create(_table(publication, rows))
        audit.record_created(PublicationRow, [row.pk for row in created])
        publication.by_section, publication.by_ground = _breakdowns(rows)
        publication.computed_at = timezone.now()
        publication.save()
    if job_id:
        jobs.finish(
            job_id,
            result={"rows": len(created)},
            result_url=f"/complaints/publicity/{publication.pk}/",
            message=_("%(n)d rows computed.") % {"n": len(created)},
        )
    return publication


def draft(reporting_unit, year, quarter):
    """The unit's publication of the quarter, created as a draft if there is none."""
    publication, _created = Publication.objects.get_or_create(
        reporting_unit=reporting_unit,
        year=year,
        quarter=quarter,
        defaults={"minimum_count": settings.COMPLAINT_PUBLICITY_MINIMUM},
    )
    return publication


def draft_last_quarter(today=None):
    """The quarterly job: every unit's draft of the quarter just ended, computed."""
    year, quarter = previous_quarter(today or timezone.localdate())
    built = 0
    for unit in ReportingUnit.objects.all():
        publication = draft(unit, year, quarter)
        if not publication.is_published:
            build(publication)
            built += 1
    return built


def publish(publication, user):
    """Make the table public; from now on its figures do not change."""
    if publication.is_published:
        raise ValidationError(_("%(table)s is published already.") % {"table": publication})
    if publication.computed_at is None:
        raise ValidationError(_("Compute the figures before publishing."))
    publication.status = Publication.Status.PUBLISHED
    publication.published_at = timezone.now()
    publication.published_by = user
    publication.save()
    return publication


def add_action(publication, user, **fields):
    """Record an action taken on an operator of the table (before it is published)."""
    if publication.is_published:
        raise ValidationError(
            _("%(table)s is published; nothing can be added.") % {"table": publication}
        )
    return PublicationAction.objects.create(publication=publication, created_by=user, **fields)
