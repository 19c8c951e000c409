"""Exports leave a trace: the registry workbook and the import's rejected rows are audited."""

from django.urls import reverse

from portal.models import AuditEntry
from tests.enterprises.test_import_run import row, run, xlsx
from tests.factories import EnterpriseFactory


def downloads():
    return AuditEntry.objects.filter(action="download")


def test_a_direct_export_records_who_took_which_rows(client_for, province_user):
    EnterpriseFactory(division_code="440106", name="广州华美餐饮")
    client = client_for(province_user)

    client.get(reverse("enterprises:export"), {"q": "华美"})

    entry = downloads().get()
    assert entry.actor == province_user and entry.source == "web"
    assert entry.reporting_unit.code == "440000"
    assert entry.changes["file"] == [None, "enterprises.xlsx"]
    assert entry.changes["rows"] == [None, 1]
    assert entry.changes["filters"] == [None, {"q": "华美"}]


def test_a_large_export_is_recorded_when_its_workbook_is_downloaded(
    client_for, hq_user, monkeypatch
):
    monkeypatch.setattr("enterprises.views.registry.EXPORT_DIRECT_LIMIT", 0)
    EnterpriseFactory(division_code="440106")
    client = client_for(hq_user)
    job_url = client.get(reverse("enterprises:export")).url
    assert not downloads().exists()  # started, not yet taken

    client.get(f"{job_url}download/")

    entry = downloads().get()
    assert entry.actor == hq_user and entry.object_repr == "导出企业"
    assert entry.changes["kind"] == [None, "enterprise_export"]
    assert entry.changes["file"][1].endswith(".xlsx")


def test_the_rejected_rows_file_is_recorded_when_downloaded(client_for, province_user):
    client = client_for(province_user)
    job = run(client, xlsx([row(), row("914403001922038217")]), mode="good")

    client.get(reverse("portal:job_download", args=[job.pk]))

    entry = downloads().get()
    assert entry.actor == province_user
    assert entry.changes["kind"] == [None, "enterprise_import"]
    assert entry.changes["file"] == [None, f"rejected-{job.pk}.xlsx"]


def test_someone_elses_job_file_is_refused_and_not_recorded(
    client_for, province_user, other_province_user
):
    job = run(client_for(province_user), xlsx([row(), row("914403001922038217")]))

    response = client_for(other_province_user).get(reverse("portal:job_download", args=[job.pk]))

    assert response.status_code == 404 and not downloads().exists()
