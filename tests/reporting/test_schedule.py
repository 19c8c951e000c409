"""The daily schedule: opening, reminders once, catch-up, overdue, the national summary."""

from datetime import date

from django.core.management import call_command

from reporting.models import MilestoneAction, NationalSummary, ProgressReport

from .conftest import run_schedule


def test_schedule_on_1_november_opens_37_drafts_with_figures(round_2019):
    run_schedule(date(2019, 11, 1))

    reports = ProgressReport.objects.filter(round=round_2019)
    assert reports.count() == 37
    assert set(reports.values_list("status", flat=True)) == {"draft"}
    figures = reports.get(reporting_unit__code="440000").figures
    assert {f["key"] for f in figures} >= {"measures_1", "measures_9", "measures_10", "measures_12"}


def test_reminders_are_sent_once_even_when_run_twice(
    round_2019, province_user, other_province_user, mailoutbox
):
    first = run_schedule(date(2019, 11, 1))
    second = run_schedule(date(2019, 11, 1))

    assert (first["reminder"], second["reminder"]) == (2, 0)
    recipients = sorted(address for mail in mailoutbox for address in mail.to)
    assert recipients == sorted([other_province_user.email, province_user.email])
    assert "2019" in mailoutbox[0].subject


def test_a_missed_month_is_caught_up_with_only_the_latest_reminder(
    round_2019, province_user, mailoutbox
):
    run_schedule(date(2019, 11, 25))

    assert ProgressReport.objects.filter(round=round_2019).count() == 37
    assert len(mailoutbox) == 1
    assert "7" in mailoutbox[0].body
    assert MilestoneAction.objects.filter(
        milestone__kind="reminder", milestone__on=date(2019, 10, 31), outcome="skipped"
    ).exists()


def test_each_later_milestone_sends_once(round_2019, province_user, mailoutbox):
    for day in (1, 23, 23, 29, 30):
        run_schedule(date(2019, 11, day))

    assert len(mailoutbox) == 4  # 30 days, 7 days, 1 day before, due today


def test_after_the_due_date_overdue_is_flagged_and_the_summary_compiled(
    round_2019, province_user, hq_user, mailoutbox
):
    run_schedule(date(2019, 11, 1))
    run_schedule(date(2019, 12, 1))
    run_schedule(date(2019, 12, 2))

    report = ProgressReport.objects.get(round=round_2019, reporting_unit__code="440000")
    assert report.is_overdue
    assert NationalSummary.objects.filter(round=round_2019).count() == 1
    assert NationalSummary.objects.get().pdf.read(5) == b"%PDF-"
    assert any(hq_user.email in mail.to for mail in mailoutbox)


def test_summary_waits_for_the_due_date(round_2019):
    run_schedule(date(2019, 11, 30))

    assert not NationalSummary.objects.exists()


def test_the_command_runs_the_schedule_for_a_date(round_2019, capsys):
    call_command("run_reporting_schedule", "--date", "2019-11-01")

    assert ProgressReport.objects.filter(round=round_2019).count() == 37
    assert "open: 37" in capsys.readouterr().out


def test_the_schedule_is_audited_as_a_task(round_2019):
    from portal.audit import history_for

    run_schedule(date(2019, 11, 1))

    report = ProgressReport.objects.get(round=round_2019, reporting_unit__code="440000")
    entry = history_for(report).get()
    assert (entry.action, entry.source, entry.actor_label) == ("create", "task", "test schedule")


def test_a_first_run_years_later_records_old_notices_without_mailing(
    round_2019, province_user, mailoutbox
):
    counts = run_schedule(date(2026, 11, 25))

    assert mailoutbox == []
    assert counts.get("reminder", 0) == counts.get("overdue", 0) == 0
    assert ProgressReport.objects.filter(round=round_2019).count() == 37
    assert NationalSummary.objects.filter(round=round_2019).exists()
