"""Extending a report's verification: asked with a reason, approved by a second officer."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from complaints.models import Complaint, VerificationExtension
from complaints.services import extensions
from portal import workdays
from portal.models import AuditEntry
from portal.workflow import TransitionRefused
from tests.factories import complaint, provincial_user
from tests.logins import log_in

pytestmark = pytest.mark.django_db
D = datetime.date
FLOW = extensions.EXTENSION


def report(**overrides):
    return complaint(received_on=D(2026, 9, 25), kind=Complaint.Kind.REPORT, **overrides)


def test_a_second_officer_approves_and_the_deadline_moves(province_user):
    verifying = report()
    asked = extensions.request(verifying, province_user, 10, "需调取平台交易记录")
    with pytest.raises(TransitionRefused) as refused:
        FLOW.apply(asked, "approve", province_user)
    assert refused.value.code == "same_officer"
    verifying.refresh_from_db()
    assert verifying.extended_days == 0

    head = provincial_user("440000", username="head")
    FLOW.apply(asked, "approve", head)
    verifying.refresh_from_db()
    asked.refresh_from_db()
    assert (asked.status, asked.decided_by) == ("approved", head)
    assert verifying.extended_days == 10
    assert verifying.decision_due == workdays.add_working_days(D(2026, 9, 25), 25)
    assert asked.history.get().actor == head
    changed = AuditEntry.objects.filter(object_repr=str(verifying), action="update")
    assert any("extended_days" in entry.changes for entry in changed)


def test_more_than_the_legal_maximum_is_refused_with_the_numbers(province_user):
    verifying = report()
    head = provincial_user("440000", username="head")
    FLOW.apply(extensions.request(verifying, province_user, 10, "一"), "approve", head)
    verifying.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        extensions.request(verifying, province_user, 6, "二")
    (message,) = error.value.message_dict["days"]
    assert "15" in message and "10" in message and "5" in message and "6" in message
    extensions.request(verifying, province_user, 5, "二")  # exactly up to 15 is allowed
    assert extensions.days_left(verifying) == 5  # counted once approved


def test_two_pending_requests_or_both_approved_beyond_the_maximum_are_refused(province_user):
    verifying = report()
    head = provincial_user("440000", username="head")
    first = extensions.request(verifying, province_user, 15, "一")
    with pytest.raises(ValidationError):
        extensions.request(verifying, province_user, 1, "二")
    FLOW.apply(first, "refuse_extension", head, reason="理由不充分")
    verifying.refresh_from_db()
    assert verifying.extended_days == 0
    assert extensions.request(verifying, province_user, 15, "三").days == 15


def test_only_reports_being_verified_by_the_unit_can_be_extended(
    province_user, other_province_user
):
    with pytest.raises(ValidationError):
        extensions.request(complaint(), province_user, 5, "投诉不适用")
    verifying = report(complainant_phone="13900000001")
    with pytest.raises(ValidationError):
        extensions.request(verifying, other_province_user, 5, "外省")
    assert not VerificationExtension.objects.exists()


def test_the_page_asks_and_another_officer_approves(client, province_user):
    verifying = report()
    log_in(client, province_user)
    url = f"/complaints/handling/{verifying.pk}/extend/"
    page = client.post(url, {"days": "20", "reason": "需送检"}, follow=True).content.decode()
    assert "15" in page and not VerificationExtension.objects.exists()
    client.post(url, {"days": "15", "reason": "需送检"})
    asked = VerificationExtension.objects.get()
    head = provincial_user("440000", username="head")
    log_in(client, head)
    client.post(f"/complaints/extensions/{asked.pk}/decide/", {"action": "approve"})
    page = client.get(f"/complaints/handling/{verifying.pk}/").content.decode()
    assert 'data-testid="extended-days"' in page
    assert Complaint.objects.get(pk=verifying.pk).decision_due == workdays.add_working_days(
        D(2026, 9, 25), 30
    )


def test_another_province_cannot_approve(client, province_user, other_province_user):
    asked = extensions.request(report(), province_user, 5, "一")
    log_in(client, other_province_user)
    response = client.post(f"/complaints/extensions/{asked.pk}/decide/", {"action": "approve"})
    assert response.status_code == 404
    asked.refresh_from_db()
    assert asked.status == "pending"
