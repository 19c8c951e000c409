"""Report and summary PDFs: A4, CJK fonts embedded, Chinese text extractable, "— N —"."""

import io
import subprocess
import zipfile
from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from reporting.models import Measure, NationalSummary, ReportVersion
from reporting.services.pdfs import version_pdf
from reporting.services.reports import REPORT
from reporting.services.summary import compile_summary
from tests.pdfs import pdf_fonts

from .conftest import NARRATIVE

A4 = (595.28, 841.89)


def text_of(pdf):
    """The PDF's text as pdftotext extracts it, line breaks and spaces removed."""
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return "".join(out.stdout.decode().split())


@pytest.fixture
def version(guangdong_report, province_user):
    Measure.objects.create(
        reporting_unit=guangdong_report.reporting_unit,
        task=1,
        kind="platform",
        name="广东省检验检测公共服务平台",
        platforms=3,
        pilots=2,
        started_on=date(2019, 4, 1),
    )
    REPORT.apply(guangdong_report, "review", province_user)
    return REPORT.apply(guangdong_report, "submit", province_user).version


def test_report_pdf_is_an_a4_official_document_in_chinese(version):
    pdf = version_pdf(version.pk).pdf.read()

    reader = PdfReader(io.BytesIO(pdf))
    assert all(
        (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2)) == A4
        for p in reader.pages
    )
    assert any("CJK" in name for name in pdf_fonts(pdf))
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
    response = client.get(reverse("reporting:report_pdf", args=[version.report_id]))
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
