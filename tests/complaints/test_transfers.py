"""Transfers: the sender answers for the complaint until the receiving unit takes it over."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from complaints.models import Complaint, ComplaintTransfer
from complaints.services import handling, transfers
from portal.models import AdminDivision
from portal.workflow import TransitionRefused
from tests.factories import complaint
from tests.logins import log_in

pytestmark = pytest.mark.django_db
ZHEJIANG = "330106"


def send(filed, user, code=ZHEJIANG):
    return transfers.send(filed, user, AdminDivision.objects.get(code=code), "经营者实际在杭州")


def test_a_transfer_accepted_by_the_receiving_unit_moves_the_complaint(
    province_user, other_province_user, django_capture_on_commit_callbacks
):
    filed = complaint(complainant_email="wang@example.com")
    sent = send(filed, province_user)
    filed.refresh_from_db()
    assert filed.reporting_unit.code == "440000"  # still Guangdong's to answer for
    with pytest.raises(TransitionRefused) as refused:
        transfers.TRANSFER.apply(sent, "take_over", province_user)  # not the sender's to accept
    assert refused.value.code == "scope"
    with django_capture_on_commit_callbacks(execute=True):
        transfers.TRANSFER.apply(sent, "take_over", other_province_user)
    filed.refresh_from_db()
    assert (filed.reporting_unit.code, filed.division.code, filed.routed_by) == (
        "330000",
        ZHEJIANG,
        "transfer",
    )
    assert filed.first_unit.code == "440000"
    (message,) = mail.outbox
    assert message.to == ["wang@example.com"] and filed.tracking_code in message.subject
    assert "浙江" in message.body


def test_a_refused_transfer_leaves_the_complaint_with_the_sender(
    province_user, other_province_user
):
    filed = complaint()
    sent = send(filed, province_user)
    with pytest.raises(ValidationError):
        transfers.TRANSFER.apply(sent, "refuse_transfer", other_province_user)  # no reason
    transfers.TRANSFER.apply(sent, "refuse_transfer", other_province_user, reason="不在本辖区")
    filed.refresh_from_db()
    assert filed.reporting_unit.code == "440000"
    assert sent.history.get().reason == "不在本辖区"
    send(filed, province_user)  # and it can be sent again, elsewhere or after a correction


def test_only_the_handling_unit_transfers_and_only_once_at_a_time(
    province_user, other_province_user
):
    filed = complaint()
    with pytest.raises(ValidationError):
        send(filed, other_province_user)
    with pytest.raises(ValidationError):
        send(filed, province_user, code="440106")  # its own unit
    send(filed, province_user)
    with pytest.raises(ValidationError):
        send(filed, province_user)
    assert ComplaintTransfer.objects.count() == 1


def test_a_complaint_in_mediation_is_not_transferred(province_user):
    filed = complaint()
    handling.COMPLAINT.apply(filed, "accept", province_user)
    handling.COMPLAINT.apply(filed, "mediate", province_user)
    with pytest.raises(ValidationError):
        send(filed, province_user)


def test_the_receiving_unit_sees_the_transfer_not_the_sender_or_a_third(
    client, province_user, other_province_user
):
    filed = complaint()
    send(filed, province_user)
    log_in(client, other_province_user)
    listed = client.get("/complaints/transfers/").context["page"]
    assert [t.complaint_id for t in listed] == [filed.pk]
    assert client.get(f"/complaints/handling/{filed.pk}/").status_code == 404  # not yet theirs
    log_in(client, province_user)
    assert list(client.get("/complaints/transfers/").context["page"]) == []


def test_the_consumer_is_told_of_the_decision_in_the_language_they_wrote_in(
    province_user, django_capture_on_commit_callbacks
):
    chinese = complaint(complainant_email="a@example.com")
    english = complaint(
        complainant_email="b@example.com", complainant_phone="13900000001", language="en"
    )
    with django_capture_on_commit_callbacks(execute=True):
        handling.COMPLAINT.apply(chinese, "accept", province_user)
        handling.COMPLAINT.apply(english, "accept", province_user)
    by_address = {m.to[0]: m for m in mail.outbox}
    assert "已受理" in by_address["a@example.com"].subject
    assert "Accepted" in by_address["b@example.com"].subject
    assert Complaint.objects.get(pk=english.pk).mediation_due.isoformat() in (
        by_address["b@example.com"].body
    )


def test_no_mail_without_an_address(province_user, django_capture_on_commit_callbacks):
    filed = complaint()
    with django_capture_on_commit_callbacks(execute=True):
        handling.COMPLAINT.apply(filed, "accept", province_user)
    assert mail.outbox == []
