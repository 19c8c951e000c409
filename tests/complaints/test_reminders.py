"""The daily reminders: due within 2 working days or overdue, each deadline once."""

import datetime

import pytest
from django.core import mail

from complaints.models import Complaint
from complaints.services import reminders
from portal import workdays
from tests.factories import complaint

pytestmark = pytest.mark.django_db
MONDAY = datetime.date(2026, 11, 23)


def due_on(filed, day):
    Complaint.objects.filter(pk=filed.pk).update(decision_due=day)


def test_each_deadline_is_reminded_once_to_the_officer_or_the_unit(
    province_user, other_province_user, django_capture_on_commit_callbacks
):
    soon = complaint()
    due_on(soon, workdays.add_working_days(MONDAY, 2))  # Wednesday: within 2 working days
    later = complaint(complainant_phone="13900000001")
    due_on(later, workdays.add_working_days(MONDAY, 3))
    late = complaint(complainant_phone="13900000002")
    due_on(late, MONDAY - datetime.timedelta(days=1))
    Complaint.objects.filter(pk=late.pk).update(officer=province_user)
    closed = complaint(complainant_phone="13900000003")
    due_on(closed, MONDAY)
    Complaint.objects.filter(pk=closed.pk).update(status=Complaint.Status.CLOSED)

    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.run_daily(MONDAY) == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.run_daily(MONDAY) == 0  # run twice, sent once
    subjects = {m.subject: m.to for m in mail.outbox}
    assert any(soon.tracking_code in s for s in subjects)
    assert all(later.tracking_code not in s for s in subjects)
    (overdue_to,) = [to for s, to in subjects.items() if late.tracking_code in s]
    assert overdue_to == [province_user.email]
    everyone = {address for to in subjects.values() for address in to}
    assert other_province_user.email not in everyone

    due_on(soon, workdays.add_working_days(MONDAY, 1))  # the deadline moved: a new reminder
    assert reminders.run_daily(MONDAY) == 1
