"""Report PDFs: rendered once per frozen version, only ever from its snapshot."""

import base64
from datetime import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import override

from portal import jobs
from portal.charts import bar_chart, line_chart
from portal.pdf import TooManyPages, render_document
from portal.titles import title_lines

from ..catalogue import ATTACHMENTS, chinese_numeral, task_of
from ..metrics_registry import by_task
from ..models import ProgressReport, ReportVersion

PDF_LANGUAGE = "zh-hans"
# 主送机关 of every progress report, by their standard short names.
ADDRESSEES = "市场监管总局、国家发展改革委"


def latest_version(report):
    """The report's newest version, after any submission in progress has committed."""
    with transaction.atomic():
        ProgressReport.objects.select_for_update().filter(pk=report.pk).first()
        return report.versions.order_by("-number").first()


def version_pdf(version_id):
    """The version with its PDF, rendering it first if it was never rendered.

    Long work: called from tasks only. A version never changes, so its PDF is reused.
    """
    with transaction.atomic():
        version = ReportVersion.objects.select_for_update().get(pk=version_id)
        if not version.pdf:
            try:
                content = render_snapshot(version.snapshot)
            except TooManyPages as refusal:
                refusal.document = pdf_name(version)
                raise
            version.pdf.save(pdf_name(version), ContentFile(content), save=False)
            version.save(update_fields=["pdf"])
    return version


def pdf_job(job_id, version_id):
    """The job behind a PDF download: render the version (or reuse its PDF) and offer it."""
    jobs.progress(job_id, 0, 1, _("Rendering the PDF…"))
    version = version_pdf(version_id)
    jobs.offer_file(job_id, version.pdf.name)
    jobs.finish(job_id, message=_("The PDF is ready."))


def pdf_name(version):
    """A file name such as ``2019-440000-v2.pdf``."""
    snapshot = version.snapshot
    year = snapshot["round"]["due_date"][:4]
    return f"{year}-{snapshot['unit']['code']}-v{version.number}.pdf"


def render_snapshot(snapshot):
    """PDF bytes of one report version, from its snapshot alone."""
    with override(PDF_LANGUAGE):
        return render_document("reporting/pdf/report.html", report_context(snapshot))


def chinese_date(value):
    """An ISO date or datetime as 2019年11月28日 (GB/T 9704-2012: Arabic numerals, no
    leading zeros); a moment is dated in Beijing time, not by its UTC day."""
    moment = datetime.fromisoformat(value)
    day = timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()
    return f"{day.year}年{day.month}月{day.day}日"


def report_context(snapshot):
    """Template context of a report PDF: the snapshot arranged by section, framed by the
    elements of an official document (GB/T 9704) from the unit's two agencies."""
    figures = by_task(snapshot["figures"])
    body = [s for s in snapshot["round"]["sections"] if s["key"] != ATTACHMENTS]
    sections = [
        _section(index, section, snapshot, figures) for index, section in enumerate(body, start=1)
    ]
    authorities = snapshot["unit"]["agencies"]
    title = f"{snapshot['unit']['name']}{snapshot['round']['title']}"
    return {
        "title": title,
        "title_lines": title_lines(title),
        "snapshot": snapshot,
        "authorities": authorities,
        "document_number": snapshot.get("document_number", ""),
        "addressees": ADDRESSEES,
        "date": chinese_date(snapshot["submitted_at"]),
        "sections": sections,
        "attachment_text": _paragraphs(snapshot["texts"].get(ATTACHMENTS, "")),
        "attachments": snapshot["attachments"],
        "copy_to": [government_office(snapshot["unit"]["name"])],
        "printer": f"{authorities[0]}办公室",
    }


def government_office(unit_name):
    """The office of the unit's government, to which its reports are copied."""
    return f"{unit_name}办公厅" if unit_name.endswith("兵团") else f"{unit_name}人民政府办公厅"


def _section(index, section, snapshot, figures):
    task = task_of(section["key"])
    rows = figures.get(task, []) if task else []
    return {
        "id": f"section-{index}",
        "heading": f"{chinese_numeral(index)}、{section['title']}",
        "figures": rows,
        "no_data": bool(rows) and not has_data(rows),
        "chart": (
            _trend_chart(rows, snapshot)
            or _figure_chart(section["title"], rows, snapshot["unit"]["name"])
        )
        if has_data(rows)
        else "",
        "measures": [m for m in snapshot["measures"] if task and m["task"] == task],
        "paragraphs": _paragraphs(snapshot["texts"].get(section["key"], "")),
    }


def _paragraphs(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def chart_image(svg, alt=""):
    """An SVG chart as an <img> data URL: WeasyPrint parses it once, not on every layout pass."""
    data = base64.b64encode(svg.encode()).decode()
    return format_html('<img class="chart" alt="{}" src="data:image/svg+xml;base64,{}">', alt, data)


def _figure_chart(title, rows, unit_name):
    """A bar chart of the task's figures that share its most common unit (measures and
    people trained never share an axis), when there are at least two of them."""
    common, shown = _of_one_unit(rows)
    if len(shown) < 2:
        return ""
    labels = [row["label"] for row in shown]
    svg = bar_chart(labels, [(unit_name, [row["value"] for row in shown])], title=title)
    return chart_image(svg, f"{title} ({common})")


def _of_one_unit(rows):
    """The most common unit of the figures and the figures in it."""
    units = [row["unit"] for row in rows]
    common = max(units, key=units.count) if units else None
    return common, [row for row in rows if row["unit"] == common]


def has_data(rows):
    """Whether any figure of the section is more than zero (else no chart, a line says so)."""
    return any(row["value"] for row in rows)


def _trend_chart(rows, snapshot):
    """Trend lines over the earlier rounds and this one of the task's figures in its most
    common unit (one axis never carries measures and people trained)."""
    history = snapshot.get("history") or []
    common, shown = _of_one_unit(rows)
    if not shown or not history:
        return ""
    years = [str(h["round"]) for h in history] + [snapshot["round"]["due_date"][:4]]
    series = [
        (row["label"], [h["values"].get(row["key"]) for h in history] + [row["value"]])
        for row in shown
    ]
    title = _("Trend over the rounds")
    return chart_image(line_chart(years, series, title=title, unit=common), f"{title} ({common})")
