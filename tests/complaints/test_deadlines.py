"""Complaint deadlines on the official calendar: the day received is not counted.

The expected dates are counted by hand on the State Council's holiday notices.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError

from complaints.models import Complaint, RuleSet
from complaints.services import deadlines, intake
from portal import holidays, workdays
from tests.factories import complaint, complaint_submission

D = datetime.date
pytestmark = pytest.mark.django_db


# (received on, what kind of day, decision due after 7 working days)
ACCEPTANCE = [
    (D(2019, 9, 27), "Friday before 2019's working Sunday 29 Sept", D(2019, 10, 12)),
    (D(2019, 9, 29), "working Sunday itself", D(2019, 10, 14)),
    (D(2019, 10, 7), "last day of National Day 2019", D(2019, 10, 15)),
    (D(2019, 10, 11), "Friday before the working Saturday 12 Oct", D(2019, 10, 21)),
    (D(2020, 1, 23), "eve of 2020's Spring Festival", D(2020, 2, 11)),
    (D(2020, 1, 31), "inside the extended Spring Festival 2020", D(2020, 2, 11)),
    (D(2020, 2, 2), "last day of the extended Spring Festival", D(2020, 2, 11)),
    (D(2021, 2, 10), "before Spring Festival 2021 (working Saturday 20 Feb)", D(2021, 2, 25)),
    (D(2023, 9, 28), "before Mid-autumn and National Day 2023", D(2023, 10, 13)),
    (D(2024, 2, 8), "before Spring Festival 2024 (9 and 18 Feb worked)", D(2024, 2, 23)),
    (D(2025, 1, 25), "Saturday before Spring Festival 2025", D(2025, 2, 10)),
    (D(2025, 9, 30), "eve of National Day 2025 (working Saturday 11 Oct)", D(2025, 10, 16)),
    (D(2026, 2, 13), "Friday before Spring Festival 2026 (14 and 28 Feb worked)", D(2026, 3, 2)),
    (D(2026, 9, 30), "eve of National Day 2026 (working Saturday 10 Oct)", D(2026, 10, 15)),
]


@pytest.mark.parametrize(("received", "what", "due"), ACCEPTANCE, ids=[a[1] for a in ACCEPTANCE])
def test_the_acceptance_decision_is_due_seven_working_days_after_receipt(received, what, due):
    # Order No. 20's seven days, also for 2019 (before any rule set the portal files under).
    order20 = RuleSet.objects.get(code="order-20")
    received_then = Complaint(kind=Complaint.Kind.COMPLAINT, received_on=received, rule_set=order20)
    deadlines.compute(received_then)
    assert received_then.decision_due == due
    assert received_then.deadline_provisional is False


def test_a_complaint_filed_in_the_portal_gets_the_same_deadline():
    assert complaint(received_on=D(2026, 9, 30)).decision_due == D(2026, 10, 15)


def test_a_complaint_received_before_the_first_rule_set_is_refused():
    data = complaint_submission(received_on=D(2019, 12, 31))
    with pytest.raises(ValidationError) as error:
        intake.file(data, kinds=["complaint"], channel="phone")
    assert "received_on" in error.value.message_dict


def test_the_rule_set_is_the_one_in_force_on_the_day_received():
    assert complaint(received_on=D(2026, 4, 14)).rule_set.code == "order-20"
    assert complaint(received_on=D(2026, 4, 15), complainant_phone="13900000000").rule_set.code == (
        "order-121"
    )


def test_a_deadline_counting_through_2027_is_provisional_until_the_year_is_entered(
    hq_user, django_capture_on_commit_callbacks
):
    filed = complaint(received_on=D(2026, 12, 24))
    # 25, 28, 29, 30, 31 December, then 1 January 2027 is New Year's Day: 4 and 5 January.
    assert (filed.decision_due, filed.deadline_provisional) == (D(2027, 1, 5), True)

    # The State Council gives 1-3 January 2027 off; 4 January is a working day.
    with django_capture_on_commit_callbacks(execute=True):
        holidays.enter_year(2027, "2027-01-01,休\n2027-01-02,休\n2027-01-03,休", hq_user)
    filed.refresh_from_db()
    assert filed.deadline_provisional is False
    assert filed.calendar_version == holidays.current_calendar().version
    assert filed.decision_due == D(2027, 1, 5)


def test_a_corrected_calendar_moves_every_open_deadline(
    hq_user, django_capture_on_commit_callbacks
):
    filed = complaint(received_on=D(2026, 12, 30))
    closed = complaint(received_on=D(2026, 12, 30), complainant_phone="13900000000")
    Complaint.objects.filter(pk=closed.pk).update(status=Complaint.Status.CLOSED)
    before = closed.decision_due
    assert filed.decision_due == D(2027, 1, 11)
    # Suppose 2027 gave 4 January off as well: the open complaint's deadline moves a day.
    with django_capture_on_commit_callbacks(execute=True):
        holidays.enter_year(2027, "2027-01-01,休\n2027-01-04,休", hq_user)
    filed.refresh_from_db()
    closed.refresh_from_db()
    assert filed.decision_due == D(2027, 1, 12)
    assert closed.decision_due == before


def test_mediation_is_due_45_working_days_after_acceptance_plus_suspension():
    filed = complaint(received_on=D(2026, 3, 2))
    filed.accepted_on = D(2026, 3, 3)
    deadlines.compute(filed)
    assert filed.mediation_due == workdays.add_working_days(D(2026, 3, 3), 45)
    filed.suspended_days = 4
    deadlines.compute(filed)
    assert filed.mediation_due == workdays.add_working_days(D(2026, 3, 3), 49)


def test_a_report_is_verified_within_15_working_days_or_30_when_extended():
    report = complaint(received_on=D(2026, 9, 25), kind=Complaint.Kind.REPORT)
    # 28, 29, 30 Sept; 1-7 Oct off (8 Oct in 2026 too), then from 9 Oct.
    assert report.decision_due == workdays.add_working_days(D(2026, 9, 25), 15)
    assert report.status == Complaint.Status.VERIFYING
    report.extended_days = 15
    deadlines.compute(report)
    assert report.decision_due == workdays.add_working_days(D(2026, 9, 25), 30)


def test_the_numbers_come_from_the_rule_set_not_the_code():
    RuleSet.objects.filter(code="order-121").update(acceptance_days=10)
    filed = complaint(received_on=D(2026, 11, 2))
    assert filed.decision_due == workdays.add_working_days(D(2026, 11, 2), 10)


def test_the_set_based_recompute_gives_each_complaint_its_own_deadlines(
    hq_user, django_capture_on_commit_callbacks
):
    accepted = complaint(received_on=D(2026, 12, 1))
    Complaint.objects.filter(pk=accepted.pk).update(
        status=Complaint.Status.MEDIATING, accepted_on=D(2026, 12, 3), suspended_days=2
    )
    later = complaint(received_on=D(2026, 12, 1), complainant_phone="13900000001")
    Complaint.objects.filter(pk=later.pk).update(
        status=Complaint.Status.MEDIATING, accepted_on=D(2026, 12, 3)
    )
    report = complaint(
        received_on=D(2026, 12, 21), kind=Complaint.Kind.REPORT, complainant_phone="13900000002"
    )
    Complaint.objects.filter(pk=report.pk).update(extended_days=15)
    odr = complaint(received_on=D(2026, 12, 21), complainant_phone="13900000003")
    Complaint.objects.filter(pk=odr.pk).update(status=Complaint.Status.WITH_ODR)
    rows = [accepted, later, report, odr]

    with django_capture_on_commit_callbacks(execute=True):
        holidays.enter_year(2027, "2027-01-01,休\n2027-01-04,休", hq_user)
    calendar = holidays.current_calendar()
    for row in rows:
        row.refresh_from_db()
        expected = deadlines.compute(Complaint.objects.get(pk=row.pk), calendar)
        assert row.calendar_version == calendar.version
        assert (row.odr_due, row.decision_due, row.mediation_due) == (
            expected.odr_due,
            expected.decision_due,
            expected.mediation_due,
        )
    # Accepted the same day, two days of suspension set mediation's ends apart.
    assert accepted.mediation_due == workdays.add_working_days(D(2026, 12, 3), 47, calendar)
    assert later.mediation_due == workdays.add_working_days(D(2026, 12, 3), 45, calendar)
    assert report.decision_due == workdays.add_working_days(D(2026, 12, 21), 30, calendar)
    assert odr.odr_due == workdays.add_working_days(D(2026, 12, 21), 10, calendar)
    assert odr.decision_due == workdays.add_working_days(odr.odr_due, 7, calendar)
    assert deadlines.recompute_open() == 0  # nothing stale is left
