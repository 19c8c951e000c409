"""The import end to end through the pages: preview, job, upsert, rejected rows, audit."""

import io
import os
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from enterprises.models import Enterprise
from portal.models import AuditEntry, Job
from tests.enterprises.test_import_files import csv_bytes, row, xlsx
from tests.factories import random_uscc
from tests.logins import log_in

pytestmark = pytest.mark.usefixtures("english")


def upload(client, data, name="enterprises.xlsx"):
    return client.post(reverse("enterprises:import"), {"file": SimpleUploadedFile(name, data)})


def run(client, data, mode="good", name="enterprises.xlsx"):
    preview = upload(client, data, name)
    assert preview.status_code == 200
    token = preview.context["start_form"].initial["token"]
    response = client.post(reverse("enterprises:import_start"), {"token": token, "mode": mode})
    assert response.status_code == 302
    return Job.objects.get(pk=response.url.rstrip("/").split("/")[-1])


@pytest.fixture
def gd_client(client_for, province_user):
    return client_for(province_user)


def test_upload_page_and_template(gd_client):
    assert gd_client.get(reverse("enterprises:import")).status_code == 200
    response = gd_client.get(reverse("enterprises:import_template"))
    assert (
        load_workbook(io.BytesIO(response.content))
        .active["A1"]
        .value.startswith("统一社会信用代码")
    )


def test_preview_writes_nothing_and_lists_problems(gd_client):
    code = random_uscc()
    response = upload(gd_client, xlsx([row(code), row(code)]))
    assert not Enterprise.objects.exists()
    assert response.context["checked"].problems[0].row == 3
    assert "row 2" in response.text


def test_preview_of_a_bad_file_offers_no_import(gd_client):
    response = upload(gd_client, b"not a spreadsheet\x00\x01", "enterprises.xlsx")
    assert response.context["checked"].file_problems and b"import_start" not in response.content


def test_import_creates_and_reimport_changes_nothing(gd_client, province_user):
    data = xlsx([row(name="广州甲餐饮"), row(name="广州乙酒店")])
    job = run(gd_client, data)
    assert job.status == "done" and job.result["created"] == 2
    assert Enterprise.objects.count() == 2
    entries = AuditEntry.objects.filter(action="create", content_type__model="enterprise")
    assert (
        entries.count() == 2
        and entries.first().actor == province_user
        and entries.first().source == "task"
    )
    assert "name_bigrams" not in entries.first().changes
    assert list(Enterprise.objects.filter(name_bigrams__bigrams="'乙酒'")) == [
        Enterprise.objects.get(name="广州乙酒店")
    ]
    before = AuditEntry.objects.count()
    again = run(gd_client, data)
    assert again.result == {"created": 0, "updated": 0, "unchanged": 2, "rejected": 0}
    assert AuditEntry.objects.count() == before


def test_reimport_with_a_change_updates_and_audits(gd_client):
    code = random_uscc()
    run(gd_client, xlsx([row(code, name="广州甲餐饮")]))
    job = run(gd_client, xlsx([row(code, name="广州甲餐饮连锁")]))
    assert job.result["updated"] == 1
    enterprise = Enterprise.objects.get(uscc=code)
    assert enterprise.name == "广州甲餐饮连锁"
    entry = AuditEntry.objects.get(action="update", object_id=str(enterprise.pk))
    assert entry.changes == {"name": ["广州甲餐饮", "广州甲餐饮连锁"]}


def test_good_rows_only_returns_rejected_rows_with_reason(gd_client, province_user):
    bad = row("914403001922038217")
    job = run(gd_client, xlsx([row(), bad, row(random_uscc("330106"), division="")]), mode="good")
    assert job.status == "done" and job.result["created"] == 1 and job.result["rejected"] == 2
    download = gd_client.get(reverse("portal:job_download", args=[job.pk]))
    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    rows = list(sheet.values)
    assert rows[0][-1] == "Reason" and len(rows) == 3
    assert rows[1][0] == "914403001922038217" and "18" in rows[1][-1]


def test_all_or_nothing_writes_nothing_when_a_row_is_bad(gd_client):
    job = run(gd_client, xlsx([row(), row("914403001922038217")]), mode="all")
    assert job.status == "failed" and not Enterprise.objects.exists()
    assert (
        job.result_file and not AuditEntry.objects.filter(content_type__model="enterprise").exists()
    )


def test_csv_import(gd_client):
    job = run(gd_client, csv_bytes([row()], encoding="gb18030"), name="e.csv")
    assert job.result["created"] == 1


