"""The daily certificate job: expiry and 60/30-day reminders, once each, missed days caught up."""

import datetime

import pytest
from django.core.management import call_command
from django.test import TestCase

from enterprises.models import Certificate, CertificateReminder
from enterprises.services import certificates
from enterprises.tasks import expire_certificates
from portal.audit import history_for
from tests.factories import act_for, certificate

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)
TODAY = datetime.date(2019, 6, 1)


def run_daily(day):
    """The daily job as beat runs it: a reminder's e-mail goes out when its row commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return certificates.run_daily(day)


@pytest.fixture
def enterprise(enterprise_user):
    enterprise_user.email = "owner@example.cn"
    enterprise_user.save()
    return act_for(enterprise_user)


def test_certificates_past_their_date_expire_and_others_do_not(enterprise):
    past = certificate(enterprise, issued_on=datetime.date(2016, 1, 1), expires_on=TODAY - DAY)
    last_day = certificate(enterprise, issued_on=datetime.date(2016, 1, 1), expires_on=TODAY)
    suspended = certificate(
        enterprise, issued_on=datetime.date(2016, 1, 1), expires_on=TODAY - DAY, status="suspended"
    )
    revoked = certificate(
        enterprise, issued_on=datetime.date(2016, 1, 1), expires_on=TODAY - DAY, status="revoked"
    )
    assert run_daily(TODAY)["expired"] == 2
    statuses = dict(Certificate.objects.values_list("pk", "status"))
    assert statuses == {
        past.pk: "expired",
        last_day.pk: "valid",
        suspended.pk: "expired",
        revoked.pk: "revoked",
    }
    change = past.status_changes.get()
    assert (change.from_status, change.to_status, change.actor) == ("valid", "expired", None)
    entry = history_for(past).get()
    assert (entry.source, entry.actor_label, entry.changes) == (
        "task",
        "expire_certificates",
        {"status": ["valid", "expired"]},
    )
    assert run_daily(TODAY)["expired"] == 0


def test_reminders_go_out_at_60_and_30_days_once_each(enterprise, mailoutbox):
    cert = certificate(enterprise, expires_on=TODAY + datetime.timedelta(days=60))
    assert run_daily(TODAY)["reminders"] == {"60": 1, "30": 0}
    assert run_daily(TODAY)["reminders"] == {"60": 0, "30": 0}
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["owner@example.cn"]
    assert cert.number in mailoutbox[0].subject
    thirty_before = TODAY + datetime.timedelta(days=30)
    assert run_daily(thirty_before)["reminders"] == {"60": 0, "30": 1}
    run_daily(thirty_before)
    assert len(mailoutbox) == 2
    kinds = set(CertificateReminder.objects.values_list("kind", flat=True))
    assert kinds == {"60", "30"}


def test_a_missed_day_is_caught_up(enterprise, mailoutbox):
    certificate(enterprise, expires_on=TODAY + datetime.timedelta(days=60))
    # The job did not run on the 60th day before expiry; the next run sends the reminder.
    assert run_daily(TODAY + 2 * DAY)["reminders"]["60"] == 1
    assert len(mailoutbox) == 1


def test_a_certificate_filed_late_gets_only_the_30_day_reminder(enterprise, mailoutbox):
    certificate(enterprise, expires_on=TODAY + datetime.timedelta(days=20))
    assert run_daily(TODAY)["reminders"] == {"60": 0, "30": 1}
    assert len(mailoutbox) == 1


def test_no_reminder_for_certificates_that_are_not_valid(enterprise, mailoutbox):
    certificate(enterprise, expires_on=TODAY + datetime.timedelta(days=50), status="suspended")
    assert run_daily(TODAY)["reminders"] == {"60": 0, "30": 0}
    assert mailoutbox == []


def test_the_command_runs_the_job_for_a_given_date(enterprise, mailoutbox, capsys):
    past = certificate(enterprise, issued_on=datetime.date(2016, 1, 1), expires_on=TODAY - DAY)
    call_command("expire_certificates", "--date", TODAY.isoformat())
    call_command("expire_certificates", "--date", TODAY.isoformat())
    past.refresh_from_db()
    assert past.status == "expired"
    assert "expired 0" in capsys.readouterr().out.splitlines()[-1]


def test_the_command_refuses_a_bad_date():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("expire_certificates", "--date", "01/06/2019")


def test_the_celery_task_runs_the_same_service(enterprise):
    past = certificate(enterprise, issued_on=datetime.date(2016, 1, 1), expires_on=TODAY - DAY)
    result = expire_certificates.delay(TODAY.isoformat()).get()
    assert result["expired"] == 1
    past.refresh_from_db()
    assert past.status == "expired"
