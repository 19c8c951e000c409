"""Inspection results: recording them, their publicity deadline, and what risk classes count."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import workdays
from portal.scoping import scoped

from .. import inspection_rules
from ..models import Inspection, InspectionPlan
from .penalties import count_per_enterprise

Status = InspectionPlan.Status


def result_deadline(concluded_on):
    """When the result must be public: 20 working days after its conclusion (portal.workdays)."""
    return workdays.deadline(concluded_on, inspection_rules.publicity_working_days())


@transaction.atomic
def record_result(inspection, user, *, result, note, concluded_on):
    """Record the result of one inspection and the day its publicity deadline falls."""
    inspection = scoped(Inspection.objects.select_for_update(), user).get(pk=inspection.pk)
    if inspection.plan.status not in (Status.DRAWN, Status.INSPECTING):
        raise ValidationError(_("Results are recorded while the plan is being inspected."))
    if inspection.published_at:
        raise ValidationError(_("This result is already public; it cannot change."))
    if result not in dict(inspection_rules.result_choices()):
        raise ValidationError({"result": _("Choose one of the result categories.")})
    if concluded_on > timezone.localdate():
        raise ValidationError({"concluded_on": _("The conclusion cannot be in the future.")})
    deadline = result_deadline(concluded_on)
    inspection.result = result
    inspection.result_note = note
    inspection.concluded_on = concluded_on
    inspection.publish_by = deadline.date
    inspection.publish_by_provisional = deadline.provisional
    inspection.calendar_version = deadline.calendar_version
    inspection.abnormal_list_suggested = result == inspection_rules.unreachable_result()
    inspection.recorded_by = user
    inspection.save()
    return inspection


@transaction.atomic
def publish_result(inspection, user):
    """Make a recorded result public."""
    inspection = scoped(Inspection.objects.select_for_update(), user).get(pk=inspection.pk)
    if not inspection.result:
        raise ValidationError(_("Record the result before publishing it."))
    if inspection.published_at is None:
        inspection.published_at = timezone.now()
        inspection.save()
    return inspection


def recompute_deadlines(sender=None, **kwargs):
    """After headquarters corrects the calendar: unpublished results' deadlines again."""
    from portal.holidays import current_calendar

    calendar = current_calendar()
    rows = Inspection.objects.filter(published_at__isnull=True, concluded_on__isnull=False)
    for inspection in rows.exclude(calendar_version=calendar.version).iterator():
        deadline = workdays.deadline(
            inspection.concluded_on, inspection_rules.publicity_working_days(), calendar=calendar
        )
        inspection.publish_by = deadline.date
        inspection.publish_by_provisional = deadline.provisional
        inspection.calendar_version = deadline.calendar_version
        inspection.save(update_fields=["publish_by", "publish_by_provisional", "calendar_version"])


def results_due(rows, today, within=None):
    """Recorded results not yet public whose deadline falls within ``within`` working days."""
    within = inspection_rules.warn_working_days() if within is None else within
    until = workdays.add_working_days(today, within)
    return rows.filter(published_at__isnull=True, publish_by__isnull=False, publish_by__lte=until)


# What the risk classes count (credit.services.risk_indicators wraps it).


def inspection_findings(today):
    """Per enterprise (``OuterRef("pk")``): current inspections concluded on or before
    ``today`` with a result that found a problem, counted; 0 when none."""
    findings = (
        Inspection.objects.filter(enterprise=OuterRef("pk"), active=True, concluded_on__lte=today)
        .exclude(result="")
        .exclude(result__in=inspection_rules.results_without_problem())
    )
    return Coalesce(count_per_enterprise(findings), Value(0))
