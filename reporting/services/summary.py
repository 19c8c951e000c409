"""The national summary of a round: every unit's status, and the frozen figures of the
reports headquarters accepted, compared (a submitted report may still be returned, so its
figures are not the unit's yet; the status table says where each unit stands)."""

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from portal.charts import bar_chart, line_chart
from portal.pdf import render_document
from portal.titles import title_lines

from ..catalogue import TASKS, chinese_numeral
from ..models import NationalSummary, ReportVersion, Status
from .pdfs import chart_image, chinese_date
from .rounds import UNIT_STATUSES, round_status, status_counts

TREND_POINTS = 10
# Figures per table beside the unit's name: more would squeeze a header's unit, such as
# （户次）, which never breaks, out of the type area; a task with more gets several tables.
TABLE_COLUMNS = 5
# The summary is SAMR's own filing: no document number, no addressee, copied to the NDRC.
ISSUER, COPY_TO = "国家市场监督管理总局", "国家发展和改革委员会"


def latest_versions(round_):
    """The newest version of every report of a round that was submitted at least once."""
    newest = ReportVersion.objects.filter(report=OuterRef("report")).order_by("-number")
    return ReportVersion.objects.filter(
        report__round=round_, number=Subquery(newest.values("number")[:1])
    ).select_related("report__reporting_unit")


def summary_data(round_, today=None):
    """Status and figures of every unit, taken only from frozen snapshots, as plain JSON."""
    today = today or timezone.localdate()
    rows = round_status(round_, today)
    versions = {v.report_id: v for v in latest_versions(round_)}
    catalogue, units = {}, []
    for row in rows:
        version = versions.get(row["report"].pk) if row["report"] else None
        accepted = version and row["report"].status == Status.ACCEPTED
        figures = version.snapshot["figures"] if accepted else []
        for f in figures:
            catalogue.setdefault(f["key"], {k: f[k] for k in ("task", "key", "label", "unit")})
        units.append(_unit_row(row, version, figures))
    return {
        "round": {"id": round_.pk, "title": round_.title, "due_date": round_.due_date.isoformat()},
        "opens_on": round_.opens_on.isoformat(),
        "compiled_on": today.isoformat(),
        "counts": {str(UNIT_STATUSES[k]): n for k, n in status_counts(rows).items()},
        "figures": sorted(catalogue.values(), key=lambda f: (f["task"], f["key"])),
        "units": units,
    }


def _unit_row(row, version, figures):
    return {
        "code": row["unit"].code,
        "name": row["unit"].name,
        "status": str(row["label"]),
        "version": version.number if version else None,
        "submitted_on": timezone.localdate(version.submitted_at).isoformat() if version else "",
        "values": {f["key"]: f["value"] for f in figures},
    }


def compile_summary(round_, today=None):
    """Compile and store the national summary with its PDF."""
    data = summary_data(round_, today)
    summary = NationalSummary(round=round_, data=data)
    summary.pdf.save(f"summary-{round_.due_date.year}.pdf", ContentFile(render(data)), save=False)
    summary.save()
    return summary


def render(data):
    """PDF bytes of a national summary."""
    with override("zh-hans"):
        return render_document("reporting/pdf/summary.html", summary_context(data))


def summary_context(data):
    """Template context of the summary PDF: status table, charts, one table per task."""
    title = f"{data['round']['title']}（全国汇总）"
    return {
        "title": title,
        "title_lines": title_lines(title),
        "authorities": [ISSUER],
        "copy_to": [COPY_TO],
        "printer": f"{ISSUER}办公厅",
        "date": chinese_date(data["compiled_on"]),
        "data": data,
        "status_chart": chart_image(_status_chart(data)),
        "trend_chart": chart_image(_submissions_chart(data)),
        "tasks": _task_tables(data),
    }


def _status_chart(data):
    counts = data["counts"]
    title = _("Reporting units by status")
    return bar_chart(list(counts), [(_("Units"), list(counts.values()))], title=title)


def _submissions_chart(data):
    """Cumulative submissions at up to TREND_POINTS dates from the round's opening to its due
    date; submissions after the due date count in one last point, so the axis stays the round."""
    start = date.fromisoformat(data["opens_on"])
    end = date.fromisoformat(data["round"]["due_date"])
    days = [date.fromisoformat(u["submitted_on"]) for u in data["units"] if u["submitted_on"]]
    span = max((end - start).days, 1)
    steps = min(TREND_POINTS, span + 1) - 1
    points = sorted({start + timedelta(days=round(span * i / steps)) for i in range(steps + 1)})
    labels = [point.strftime("%m-%d") for point in points]
    counts = [sum(1 for d in days if d <= point) for point in points]
    if any(d > end for d in days):
        labels.append(_("Submitted late"))
        counts.append(len(days))
    return line_chart(labels, [(_("Reports submitted"), counts)], title=_("Submissions"))


def _task_tables(data):
    """Per task with figures: the columns, one row per unit, a bar chart by unit."""
    tables = []
    for number, (name, _gloss) in TASKS.items():
        columns = [f for f in data["figures"] if f["task"] == number]
        if not columns:
            continue
        first = columns[0]
        chart = bar_chart(
            [u["name"] for u in data["units"]],
            [(first["label"], [u["values"].get(first["key"]) or 0 for u in data["units"]])],
            title=f"{name}：{first['label']}",
            unit=first["unit"],
            horizontal=True,
            sort=True,
            show_values=True,
        )
        tables.append(
            {
                "id": f"task-{number}",
                "heading": f"（{chinese_numeral(len(tables) + 1)}）{name}",
                "parts": [
                    _table_part(data, columns[start : start + TABLE_COLUMNS])
                    for start in range(0, len(columns), TABLE_COLUMNS)
                ],
                "chart": chart_image(chart, first["label"]),
            }
        )
    return tables


def _table_part(data, columns):
    """Some of a task's figures for every unit: the columns and one row per unit."""
    rows = [(u["name"], [u["values"].get(c["key"]) for c in columns]) for u in data["units"]]
    return {"columns": columns, "rows": rows}
