"""Report and summary PDFs: A4, CJK fonts embedded, Chinese text extractable, "— N —"."""

import io
import subprocess
import zipfile

from django.conf import settings as django_settings
from django.urls import reverse
from pypdf import PdfReader

from portal.models import Job
from reporting.models import Measure, NationalSummary, ReportVersion
from reporting.services.pdfs import version_pdf
from reporting.services.summary import compile_summary
from tests.pdfs import font_of

from .conftest import NARRATIVE

A4 = (595.28, 841.89)


def text_of(pdf):
    """The PDF's text as pdftotext extracts it, line breaks and spaces removed."""
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return "".join(out.stdout.decode().split())


def test_report_pdf_is_an_a4_official_document_in_chinese(version):
    pdf = version_pdf(version.pk).pdf.read()

    reader = PdfReader(io.BytesIO(pdf))
    assert all(
        (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2)) == A4
        for p in reader.pages
    )
    assert font_of(pdf, NARRATIVE[:8]) == "FandolFang"  # 仿宋 body
    assert font_of(pdf, "一、") == "FandolHei"  # 黑体 first-level heading
    text = text_of(pdf)
    assert "广东省市场监督管理局" in text
    assert "广东省检验检测公共服务平台" in text
    assert NARRATIVE[:12] in text
    assert "—2—" in text


def test_a_version_is_rendered_once_and_cached(version):
    first = version_pdf(version.pk).pdf.name
    second = version_pdf(version.pk).pdf.name

    assert first == second
    assert ReportVersion.objects.get(pk=version.pk).pdf.name == first


def test_the_pdf_comes_from_the_snapshot_not_live_data(version):
    Measure.objects.update(name="提交后改过的名称")

    text = text_of(version_pdf(version.pk).pdf.read())

    assert "广东省检验检测公共服务平台" in text
    assert "提交后改过的名称" not in text


def test_national_summary_compares_the_units(version, opened):
    summary = compile_summary(opened)

    text = text_of(summary.pdf.read())
    assert "国家市场监督管理总局" in text
    assert "广东省" in text and "新疆生产建设兵团" in text
    assert summary.data["units"][0]["code"] == "110000"


def test_headquarters_download_the_pdf_the_zip_and_the_summary(client_for, hq_user, version):
    client = client_for(hq_user)
    job_url = client.post(reverse("reporting:report_pdf", args=[version.report_id])).url
    response = client.get(f"{job_url}download/")
    assert response["Content-Type"] == "application/pdf"

    job_url = client.post(reverse("reporting:round_zip", args=[version.report.round_id])).url
    job = client.get(job_url).context["job"]
    assert job.status == "done"
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"{job_url}download/").getvalue()))
    assert archive.namelist() == ["2019-440000-v1.pdf"]

    client.post(reverse("reporting:round_summary", args=[version.report.round_id]))
    assert NationalSummary.objects.count() == 1
    summary = client.get(reverse("reporting:summary_pdf", args=[version.report.round_id]))
    assert b"".join(summary.streaming_content).startswith(b"%PDF-")


def test_a_pdf_download_is_a_job_whose_page_offers_the_pdf(client_for, province_user, version):
    client = client_for(province_user)
    url = reverse("reporting:report_pdf", args=[version.report_id])
    assert client.get(url).status_code == 405  # nothing is rendered by a plain request

    started = client.post(url)
    job = Job.objects.get(kind="reporting_pdf")
    assert started.url == job.get_absolute_url()
    page = client.get(started.url)
    assert page.context["job"].status == Job.Status.DONE
    assert f'href="{job.get_absolute_url()}download/"' in page.content.decode()
    download = client.get(f"{started.url}download/")
    assert download["Content-Type"] == "application/pdf"
    assert NARRATIVE[:12] in text_of(b"".join(download.streaming_content))


def test_a_second_download_reuses_the_rendered_pdf(client_for, province_user, version):
    client = client_for(province_user)
    client.post(reverse("reporting:report_pdf", args=[version.report_id]))
    rendered = ReportVersion.objects.get(pk=version.pk).pdf.name
    client.post(reverse("reporting:version_pdf", args=[version.pk]))

    assert ReportVersion.objects.get(pk=version.pk).pdf.name == rendered
    assert {job.result_file.name for job in Job.objects.all()} == {rendered}


