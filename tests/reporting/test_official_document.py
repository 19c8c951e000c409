"""The report and the national summary carry the elements of an official document
(GB/T 9704-2012): 版头, 发文字号, 主送机关, 附件说明, 落款 and 版记 on the last, even page."""

import io
import re
import subprocess

import pytest
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from portal.models import ReportingUnit
from reporting.services.pdfs import render_snapshot, version_pdf
from reporting.services.reports import REPORT
from reporting.services.summary import compile_summary

GUANGDONG = ["广东省市场监督管理局", "广东省发展和改革委员会"]


def page_count(pdf):
    return len(PdfReader(io.BytesIO(pdf)).pages)


def page_text(pdf, page):
    """The page's text as pdftotext extracts it, without spaces or line breaks."""
    args = ["pdftotext", "-f", str(page), "-l", str(page), "-", "-"]
    out = subprocess.run(args, input=pdf, capture_output=True, check=True).stdout.decode()
    return "".join(out.split())


def top_of(pdf, page, word):
    """The top (pt from the page's top) of the first word on the page starting with word."""
    args = ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), "-", "-"]
    html = subprocess.run(args, input=pdf, capture_output=True, check=True).stdout.decode()
    words = re.findall(r'yMin="([\d.]+)"[^>]*>([^<]+)</word>', html)
    return next(float(y) for y, text in words if text.startswith(word))


def red_rows(pdf, tmp_path):
    """The pixel rows of page 1 (at 30 dpi) holding red: the masthead and its line."""
    (tmp_path / "doc.pdf").write_bytes(pdf)
    args = ["pdftoppm", "-r", "30", "-f", "1", "-l", "1", "-singlefile", "-png"]
    subprocess.run([*args, tmp_path / "doc.pdf", tmp_path / "page"], check=True)
    image = Image.open(tmp_path / "page.png").convert("RGB")
    width, height = image.size
    return {
        y
        for y in range(height)
        for x in range(width)
        if (lambda r, g, b: r > 150 and g < 80 and b < 80)(*image.getpixel((x, y)))
    }


@pytest.fixture
def report_pdf(version):
    return version_pdf(version.pk).pdf.read()


def test_every_unit_has_a_document_prefix_of_its_own(db):
    prefixes = dict(ReportingUnit.objects.values_list("code", "document_prefix"))
    assert len(prefixes) == 37 and "" not in prefixes.values()
    assert len(set(prefixes.values())) == 37
    assert prefixes["440000"] == "粤市监" and prefixes["440300"] == "深市监"


def test_the_masthead_names_both_authorities_in_red_above_the_number(version, report_pdf, tmp_path):
    year = timezone.localdate(version.submitted_at).year
    first = page_text(report_pdf, 1)
    assert first.startswith(f"{GUANGDONG[0]}{GUANGDONG[1]}粤市监〔{year}〕1号")
    rows = red_rows(report_pdf, tmp_path)
    title_row = top_of(report_pdf, 1, "广东省2019") * 30 / 72
    assert rows and max(rows) < title_row  # names and separator line, above the title


def test_the_document_number_counts_the_units_submissions_in_the_year(
    version, hq_user, province_user
):
    report = version.report
    REPORT.apply(report, "return", hq_user, reason="请补充数据来源。")
    second = REPORT.apply(report, "resubmit", province_user).version
    year = timezone.localdate(second.submitted_at).year
    assert second.snapshot["document_number"] == f"粤市监〔{year}〕2号"

    ReportingUnit.objects.filter(code="440000").update(document_prefix="粤市监函")
    REPORT.apply(report, "return", hq_user, reason="再补充。")
    third = REPORT.apply(report, "resubmit", province_user).version
    assert third.snapshot["document_number"] == f"粤市监函〔{year}〕3号"


def test_the_report_is_addressed_to_samr_and_ndrc_and_signed_by_both(version, report_pdf):
    assert "市场监管总局、国家发展改革委：" in page_text(report_pdf, 1)
    pages = page_count(report_pdf)
    signed = "".join(page_text(report_pdf, p) for p in range(pages - 2, pages + 1))
    day = timezone.localdate(version.submitted_at)
    assert f"{GUANGDONG[0]}{GUANGDONG[1]}{day.year}年{day.month}月{day.day}日" in signed


