"""portal.pdf and the GB/T 9704-2012 stylesheet, checked on real PDFs.

The raw-HTML documents link gbt9704.css by its file:// URL, so they need no
template loader; the template-based ones go through pdf/document.html.
"""

import io
import re
import shutil
import subprocess

import pytest
from django.template import engines
from django.utils.safestring import mark_safe
from pypdf import PdfReader

from portal.charts import bar_chart, line_chart
from portal.pdf import GBT9704_CSS, TooManyPages, font_faces_css, render_document, render_pdf
from tests.pdfs import font_of, size_of

TITLE = "服务业质量提升专项行动进展情况报告"
PARAGRAPH = (
    "为深入贯彻落实党中央、国务院关于推动服务业高质量发展的决策部署，各地区各部门围绕"
    "服务业质量提升专项行动，聚焦重点领域和关键环节，持续完善服务质量标准体系，加强服务"
    "质量监测评价，推动服务质量治理能力不断提升，取得了积极成效。"
)
A4 = (595.28, 841.89)

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


def raw_document(body: str) -> str:
    css = GBT9704_CSS.as_uri()
    return (
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f'<link rel="stylesheet" href="{css}"></head><body>{body}</body></html>'
    )


def page_text(pdf: bytes, page: int) -> str:
    """Text of one page as pdftotext extracts it."""
    args = ["pdftotext", "-f", str(page), "-l", str(page), "-", "-"]
    return subprocess.run(args, input=pdf, capture_output=True, check=True).stdout.decode()


def footer(pdf: bytes, page: int) -> str:
    """The last line of a page (the page number), whitespace normalised."""
    lines = [line for line in page_text(pdf, page).splitlines() if line.strip()]
    return " ".join(lines[-1].split())


def footer_x(pdf: bytes, page: int) -> float:
    """Horizontal position (pt) of the page number digits."""
    args = ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), "-", "-"]
    html = subprocess.run(args, input=pdf, capture_output=True, check=True).stdout.decode()
    words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>(\d+)</word>', html)
    return next(float(x) for x, y, digits in words if float(y) > 740 and digits == str(page))


@pytest.fixture(scope="module")
def long_text_pdf() -> bytes:
    """Three-odd pages of body text laid out by the stylesheet alone."""
    body = f'<main class="content"><h1>{TITLE}</h1>' + f"<p>{PARAGRAPH}</p>" * 14 + "</main>"
    return render_pdf(raw_document(body))


@pytest.fixture(scope="module")
def report_pdf() -> bytes:
    """A cover, a table of contents and a body with a long table and charts, via the template."""
    rows = "".join(f"<tr><td>{i}</td><td>单位{i}</td><td>{i * 3}</td></tr>" for i in range(60))
    template = engines["django"].from_string(
        '{% extends "pdf/document.html" %}'
        "{% block title %}{{ title }}{% endblock %}"
        '{% block cover %}<h1 class="cover-title">{{ title }}</h1>{% endblock %}'
        '{% block toc %}<h2 class="toc-title">目录</h2><ol><li><a href="#s1">一、总体情况</a></li>'
        '<li><a href="#s2">二、各地区进展</a></li></ol>{% endblock %}'
        '{% block content %}<h1>{{ title }}</h1><h2 id="s1">一、总体情况</h2>'
        "<h3>（一）质量监测</h3><h4>1. 覆盖范围</h4><h5>（1）重点行业</h5><p>{{ p }}</p>"
        "<figure>{{ line }}</figure>"
        '<h2 id="s2">二、各地区进展</h2><table><thead><tr><th>序号</th><th>报送单位</th>'
        "<th>办结数</th></tr></thead><tbody>{{ rows }}</tbody></table>"
        "<figure>{{ bar }}</figure>{% endblock %}"
    )
    html = template.render(
        {
            "title": TITLE,
            "p": PARAGRAPH,
            "rows": mark_safe(rows),  # noqa: S308 - built from integers above
            "line": line_chart(["1月", "2月", "3月"], [("投诉", [1, None, 3])]),
            "bar": bar_chart(["内蒙古自治区", "<b>"], [("数量", [5, -2])]),
        }
    )
    return render_pdf(html)


def test_render_pdf_returns_a4_pages(long_text_pdf):
    reader = PdfReader(io.BytesIO(long_text_pdf))
    assert len(reader.pages) >= 3
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert width == pytest.approx(A4[0], abs=1) and height == pytest.approx(A4[1], abs=1)


def test_each_element_is_set_in_its_official_face(report_pdf):
    assert font_of(report_pdf, "推动服务业高质量发展") == "FandolFang"  # 仿宋 body
    assert font_of(report_pdf, "一、总体情况") == "FandolHei"  # 黑体 first level
    assert font_of(report_pdf, "（一）质量监测") == "FandolKai"  # 楷体 second level
    assert font_of(report_pdf, "进展情况报告") == "FandolSong-Bold"  # 小标宋 title
    assert font_of(report_pdf, "报送单位") == "FandolHei"  # table header


def test_only_the_fandol_files_present_are_declared(settings, tmp_path):
    settings.PORTAL_PDF_FONT_DIR = str(tmp_path)
    assert font_faces_css() == ""  # the stylesheet's Noto CJK fallbacks then apply
    (tmp_path / "FandolKai-Regular.otf").touch()
    assert font_faces_css() == (
        f'@font-face {{ font-family: "FandolKai"; font-weight: 400; '
        f'src: url("{(tmp_path / "FandolKai-Regular.otf").as_uri()}"); }}'
    )


@needs_poppler
def test_chinese_text_is_extractable(long_text_pdf):
    text = re.sub(r"\s+", "", page_text(long_text_pdf, 1))
    assert TITLE in text
    assert "推动服务业高质量发展" in text


