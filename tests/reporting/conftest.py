"""Fixtures of the reporting tests: the 2019 round, opened by the schedule, and a full report."""

from datetime import date

import pytest
from django.test import TestCase

from portal.audit import acting_as
from reporting.defaults import ensure_default_rounds
from reporting.models import Measure, Milestone, ProgressReport, Round
from reporting.services import schedule
from reporting.services.reports import REPORT

NARRATIVE = "广东省全面推进服务业质量提升专项行动，建立联席会议制度，组织开展服务质量监测。"


@pytest.fixture
def round_2019(db):
    """The 2019 round from the data migration (due 2019-11-30)."""
    ensure_default_rounds(Round, Milestone)
    return Round.objects.get(due_date=date(2019, 11, 30))


def run_schedule(day):
    """Run the schedule for a date as the beat job would, its commits' e-mails sent."""
    with (
        acting_as(source="task", label="test schedule"),
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        return schedule.run(day)


@pytest.fixture
def opened(round_2019):
    """The 2019 round after the schedule ran on 2019-11-01."""
    run_schedule(date(2019, 11, 1))
    return round_2019


def fill_in(report):
    """Write every section's narrative."""
    report.texts = {s["key"]: f"{s['title']}：{NARRATIVE}" for s in report.round.sections}
    report.save()
    return report


@pytest.fixture
def guangdong_report(opened):
    """Guangdong's 2019 draft, every section written."""
    return fill_in(ProgressReport.objects.get(round=opened, reporting_unit__code="440000"))


@pytest.fixture
def zhejiang_report(opened):
    """Zhejiang's 2019 draft."""
    return ProgressReport.objects.get(round=opened, reporting_unit__code="330000")


@pytest.fixture
def version(guangdong_report, province_user):
    """Guangdong's report submitted once (version 1), with a measure of task 1."""
    Measure.objects.create(
        reporting_unit=guangdong_report.reporting_unit,
        task=1,
        kind="platform",
        name="广东省检验检测公共服务平台",
        platforms=3,
        pilots=2,
        started_on=date(2019, 4, 1),
    )
    REPORT.apply(guangdong_report, "review", province_user)
    return REPORT.apply(guangdong_report, "submit", province_user).version
