"""Uploads through the pages: stored privately, served with safe headers, only within scope."""

import importlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from enterprises.services import certificates as certificate_service
from reporting.models import Attachment
from tests import factories, scope_objects
from tests.factories import act_for

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def attach(client, report, name, content):
    url = reverse("reporting:attachment_upload", args=[report.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, content)}, follow=True)


def download(client, attachment):
    return client.get(reverse("reporting:attachment", args=[attachment.pk]))


@pytest.fixture
def report(db):
    return scope_objects.make_model("reporting.ProgressReport", "440000")


def test_a_pdf_named_exe_is_stored_privately_and_served_as_pdf(client_for, province_user, report):
    client = client_for(province_user)
    attach(client, report, "自查报告.exe", PDF)

    attachment = report.attachments.get()
    stored = Path(attachment.file.path)
    assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT))
    assert stored.suffix == ".pdf" and "自查报告" not in stored.name
    response = download(client, attachment)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].endswith(
        "filename*=UTF-8''%E8%87%AA%E6%9F%A5%E6%8A%A5%E5%91%8A.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert b"".join(response.streaming_content) == PDF


def test_evil_html_can_neither_escape_nor_be_served_as_html(client_for, province_user, report):
    client = client_for(province_user)
    page = attach(client, report, "../../evil.html", b"<html><script>alert(1)</script></html>")
    assert "该文件是 HTML 网页" in page.text
    assert not report.attachments.exists()

    attach(client, report, "../../evil.html", PDF)
    attachment = report.attachments.get()
    assert attachment.name == "evil.pdf"
    assert (
        Path(attachment.file.path)
        .resolve()
        .is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    )
    response = download(client, attachment)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="evil.pdf"'


def test_a_legacy_row_with_an_html_file_is_served_as_a_download_of_unknown_type(
    client_for, hq_user, report
):
    attachment = Attachment(report=report, name="evil.html", content_kind="pdf", size=10)
    attachment.file.save("evil.html", ContentFile(b"<html><script>x</script>"), save=False)
    attachment.save()

    response = download(client_for(hq_user), attachment)

    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == 'attachment; filename="evil.bin"'


def test_refusals_name_the_field_the_type_and_the_limit(client_for, province_user, report):
    client = client_for(province_user)
    client.cookies["django_language"] = "en"
    limit = 20 * 1024 * 1024

    zipped = attach(client, report, "a.pdf", b"PK\x03\x04" + b"\x00" * 40).text
    big = attach(client, report, "b.pdf", PDF.ljust(limit + 1, b" ")).text
    empty = attach(client, report, "c.pdf", b"").text

    assert "“Attachment”: this file is a ZIP archive, not a PDF" in zipped
    assert "20971521 bytes" in big and "20971520 bytes" in big
    assert "“Attachment”: the file is empty." in empty
    assert not report.attachments.exists()


def test_the_attachment_limit_itself_is_accepted(client_for, province_user, report):
    attach(client_for(province_user), report, "a.pdf", PDF.ljust(20 * 1024 * 1024, b" "))
    assert report.attachments.get().size == 20 * 1024 * 1024


def scan_of_guangdong():
    user = factories.enterprise_user(username="gd-ent")
    enterprise = act_for(user, enterprise=scope_objects.enterprise("440000"))
    certificate = scope_objects.make_model("enterprises.Certificate", "440000")
    certificate.enterprise = enterprise
    certificate.scan = certificate_service.accept_scan(SimpleUploadedFile("扫描件.pdf", PDF))
    certificate.save()
    return user, certificate


def test_downloads_are_404_outside_each_roles_scope(
    client_for, hq_user, province_user, other_province_user, enterprise_user
):
    owner, certificate = scan_of_guangdong()
    scan_url = reverse("enterprises:certificate_scan", args=[certificate.pk])
    attachment = scope_objects.make_model("reporting.Attachment", "440000")
    attachment_url = reverse("reporting:attachment", args=[attachment.pk])
    act_for(enterprise_user, enterprise=scope_objects.enterprise("330000"))

    for user in (hq_user, province_user, owner):
        assert client_for(user).get(scan_url).status_code == 200
    for user in (other_province_user, enterprise_user):
        assert client_for(user).get(scan_url).status_code == 404
    for user in (hq_user, province_user):
        assert client_for(user).get(attachment_url).status_code == 200
    for user in (other_province_user, enterprise_user, owner):
        assert client_for(user).get(attachment_url).status_code == 404
    anonymous = client_for(hq_user)
    anonymous.logout()
    assert anonymous.get(scan_url).status_code == 302
    assert anonymous.get(attachment_url).status_code == 302


def test_the_scan_downloads_under_the_certificate_number(client_for, hq_user):
    _owner, certificate = scan_of_guangdong()
    response = client_for(hq_user).get(
        reverse("enterprises:certificate_scan", args=[certificate.pk])
    )
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{certificate.number}.pdf"'


def test_the_migration_moves_existing_attachments_into_private_storage(
    report, django_capture_on_commit_callbacks
):
    public = FileSystemStorage(location=settings.MEDIA_ROOT)
    old_name = public.save("reporting/attachments/2026/evil.html", ContentFile(PDF))
    attachment = Attachment.objects.create(
        report=report, file=old_name, name="../../evil.html", content_kind="pdf", size=len(PDF)
    )
    migration = importlib.import_module("reporting.migrations.0003_attachments_in_private_storage")
    from django.apps import apps

    with django_capture_on_commit_callbacks(execute=True):
        migration.to_private(apps, connection.schema_editor())

    attachment.refresh_from_db()
    assert not public.exists(old_name)
    assert attachment.name == "evil.pdf"
    assert attachment.file.name.startswith("reporting/attachments/")
    assert attachment.file.name.endswith(".pdf") and "evil" not in attachment.file.name
    assert Path(attachment.file.path).is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert attachment.file.read() == PDF