@needs_poppler
def test_page_numbers_alternate_right_and_left(long_text_pdf):
    assert footer(long_text_pdf, 1) == "— 1 —"
    assert footer(long_text_pdf, 2) == "— 2 —"
    assert footer_x(long_text_pdf, 1) > A4[0] / 2  # odd pages: right
    assert footer_x(long_text_pdf, 2) < A4[0] / 2  # even pages: left


@needs_poppler
def test_full_pages_hold_22_lines_of_28_characters():
    pdf = render_pdf(raw_document(f'<main class="content"><p>{TITLE * 80}</p></main>'))
    lines = [line for line in page_text(pdf, 2).splitlines() if line.strip()]
    assert lines[-1].split() == ["—", "2", "—"]
    assert [len(line) for line in lines[:-1]] == [28] * 22


@needs_poppler
def test_tables_are_smaller_type_off_the_grid_and_the_body_keeps_it():
    """GB/T 9704 allows tables smaller type than the body's 16 pt: they take 12 pt (小四)
    off the line grid, and the body after them is back on 22 lines of 28 characters."""
    rows = "".join(f"<tr><td>单位{i}</td><td>{i}</td></tr>" for i in range(8))
    table = f"<table><thead><tr><th>报送单位</th><th>办结数</th></tr></thead>{rows}</table>"
    body = f'<p style="break-before: page">{TITLE * 80}</p>'
    pdf = render_pdf(raw_document(f'<main class="content"><p>{PARAGRAPH}</p>{table}{body}</main>'))
    assert size_of(pdf, "单位3") == 12 and size_of(pdf, "报送单位") == 12
    assert size_of(pdf, "推动服务业高质量发展") == 16
    lines = [line for line in page_text(pdf, 2).splitlines() if line.strip()][:-1]
    assert [len(line) for line in lines] == [26] + [28] * 21  # the first line indented


@needs_poppler
def test_cover_has_no_number_and_toc_points_to_pages(report_pdf):
    assert "—" not in page_text(report_pdf, 1)
    assert footer(report_pdf, 2) == "— 2 —"
    toc = page_text(report_pdf, 2)
    assert re.search(r"一、总体情况\s*\.+\s*3", toc), toc


@needs_poppler
def test_table_header_repeats_on_every_page(report_pdf):
    pages = len(PdfReader(io.BytesIO(report_pdf)).pages)
    with_table = [p for p in range(3, pages + 1) if "单位" in page_text(report_pdf, p)]
    assert len(with_table) >= 2
    assert all("报送单位" in page_text(report_pdf, p) for p in with_table)


def test_render_document_uses_the_base_template():
    pdf = render_document("pdf/document.html", {})
    reader = PdfReader(io.BytesIO(pdf))
    assert pdf.startswith(b"%PDF")
    assert len(reader.pages) == 1  # empty cover and toc blocks add no pages


def test_a_document_over_the_page_limit_is_refused(settings):
    page_break = '<p style="break-after: page">'
    three_pages = raw_document(f"{page_break}一</p>{page_break}二</p><p>三</p>")
    settings.PORTAL_PDF_MAX_PAGES = 3
    assert len(PdfReader(io.BytesIO(render_pdf(three_pages))).pages) == 3

    settings.PORTAL_PDF_MAX_PAGES = 2
    with pytest.raises(TooManyPages) as refused:
        render_pdf(three_pages)
    assert str(refused.value) == ("未生成 PDF：文档共 3 页，超过 2 页的上限。请精简内容后重试。")


IMPRINT = (
    '<div class="imprint-holder"><div class="imprint"><p class="cc">抄送：某某办公厅。</p>'
    '<p class="printed"><span>某某办公室</span><span>2019年11月28日印发</span></p></div></div>'
)


@needs_poppler
@pytest.mark.parametrize("paragraphs", [3, 8, 11, 14])
def test_the_imprint_sits_at_the_foot_of_an_even_last_page(paragraphs):
    body = f"<p>{PARAGRAPH}</p>" * paragraphs
    pdf = render_pdf(raw_document(f'<main class="content">{body}{IMPRINT}</main>'))
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    with_imprint = [p for p in range(1, pages + 1) if "抄送" in page_text(pdf, p)]
    assert with_imprint == [pages] and pages % 2 == 0, (paragraphs, pages)
    lines = [line for line in page_text(pdf, pages).splitlines() if line.strip()]
    assert "印发" in lines[-1] or "印发" in lines[-2]  # at the foot, below the body


def page_of(pdf: bytes, snippet: str) -> int:
    """The first page whose text holds the snippet."""
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    return next(p for p in range(1, pages + 1) if snippet in "".join(page_text(pdf, p).split()))


@needs_poppler
@pytest.mark.parametrize(
    "after",
    [
        "<h2>一、标题在页脚</h2>",
        "<h2>一、标题在页脚</h2><h3>（一）第二级标题</h3>",
        "<h3>（一）标题在页脚</h3>",
    ],
)
@pytest.mark.parametrize(
    "follows",
    [
        "<p>紧随标题的第一段正文。</p>",
        "<table><caption>紧随标题的表格</caption><thead><tr><th>单位</th></tr></thead>"
        "<tbody><tr><td>北京</td></tr></tbody></table>",
    ],
)
def test_no_heading_ends_a_page_alone(after, follows):
    """21 full lines, so the heading would take the page's last (22nd) line."""
    filler = f"<p>{'质' * (26 + 28 * 20)}</p>"
    pdf = render_pdf(raw_document(f'<main class="content">{filler}{after}{follows}</main>'))
    assert page_of(pdf, "质" * 28) == 1
    first_heading = "一、标题在页脚" if "一、" in after else "（一）标题在页脚"
    assert page_of(pdf, first_heading) == page_of(pdf, "紧随标题")
