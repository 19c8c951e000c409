"""PDF, ZIP and summary downloads and attachment downloads are in the audit trail."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.models import AuditEntry, Job

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def downloads():
    return AuditEntry.objects.filter(action="download").order_by("pk")


def test_a_report_pdf_is_recorded_when_downloaded(client_for, province_user, version):
    client = client_for(province_user)
    job_url = client.post(reverse("reporting:version_pdf", args=[version.pk])).url
    assert not downloads().exists()

    client.get(f"{job_url}download/")

    entry = downloads().get()
    assert entry.actor == province_user and entry.source == "web"
    assert entry.changes["kind"] == [None, "reporting_pdf"]
    assert entry.changes["file"][1].startswith("2019-440000-v1")
    assert str(version) in entry.object_repr


def test_the_zip_and_the_national_summary_are_recorded(client_for, hq_user, version):
    client = client_for(hq_user)
    round_id = version.report.round_id
    zip_url = client.post(reverse("reporting:round_zip", args=[round_id])).url
    summary_url = client.post(reverse("reporting:round_summary", args=[round_id])).url

    client.get(f"{zip_url}download/")
    client.get(f"{summary_url}download/")
    client.get(reverse("reporting:summary_pdf", args=[round_id]))

    kinds = [entry.changes.get("kind", [None, "summary page"])[1] for entry in downloads()]
    assert kinds == ["reporting_zip", "reporting_summary", "summary page"]
    assert downloads().last().changes["file"] == [None, "national-summary-2019.pdf"]
    assert {entry.actor for entry in downloads()} == {hq_user}


def test_an_attachment_download_is_recorded_on_the_attachment(
    client_for, province_user, hq_user, guangdong_report
):
    url = reverse("reporting:attachment_upload", args=[guangdong_report.pk])
    client_for(province_user).post(url, {"file": SimpleUploadedFile("自查报告.pdf", PDF)})
    attachment = guangdong_report.attachments.get()

    client_for(hq_user).get(reverse("reporting:attachment", args=[attachment.pk]))

    entry = downloads().get()
    assert entry.actor == hq_user and entry.object_id == str(attachment.pk)
    assert entry.content_type.model == "attachment"
    assert entry.reporting_unit.code == "440000"
    assert entry.changes == {"file": [None, "自查报告.pdf"]}


def test_a_refused_download_is_not_recorded(client_for, other_province_user, version):
    client = client_for(other_province_user)

    assert client.post(reverse("reporting:version_pdf", args=[version.pk])).status_code == 404
    assert not Job.objects.exists() and not downloads().exists()
