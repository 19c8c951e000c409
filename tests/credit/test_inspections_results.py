"""Results: the 20-working-day publicity deadline, the daily warning, the task 4 figures."""

import datetime

import pytest
from django.utils import timezone

from credit import metrics
from credit.models import ResultReminder
from credit.services import inspection_results, inspections, result_reminders
from portal import workdays
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def inspection(province_user):
    factories.risk_class(factories.EnterpriseFactory(), "D")
    factories.InspectorFactory()
    factories.InspectorFactory()
    plan = factories.inspection_plan(province_user, ratios={"D": "1"})
    inspections.publish(plan, province_user)
    inspections.draw(plan, province_user)
    return plan.inspections.get()


def test_the_deadline_is_twenty_working_days_after_the_conclusion(inspection, province_user):
    concluded = datetime.date(2026, 9, 25)  # before the National Day holidays
    inspection_results.record_result(
        inspection, province_user, result="no_problem", note="", concluded_on=concluded
    )
    inspection.refresh_from_db()
    assert inspection.publish_by == workdays.add_working_days(concluded, 20)
    assert workdays.working_days_between(concluded, inspection.publish_by) == 20
    assert inspection.publish_by == datetime.date(2026, 10, 29)  # Oct 1-7 off, Sat 10 worked


def test_unreachable_results_are_flagged_for_the_abnormal_list(inspection, province_user):
    inspection_results.record_result(
        inspection, province_user, result="unreachable", note="", concluded_on=timezone.localdate()
    )
    inspection.refresh_from_db()
    assert inspection.abnormal_list_suggested
    inspection_results.record_result(
        inspection, province_user, result="corrected", note="", concluded_on=timezone.localdate()
    )
    inspection.refresh_from_db()
    assert not inspection.abnormal_list_suggested


def test_the_daily_warning_goes_once_before_and_once_after_the_deadline(
    inspection, province_user, mailoutbox, django_capture_on_commit_callbacks
):
    concluded = datetime.date(2026, 9, 25)
    inspection_results.record_result(
        inspection, province_user, result="no_problem", note="", concluded_on=concluded
    )
    inspection.refresh_from_db()
    six_before = workdays.add_working_days(concluded, 14)  # 6 working days left: too early
    five_before = workdays.add_working_days(concluded, 15)
    with django_capture_on_commit_callbacks(execute=True):
        assert result_reminders.run_daily(six_before) == 0
        assert result_reminders.run_daily(five_before) == 1
        assert result_reminders.run_daily(five_before) == 0  # once
        after = inspection.publish_by + datetime.timedelta(days=1)
        assert result_reminders.run_daily(after) == 1
    kinds = sorted(ResultReminder.objects.values_list("kind", flat=True))
    assert kinds == ["due_soon", "overdue"]
    assert province_user.email in mailoutbox[0].to
    assert inspection.enterprise.name in mailoutbox[0].subject


def test_a_published_result_is_not_warned_of(inspection, province_user):
    concluded = datetime.date(2026, 9, 25)
    inspection_results.record_result(
        inspection, province_user, result="no_problem", note="", concluded_on=concluded
    )
    inspection_results.publish_result(inspection, province_user)
    assert result_reminders.run_daily(datetime.date(2026, 12, 1)) == 0


def test_task_4_figures_count_results_and_the_on_time_rate(inspection, province_user):
    today = timezone.localdate()
    inspection_results.record_result(
        inspection, province_user, result="corrected", note="", concluded_on=today
    )
    inspection_results.publish_result(inspection, province_user)
    figures = {
        f["key"]: f["value"]
        for f in metrics.metrics(inspection.plan.reporting_unit, today.replace(day=1), today)
    }
    assert figures["inspection_plans"] == 1
    assert figures["inspections_concluded"] == 1
    assert figures["inspection_problems"] == 1
    assert figures["inspection_results_published"] == 1
    assert figures["inspection_results_on_time"] == 100.0
    late = inspection.__class__.objects.filter(pk=inspection.pk)
    late.update(publish_by=today - datetime.timedelta(days=1))
    figures = {
        f["key"]: f["value"]
        for f in metrics.metrics(inspection.plan.reporting_unit, today.replace(day=1), today)
    }
    assert figures["inspection_results_on_time"] == 0


def test_the_dashboard_panel_counts_results_due_and_overdue(inspection, province_user):
    from credit.dashboard_inspections import panel

    concluded = timezone.localdate() - datetime.timedelta(days=40)
    inspection_results.record_result(
        inspection, province_user, result="no_problem", note="", concluded_on=concluded
    )
    figures = [value for _label, value in panel(province_user).figures]
    assert figures[2] == 1  # overdue
    other = factories.provincial_user("330000")
    assert [value for _label, value in panel(other).figures][2] == 0