def test_job_page_shows_result(gd_client):
    job = run(gd_client, xlsx([row()]))
    page = gd_client.get(reverse("portal:job", args=[job.pk]))
    assert "1 new" in page.text


def test_other_users_cannot_start_someone_elses_upload(gd_client, other_province_user):
    preview = upload(gd_client, xlsx([row()]))
    token = preview.context["start_form"].initial["token"]
    other = Client()
    log_in(other, other_province_user)
    response = other.post(reverse("enterprises:import_start"), {"token": token, "mode": "good"})
    assert response.status_code == 404 and not Enterprise.objects.exists()


def test_enterprise_users_cannot_import(client_for, enterprise_user):
    response = client_for(enterprise_user).post(
        reverse("enterprises:import"), {"file": SimpleUploadedFile("a.csv", b"a")}
    )
    assert response.status_code == 403


def test_upload_without_file_is_400(gd_client):
    assert gd_client.post(reverse("enterprises:import"), {}).status_code == 400


def test_uploaded_file_is_removed_after_the_job(gd_client):
    from django.core.files.storage import default_storage

    preview = upload(gd_client, xlsx([row()]))
    name = gd_client.session["enterprise_imports"][
        str(preview.context["start_form"].initial["token"])
    ]
    assert default_storage.exists(name)
    token = preview.context["start_form"].initial["token"]
    gd_client.post(reverse("enterprises:import_start"), {"token": token, "mode": "all"})
    assert not default_storage.exists(name)


def test_rejected_rows_file_writes_formulas_back_as_text(gd_client):
    hostile = row("914403001922038217", name='=HYPERLINK("http://x","y")')
    hostile[3] = "=1+1"
    job = run(gd_client, xlsx([row(), hostile]), mode="good")
    download = gd_client.get(reverse("portal:job_download", args=[job.pk]))
    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    name, representative = sheet["B2"], sheet["D2"]
    assert name.value == '=HYPERLINK("http://x","y")' and name.data_type == "s"
    assert representative.value == "=1+1" and representative.data_type == "s"


def stored_preview(client, data):
    """Upload for a preview; the token and the name of the stored copy."""
    token = str(upload(client, data).context["start_form"].initial["token"])
    return token, client.session["enterprise_imports"][token]


def age(name, hours):
    from django.core.files.storage import default_storage

    stamp = time.time() - hours * 3600
    os.utime(default_storage.path(name), (stamp, stamp))


def test_cancel_removes_the_copy_and_the_token(gd_client):
    from django.core.files.storage import default_storage

    token, name = stored_preview(gd_client, xlsx([row()]))
    response = gd_client.post(reverse("enterprises:import_cancel"), {"token": token})
    assert response.status_code == 302 and not default_storage.exists(name)
    again = gd_client.post(reverse("enterprises:import_start"), {"token": token, "mode": "good"})
    assert again.status_code == 404 and not Enterprise.objects.exists()


def test_a_file_that_cannot_be_imported_keeps_no_copy(gd_client):
    code = random_uscc()
    upload(gd_client, xlsx([row("914403001922038217")]))
    upload(gd_client, b"not a spreadsheet\x00")
    assert not gd_client.session.get("enterprise_imports")
    assert upload(gd_client, xlsx([row(code)])).context["checked"].good


def test_an_expired_preview_cannot_be_imported_and_is_removed(gd_client):
    from django.core.files.storage import default_storage

    token, name = stored_preview(gd_client, xlsx([row()]))
    age(name, 2.1)
    response = gd_client.post(reverse("enterprises:import_start"), {"token": token, "mode": "good"})
    assert response.url == reverse("enterprises:import")
    assert not default_storage.exists(name) and not Enterprise.objects.exists()
    assert not Job.objects.exists()


def test_a_preview_just_under_its_time_to_live_is_imported(gd_client):
    token, name = stored_preview(gd_client, xlsx([row()]))
    age(name, 1.9)
    gd_client.post(reverse("enterprises:import_start"), {"token": token, "mode": "good"})
    assert Enterprise.objects.count() == 1


def test_cleanup_removes_only_copies_past_their_time_to_live_and_grace(gd_client):
    from django.core.files.storage import default_storage

    _token, old = stored_preview(gd_client, xlsx([row()]))
    _token, queued = stored_preview(gd_client, xlsx([row()]))
    _token, young = stored_preview(gd_client, xlsx([row()]))
    age(old, 3.1)
    age(queued, 2.9)
    call_command("remove_expired_imports", stdout=io.StringIO())
    assert not default_storage.exists(old)
    assert default_storage.exists(queued) and default_storage.exists(young)
