"""Makers of progress reporting: rounds, milestones, reports, measures, attachments."""

from portal.models import ReportingUnit
from tests import factories

from . import maker, staff


def _round():
    from reporting.models import Round

    return Round.objects.order_by("due_date").first()


@maker("reporting.Round")
def _reporting_round(unit_code):
    return _round()


@maker("reporting.Milestone")
def _milestone(unit_code):
    return _round().milestones.first()


@maker("reporting.MilestoneAction")
def _milestone_action(unit_code):
    return factories.MilestoneActionFactory(
        milestone=_milestone(unit_code), reporting_unit=factories.unit(unit_code)
    )


@maker("reporting.NationalSummary")
def _summary(unit_code):
    return factories.NationalSummaryFactory(round=_round())


@maker("reporting.ProgressReport")
def _report(unit_code):
    from reporting.models import ProgressReport

    report, _created = ProgressReport.objects.get_or_create(
        round=_round(), reporting_unit=ReportingUnit.objects.get(code=unit_code)
    )
    return report


@maker("reporting.ReportVersion")
def _version(unit_code):
    from django.utils import timezone

    from reporting.services.reports import freeze

    return freeze(_report(unit_code), staff(unit_code), timezone.now())


@maker("reporting.ReportStatusChange")
def _report_status_change(unit_code):
    return factories.ReportStatusChangeFactory(report=_report(unit_code))


@maker("reporting.Measure")
def _measure(unit_code):
    return factories.MeasureFactory(reporting_unit=factories.unit(unit_code))


@maker("reporting.Attachment")
def _attachment(unit_code):
    from django.core.files.base import ContentFile

    from reporting.models import Attachment

    attachment = Attachment(report=_report(unit_code), name="附件.pdf", content_kind="pdf", size=8)
    attachment.file.save("attachment.pdf", ContentFile(b"%PDF-1.4"), save=False)
    attachment.save()
    return attachment
