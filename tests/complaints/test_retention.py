"""Anonymisation after the retention period: the boundary day, what goes, what stays, the log."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings

from complaints.models import (
    AnonymisationLog,
    Complaint,
    ComplaintAttachment,
    ComplaintReply,
    ComplaintStatusChange,
)
from complaints.services import intake, retention
from tests.factories import complaint
from tests.logins import log_in

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2029, 12, 10)
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


def closed(days_ago, phone, status=Complaint.Status.CLOSED):
    filed = complaint(complainant_phone=phone, complainant_email="wang@example.cn")
    Complaint.objects.filter(pk=filed.pk).update(
        status=status, closed_on=TODAY - datetime.timedelta(days=days_ago), rating_comment="很好"
    )
    return filed


@override_settings(COMPLAINT_RETENTION_DAYS=1095)
def test_a_complaint_is_anonymised_the_day_after_its_retention_ends(province_user):
    past = closed(1096, "13900000001")
    last_day = closed(1095, "13900000002")
    still_open = closed(2000, "13900000003", status=Complaint.Status.MEDIATING)
    ComplaintReply.objects.create(complaint=past, author=province_user, text="商家同意退款")
    ComplaintStatusChange.objects.create(
        complaint=past, from_status="received", to_status="accepted", reason="王小明来电补充"
    )

    log = retention.run(TODAY)
    past.refresh_from_db()
    last_day.refresh_from_db()
    still_open.refresh_from_db()
    assert past.anonymised_on == TODAY
    assert (past.complainant_name, past.complainant_phone, past.complainant_email) == ("", "", "")
    assert (past.description, past.request, past.rating_comment) == ("", "", "")
    assert past.replies.get().text == ""
    assert list(past.history.values_list("reason", flat=True)) == [""]
    assert past.operator_name and past.received_on and past.status == "closed"  # figures stay
    assert last_day.complainant_name == "王小明" and last_day.anonymised_on is None
    assert still_open.complainant_name == "王小明"
    assert intake.track(past.tracking_code, "0001") is None

    assert (log.complaints, log.complaint_ids, log.replies) == (1, [past.pk], 1)
    assert "COMPLAINT_RETENTION_DAYS=1095" in log.rule
    assert "王小明" not in str(log.__dict__) and "13900000001" not in str(log.__dict__)
    assert retention.run(TODAY) is None  # nothing left to do


@override_settings(COMPLAINT_RETENTION_DAYS=30)
def test_the_period_is_a_setting_and_evidence_files_go(django_capture_on_commit_callbacks):
    filed = closed(31, "13900000009")
    attached = ComplaintAttachment(complaint=filed, name="发票.png", content_kind="png", size=8)
    attached.file.save("evidence.png", ContentFile(PNG), save=False)
    attached.save()
    storage, name = attached.file.storage, attached.file.name
    kept = closed(30, "13900000008")
    with django_capture_on_commit_callbacks(execute=True):
        log = retention.run(TODAY)
    assert (log.complaints, log.attachments) == (1, 1)
    assert not ComplaintAttachment.objects.exists()
    assert not storage.exists(name)
    kept.refresh_from_db()
    assert kept.anonymised_on is None


def test_headquarters_reads_the_log_and_provinces_do_not(client, hq_user, province_user):
    AnonymisationLog.objects.create(
        rule="closed_on < 2026-12-10, COMPLAINT_RETENTION_DAYS=1095",
        closed_before=datetime.date(2026, 12, 10),
        complaints=2,
        complaint_ids=[41, 42],
    )
    log_in(client, hq_user)
    assert "COMPLAINT_RETENTION_DAYS=1095" in client.get("/complaints/retention/").content.decode()
    log_in(client, province_user)
    assert client.get("/complaints/retention/").status_code in (403, 404)