def test_a_report_over_the_page_limit_fails_its_job_with_a_message(
    client_for, province_user, version, settings
):
    settings.PORTAL_PDF_MAX_PAGES = 2
    client = client_for(province_user)
    job_url = client.post(reverse("reporting:report_pdf", args=[version.report_id])).url

    page = client.get(job_url).content.decode()
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED and not job.result_file
    assert "2019-440000-v1.pdf：未生成 PDF" in page and "超过 2 页的上限" in page
    assert "/download/" not in page
    assert not ReportVersion.objects.get(pk=version.pk).pdf


def test_the_page_limit_message_is_in_english_for_an_english_reader(
    client_for, province_user, version, settings
):
    settings.PORTAL_PDF_MAX_PAGES = 2
    client = client_for(province_user)
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    client.post(reverse("reporting:report_pdf", args=[version.report_id]))

    assert "more than the limit of 2 pages" in Job.objects.get().message


def test_a_zip_with_a_report_over_the_page_limit_fails_naming_it(
    client_for, hq_user, version, settings
):
    settings.PORTAL_PDF_MAX_PAGES = 2
    client = client_for(hq_user)
    client.post(reverse("reporting:round_zip", args=[version.report.round_id]))

    job = Job.objects.get()
    assert job.status == Job.Status.FAILED and not job.result_file
    assert job.message.startswith("2019-440000-v1.pdf：未生成 PDF")


def _charted(snapshot):
    from reporting.services.pdfs import report_context

    return {s["heading"]: s for s in report_context(snapshot)["sections"]}


def test_a_section_whose_figures_are_all_zero_says_so_instead_of_a_chart(version):
    snapshot = dict(version.snapshot)
    snapshot["history"] = []
    snapshot["figures"] = [
        {**f, "value": 0} if f["task"] == 1 else f for f in version.snapshot["figures"]
    ]
    first = next(iter(_charted(snapshot).values()))
    assert first["figures"] and first["no_data"] and first["chart"] == ""
    snapshot["figures"] = [
        {**f, "value": 3} if f["task"] == 1 else f for f in version.snapshot["figures"]
    ]
    assert not next(iter(_charted(snapshot).values()))["no_data"]


def test_figures_of_different_units_never_share_a_chart(version):
    snapshot = dict(version.snapshot)
    snapshot["history"] = []
    task_1 = [f for f in version.snapshot["figures"] if f["task"] == 1][:2]
    others = [f for f in version.snapshot["figures"] if f["task"] != 1]
    one_each = [
        {**task_1[0], "value": 1, "unit": "项"},
        {**task_1[1], "value": 12800, "unit": "人"},
    ]
    snapshot["figures"] = one_each + others
    first = next(iter(_charted(snapshot).values()))
    assert first["chart"] == ""  # one figure per unit: nothing to compare on one axis
    same = [{**task_1[0], "value": 1, "unit": "项"}, {**task_1[1], "value": 4, "unit": "项"}]
    snapshot["figures"] = same + others
    assert "(项)" in str(next(iter(_charted(snapshot).values()))["chart"])


def test_trend_lines_carry_only_the_figures_of_one_unit(version):
    import base64
    import re

    snapshot = dict(version.snapshot)
    task_1 = [f for f in version.snapshot["figures"] if f["task"] == 1][:3]
    others = [f for f in version.snapshot["figures"] if f["task"] != 1]
    mixed = [
        {**task_1[0], "label": "措施甲", "value": 1, "unit": "项"},
        {**task_1[1], "label": "措施乙", "value": 2, "unit": "项"},
        {**task_1[2], "label": "培训人数", "value": 12800, "unit": "人"},
    ]
    snapshot["figures"] = mixed + others
    snapshot["history"] = [{"round": 2018, "values": {f["key"]: 1 for f in mixed}}]
    image = str(next(iter(_charted(snapshot).values()))["chart"])
    svg = base64.b64decode(re.search(r"base64,([^\"]+)", image).group(1)).decode()
    assert "措施甲" in svg and "措施乙" in svg and "培训人数" not in svg
    assert "12,800" not in svg