def test_the_attachment_note_lists_attachments_only_when_there_are_some(version, report_pdf):
    text = "".join(page_text(report_pdf, p) for p in range(1, page_count(report_pdf) + 1))
    assert "附件：1." not in text and "、附件" not in text  # no note, no empty heading
    snapshot = {
        **version.snapshot,
        "attachments": [
            {"name": "典型案例汇编.pdf", "kind": "pdf", "size": 1},
            {"name": "统计表.xlsx", "kind": "xlsx", "size": 1},
        ],
    }
    pdf = render_snapshot(snapshot)
    text = "".join(page_text(pdf, p) for p in range(1, page_count(pdf) + 1))
    assert "附件：1.典型案例汇编.pdf2.统计表.xlsx" in text


def test_the_imprint_is_at_the_foot_of_the_last_even_page(version, report_pdf):
    pages = page_count(report_pdf)
    last = page_text(report_pdf, pages)
    day = timezone.localdate(version.submitted_at)
    assert pages % 2 == 0
    assert "抄送：广东省人民政府办公厅。" in last
    assert f"广东省市场监督管理局办公室{day.year}年{day.month}月{day.day}日印发" in last
    assert top_of(report_pdf, pages, "抄送") > 600  # the foot of the type area (742 pt)
    assert all("抄送" not in page_text(report_pdf, p) for p in range(1, pages))


def test_the_national_summary_is_samrs_filing_copied_to_the_ndrc(version, opened, tmp_path):
    pdf = compile_summary(opened).pdf.read()
    pages = page_count(pdf)
    first, last = page_text(pdf, 1), page_text(pdf, pages)
    assert first.startswith("国家市场监督管理总局2019年")  # masthead, no number
    assert "〔" not in first and "：" not in first.split("一、")[0]  # no 主送 to itself
    assert red_rows(pdf, tmp_path)
    assert pages % 2 == 0
    assert "抄送：国家发展和改革委员会。" in last
    assert "国家市场监督管理总局办公厅" in last


def lines_of(pdf, first, last):
    """The non-empty lines pdftotext reads on pages first..last, spaces removed."""
    args = ["pdftotext", "-f", str(first), "-l", str(last), "-", "-"]
    out = subprocess.run(args, input=pdf, capture_output=True, check=True).stdout.decode()
    return ["".join(line.split()) for line in out.splitlines() if line.strip()]


def test_the_title_breaks_where_the_meaning_allows(report_pdf, opened):
    lines = lines_of(report_pdf, 1, 1)
    assert "广东省2019年服务业质量提升" in lines and "专项行动进展情况报告" in lines
    summary = compile_summary(opened).pdf.read()
    lines = lines_of(summary, 1, 1)
    assert "2019年服务业质量提升专项行动" in lines and "进展情况报告（全国汇总）" in lines


def test_table_headers_never_break_inside_a_bracketed_unit(version, opened, hq_user):
    REPORT.apply(version.report, "accept", hq_user)
    summary = compile_summary(opened)
    pdf = summary.pdf.read()
    lines = lines_of(pdf, 1, page_count(pdf))
    units = {f"（{f['unit']}）" for f in summary.data["figures"] if f["unit"]}
    whole = {unit: sum(line.count(unit) for line in lines) for unit in units}
    assert sum(whole.values()) > 20
    text = "".join(lines)
    assert {unit: text.count(unit) for unit in units} == whole  # none split across lines


def test_the_summary_compares_only_accepted_reports(version, opened, hq_user):
    submitted = compile_summary(opened)
    guangdong = next(u for u in submitted.data["units"] if u["code"] == "440000")
    assert guangdong["version"] == 1 and guangdong["values"] == {}
    text = "".join(lines_of(submitted.pdf.read(), 1, 40))
    assert "仅比较总部已采纳的报告数据" in text and "尚无已采纳的报告" in text

    REPORT.apply(version.report, "accept", hq_user)
    accepted = compile_summary(opened)
    guangdong = next(u for u in accepted.data["units"] if u["code"] == "440000")
    assert guangdong["values"] == {f["key"]: f["value"] for f in version.snapshot["figures"]}
    assert guangdong["status"] == "已采纳"
