"""Task 11's figures in the progress report, for one unit and period."""

import datetime

import pytest
from django.utils import timezone

from complaints.metrics import metrics
from complaints.models import Complaint, ComplaintStatusChange
from complaints.services import handling
from portal.models import ReportingUnit
from tests.factories import complaint

pytestmark = pytest.mark.django_db


def figures(unit_code, start, end):
    unit = ReportingUnit.objects.get(code=unit_code)
    return {f["key"]: f["value"] for f in metrics(unit, start, end)}


def test_the_units_complaints_of_the_period_are_counted(province_user):
    today = timezone.localdate()
    settled = complaint()
    for action in ("accept", "mediate", "settle", "close"):
        handling.COMPLAINT.apply(settled, action, province_user)
    handling.rate(settled, 4)
    failed = complaint(complainant_phone="13900000001")
    for action in ("accept", "mediate"):
        handling.COMPLAINT.apply(failed, action, province_user)
    handling.COMPLAINT.apply(failed, "fail", province_user, reason="双方分歧大")
    handling.COMPLAINT.apply(failed, "close", province_user)
    complaint(kind=Complaint.Kind.REPORT, complainant_phone="13900000002")
    last_year = complaint(complainant_phone="13900000003")
    Complaint.objects.filter(pk=last_year.pk).update(received_on=datetime.date(2025, 6, 1))

    counted = figures("440000", today.replace(day=1), today)
    assert counted == {
        "complaints_received": 2,
        "complaints_accepted": 2,
        "complaints_mediated": 1,
        "reports_received": 1,
        "complaint_rating": 4.0,
        "referred_to_mediation_bodies": 0,
        "settled_by_mediation_bodies": 0,
        "advance_compensation_cases": 0,
        "advance_compensation_paid": 0,
        "trustworthy_recognised": 0,
        "after_sales_guarantees": 0,
        "after_sales_recalls": 0,
        "after_sales_traceability": 0,
        "after_sales_insurance_paid": 0,
    }
    assert figures("330000", today.replace(day=1), today)["complaints_received"] == 0
    ComplaintStatusChange.objects.filter(action="settle").update(
        at=timezone.now() - datetime.timedelta(days=400)
    )
    assert figures("440000", today.replace(day=1), today)["complaints_mediated"] == 0
