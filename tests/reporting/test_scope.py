"""Guangdong's staff cannot read or write Zhejiang's report: 404 on pages, API and PDFs."""

import pytest
from django.urls import reverse

from portal.models import Job
from reporting.services.reports import REPORT


@pytest.fixture
def submitted_zhejiang(zhejiang_report, other_province_user):
    from .conftest import fill_in

    fill_in(zhejiang_report)
    REPORT.apply(zhejiang_report, "review", other_province_user)
    return REPORT.apply(zhejiang_report, "submit", other_province_user).version


@pytest.mark.parametrize("name", ["reporting:report", "reporting:report_edit"])
def test_pages_of_another_unit_are_404(client_for, province_user, submitted_zhejiang, name):
    url = reverse(name, args=[submitted_zhejiang.report_id])

    assert client_for(province_user).get(url).status_code == 404


def test_writes_to_another_unit_are_404(client_for, province_user, zhejiang_report):
    client = client_for(province_user)
    edit = reverse("reporting:report_edit", args=[zhejiang_report.pk])
    review = reverse("reporting:report_transition", args=[zhejiang_report.pk, "review"])

    assert client.post(edit, {"lock_version": 1, "task-1": "x"}).status_code == 404
    assert client.post(review).status_code == 404
    zhejiang_report.refresh_from_db()
    assert zhejiang_report.status == "draft" and "task-1" not in zhejiang_report.texts


def test_pdfs_of_another_unit_are_404_and_start_no_job(
    client_for, province_user, submitted_zhejiang
):
    client = client_for(province_user)
    report_pdf = reverse("reporting:report_pdf", args=[submitted_zhejiang.report_id])
    version_pdf = reverse("reporting:version_pdf", args=[submitted_zhejiang.pk])

    assert client.post(report_pdf).status_code == 404
    assert client.post(version_pdf).status_code == 404
    assert not Job.objects.exists()


def test_api_of_another_unit_is_404(client_for, province_user, submitted_zhejiang):
    client = client_for(province_user)
    report_id = submitted_zhejiang.report_id

    assert client.get(f"/api/v1/reporting/reports/{report_id}/").status_code == 404
    assert client.post(f"/api/v1/reporting/reports/{report_id}/review/").status_code == 404
    assert client.get(f"/api/v1/reporting/versions/{submitted_zhejiang.pk}/").status_code == 404
    listed = client.get("/api/v1/reporting/reports/").json()["results"]
    assert {row["reporting_unit"]["code"] for row in listed} == {"440000"}


def test_headquarters_see_every_unit(client_for, hq_user, submitted_zhejiang):
    client = client_for(hq_user)

    assert (
        client.get(reverse("reporting:report", args=[submitted_zhejiang.report_id])).status_code
        == 200
    )
    assert (
        client.get(f"/api/v1/reporting/reports/{submitted_zhejiang.report_id}/").status_code == 200
    )


def test_every_write_is_audited(client_for, other_province_user, zhejiang_report):
    from portal.audit import history_for

    url = reverse("reporting:report_edit", args=[zhejiang_report.pk])
    client_for(other_province_user).post(url, {"lock_version": 1, "task-1": "审计"})

    entry = history_for(zhejiang_report).first()
    assert entry.actor == other_province_user and entry.source == "web"
    assert entry.changes["lock_version"] == [1, 2]
