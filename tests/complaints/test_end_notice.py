"""Telling both parties that mediation ended: 7 working days from the decision to end it."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from complaints.models import Complaint, Ground
from complaints.services import handling, reminders
from portal import holidays
from tests.factories import complaint
from tests.logins import log_in

pytestmark = pytest.mark.django_db
D = datetime.date
WORKFLOW = handling.COMPLAINT
CST = ZoneInfo("Asia/Shanghai")


def at(day):
    return datetime.datetime.combine(day, datetime.time(10), CST)


def ended(user, day, action="settle", **overrides):
    """A complaint whose mediation ended on ``day``."""
    filed = complaint(received_on=day - datetime.timedelta(days=20), **overrides)
    WORKFLOW.apply(filed, "accept", user, at=at(day - datetime.timedelta(days=15)))
    WORKFLOW.apply(filed, "mediate", user, at=at(day - datetime.timedelta(days=15)))
    if action == "terminate":
        ground = Ground.objects.get(rule_set=filed.rule_set, kind="mediation_end", code="refused")
        WORKFLOW.apply(filed, action, user, at=at(day), reason="x", details={"ground": ground})
    else:
        WORKFLOW.apply(filed, action, user, at=at(day), reason="当事人达成协议")
    filed.refresh_from_db()
    return filed


@pytest.mark.parametrize("action", ["settle", "fail", "terminate"])
def test_the_notice_is_due_seven_working_days_after_mediation_ended(province_user, action):
    # Ended on the eve of National Day 2026: 1-8 October off, the working Saturday 10 counts.
    filed = ended(province_user, D(2026, 9, 30), action)
    assert filed.closed_on == D(2026, 9, 30)
    assert filed.end_notice_due == D(2026, 10, 15)
    assert filed.parties_told_on is None


def test_telling_on_the_last_day_is_in_time_and_the_day_after_is_late(province_user):
    filed = ended(province_user, D(2026, 9, 30))
    handling.record_parties_told(filed, province_user, D(2026, 10, 15))
    assert handling.end_notice_late(filed) is False
    late = ended(province_user, D(2026, 9, 30), complainant_phone="13900000001")
    handling.record_parties_told(late, province_user, D(2026, 10, 16))
    assert handling.end_notice_late(late) is True
    owed = ended(province_user, D(2026, 9, 30), complainant_phone="13900000002")
    assert handling.end_notice_late(owed, today=D(2026, 10, 15)) is False
    assert handling.end_notice_late(owed, today=D(2026, 10, 16)) is True


def test_a_day_in_the_future_or_before_the_end_is_refused(province_user, other_province_user):
    filed = ended(province_user, D(2026, 9, 30))
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        handling.record_parties_told(filed, province_user, tomorrow)
    assert "day" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        handling.record_parties_told(filed, province_user, D(2026, 9, 29))
    assert "day" in error.value.message_dict
    with pytest.raises(ValidationError):
        handling.record_parties_told(filed, other_province_user, D(2026, 10, 1))
    filed.refresh_from_db()
    assert filed.parties_told_on is None


def test_the_notice_is_reminded_once_until_it_is_recorded(
    province_user, django_capture_on_commit_callbacks
):
    filed = ended(province_user, D(2026, 9, 30))
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.run_daily(D(2026, 10, 12)) == 0  # 15 Oct is 3 working days ahead
        assert reminders.run_daily(D(2026, 10, 13)) == 1
        assert reminders.run_daily(D(2026, 10, 14)) == 0
    assert any(filed.tracking_code in m.subject for m in mail.outbox)
    handling.record_parties_told(filed, province_user, D(2026, 10, 14))
    assert reminders.run_daily(D(2026, 10, 16)) == 0


def test_reopening_clears_the_notice(province_user):
    filed = ended(province_user, timezone.localdate())
    WORKFLOW.apply(filed, "close", province_user)
    WORKFLOW.apply(filed, "reopen", province_user, reason="未履行")
    filed.refresh_from_db()
    assert (filed.end_notice_due, filed.parties_told_on) == (None, None)


def test_the_page_shows_the_deadline_and_records_the_notice(client, province_user):
    filed = ended(province_user, D(2026, 9, 30))
    log_in(client, province_user)
    page = client.get(f"/complaints/handling/{filed.pk}/").content.decode()
    assert "2026-10-15" in page and 'data-testid="parties-told-form"' in page
    url = f"/complaints/handling/{filed.pk}/parties-told/"
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    refused = client.post(url, {"day": future}, follow=True).content.decode()
    assert "告知双方的日期不能晚于今天" in refused
    page = client.post(url, {"day": "2026-10-16"}, follow=True).content.decode()
    assert 'data-testid="end-notice-late"' in page and "2026-10-16" in page
    assert Complaint.objects.get(pk=filed.pk).parties_told_on == D(2026, 10, 16)


def test_another_province_cannot_record_it(client, province_user, other_province_user):
    filed = ended(province_user, D(2026, 9, 30))
    log_in(client, other_province_user)
    url = f"/complaints/handling/{filed.pk}/parties-told/"
    assert client.post(url, {"day": "2026-10-09"}).status_code == 404
    assert Complaint.objects.get(pk=filed.pk).parties_told_on is None


def test_a_calendar_change_moves_a_notice_still_owed(
    province_user, hq_user, django_capture_on_commit_callbacks
):
    owed = ended(province_user, D(2026, 12, 28))
    told = ended(province_user, D(2026, 12, 28), complainant_phone="13900000001")
    Complaint.objects.filter(pk=told.pk).update(parties_told_on=D(2026, 12, 29))
    # 29, 30, 31 December, 1 January off, then 4-7 January: provisional until 2027 is entered.
    assert (owed.end_notice_due, owed.deadline_provisional) == (D(2027, 1, 7), True)
    with django_capture_on_commit_callbacks(execute=True):
        holidays.enter_year(2027, "2027-01-01,休\n2027-01-04,休", hq_user)
    owed.refresh_from_db()
    told.refresh_from_db()
    assert (owed.end_notice_due, owed.deadline_provisional) == (D(2027, 1, 8), False)
    assert told.end_notice_due == D(2027, 1, 7)
