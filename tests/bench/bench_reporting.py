"""Benchmark of progress-report PDFs: `make bench` (pytest -o python_files=bench_*.py).

1. One unit's report PDF (about 20 pages with charts): our path (load the
   version, build the context and charts, render the template, WeasyPrint)
   against WeasyPrint alone rendering the same HTML straight from a file (with
   the same @font-face rules and font configuration, nothing else), in
   the same run; BENCH_REPEAT interleaved pairs of runs, the order within a
   pair alternating and garbage collected before each timed call, and the
   median of the per-pair ratios compared (a pair shares the machine's load
   of the moment, so neither outside load nor the order decides the ratio).
2. All 37 reports and the national summary, as headquarters asks for them
   (the ZIP batch and the summary job), with a real Celery worker of two
   processes (`celery -A portal worker -c 2`) against Redis and the test
   database.
Figures are printed and written to test-artifacts/bench-reporting.json.
"""

import gc
import io
import json
import os
import signal
import statistics
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.utils.translation import override
from pypdf import PdfReader
from weasyprint import HTML

from portal import jobs
from portal.audit import acting_as
from portal.celery import app
from portal.models import Job, ReportingUnit
from portal.pdf import BASE_URL, FONT_CONFIG, font_faces
from reporting import tasks
from reporting.defaults import ensure_default_rounds
from reporting.models import Measure, Milestone, ProgressReport, ReportVersion, Round
from reporting.services import pdfs, schedule
from reporting.services.reports import REPORT
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "test-artifacts" / "bench-reporting.json"
REPEAT = int(os.environ.get("BENCH_REPEAT", "10"))
CST = ZoneInfo("Asia/Shanghai")
SENTENCE = (
    "围绕服务业质量提升专项行动的部署要求，健全工作机制，细化责任分工，"
    "加强部门协同和上下联动，推动各项任务落地见效，服务质量水平稳步提升。"
)
PARAGRAPHS = 2  # per section: with the tables and charts, about 20 pages


def write_report(report, submitted_on):
    """Fill every section with long text and submit it on a given day."""
    text = "\n".join(f"（{i + 1}）{SENTENCE * 2}" for i in range(PARAGRAPHS))
    report.texts = {s["key"]: text for s in report.round.sections}
    report.save()
    user = factories.provincial_user(report.reporting_unit.code, username=f"u{report.pk}")
    when = datetime.combine(submitted_on, datetime.min.time(), CST)
    REPORT.apply(report, "review", user, at=when)
    return REPORT.apply(report, "submit", user, at=when).version


MEASURES = [
    (1, "pilot", "pilots"),
    (9, "training", "people_trained"),
    (10, "brand", "platforms"),
    (12, "evaluation_body", "bodies"),
]


def add_measures(unit):
    for task, kind, field in MEASURES:
        for n in range(3):
            Measure.objects.create(
                reporting_unit=unit, task=task, kind=kind, name=f"{unit.name}措施{task}-{n}",
                started_on=date(2019, 3, 1), **{field: 10 * (n + 1) + unit.pk % 7},
            )  # fmt: skip


@pytest.fixture
def rounds(transactional_db):
    """Both rounds open, measures recorded, every unit's 2019 report submitted."""
    ensure_default_rounds(Round, Milestone)
    with acting_as(label="bench"):
        schedule.open_round(Milestone.objects.get(kind="open", on=date(2019, 11, 1)))
        schedule.open_round(Milestone.objects.get(kind="open", on=date(2020, 11, 1)))
        for unit in ReportingUnit.objects.all():
            add_measures(unit)
        for report in ProgressReport.objects.filter(round__due_date=date(2019, 11, 30)):
            write_report(report, date(2019, 11, 25))
    return Round.objects.get(due_date=date(2020, 11, 30))


def timed(*functions, repeat=REPEAT):
    """Seconds of each run of each function, in pairs that alternate the order.

    Whichever function runs first in a pair was measured slower (the first
    call after the other pays for its garbage), so the order flips from one
    pair to the next and garbage is collected before every timed call.
    """
    runs = [[] for _ in functions]
    for function in functions:
        function()  # warm-up
    for round_ in range(repeat):
        order = list(enumerate(functions))
        if round_ % 2:
            order.reverse()
        for index, function in order:
            gc.collect()
            start = time.perf_counter()
            function()
            runs[index].append(time.perf_counter() - start)
    return runs


def record(key, figures):
    RESULTS.parent.mkdir(exist_ok=True)
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results[key] = figures
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2))
    print(f"\n{key}: {json.dumps(figures, ensure_ascii=False)}")


def test_one_report_pdf(rounds, tmp_path):
    with acting_as(label="bench"):
        report = ProgressReport.objects.get(round=rounds, reporting_unit__code="440000")
        version = write_report(report, date(2020, 11, 20))

    def ours():
        snapshot = ReportVersion.objects.get(pk=version.pk).snapshot
        return pdfs.render_snapshot(snapshot)

    with override(pdfs.PDF_LANGUAGE):
        html = render_to_string("reporting/pdf/report.html", pdfs.report_context(version.snapshot))
    source = tmp_path / "report.html"
    source.write_text(html, encoding="utf-8")

    def plain():  # the same fonts and font configuration as ours, nothing else
        return HTML(filename=str(source), base_url=BASE_URL).write_pdf(
            stylesheets=[font_faces()], font_config=FONT_CONFIG
        )

    pages = len(PdfReader(io.BytesIO(ours())).pages)
    ours_runs, plain_runs = timed(ours, plain)
    ours_s, ours_median = min(ours_runs), statistics.median(ours_runs)
    plain_s, plain_median = min(plain_runs), statistics.median(plain_runs)
    ratio = statistics.median(o / p for o, p in zip(ours_runs, plain_runs, strict=True))
    figures = {
        "pages": pages,
        "charts": html.count('class="chart"'),
        "ours_best_s": round(ours_s, 2),
        "ours_median_s": round(ours_median, 2),
        "weasyprint_from_file_best_s": round(plain_s, 2),
        "weasyprint_from_file_median_s": round(plain_median, 2),
        "ratio_best": round(ours_s / plain_s, 3),
        "ratio_median_of_pairs": round(ratio, 3),
        "runs": REPEAT,
        "cores": os.cpu_count(),
        "load_average": os.getloadavg()[0],
    }
    record("one_report", figures)
    assert 15 <= pages <= 30
    assert ours_s < 3.0
    assert ratio <= 1.1


@pytest.fixture
def worker(rounds):
    """A real Celery worker with two processes on the test database and Redis."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.test_settings",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{connection.settings_dict['NAME']}",
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    args = [sys.executable, "-m", "celery", "-A", "portal", "worker", "-c", "2", "-l", "warning"]
    process = subprocess.Popen(args, cwd=ROOT, env=env)  # noqa: S603
    app.conf.task_always_eager = False
    try:
        deadline = time.monotonic() + 60
        while not app.control.inspect(timeout=1.0).ping():
            assert time.monotonic() < deadline, "the Celery worker did not start"
        yield process
    finally:
        app.conf.task_always_eager = True
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


def test_all_reports_and_the_national_summary_with_two_workers(rounds, worker, hq_user):
    with acting_as(label="bench"):
        for report in ProgressReport.objects.filter(round=rounds).select_related("round"):
            write_report(report, date(2020, 11, 20))
    start = time.perf_counter()
    zip_job = jobs.start("reporting_zip", "bench zip", owner=hq_user)
    summary_job = jobs.start("reporting_summary", "bench summary", owner=hq_user)
    tasks.build_round_zip.delay(str(zip_job.pk), rounds.pk, hq_user.pk)
    tasks.compile_national_summary.delay(str(summary_job.pk), rounds.pk, user_id=hq_user.pk)
    while Job.objects.filter(pk__in=[zip_job.pk, summary_job.pk], finished_at__isnull=True):
        assert time.perf_counter() - start < 300, "the batch did not finish"
        time.sleep(0.2)
    elapsed = time.perf_counter() - start
    statuses = set(
        Job.objects.filter(pk__in=[zip_job.pk, summary_job.pk]).values_list("status", flat=True)
    )
    rendered = ReportVersion.objects.filter(report__round=rounds).exclude(pdf="").count()
    figures = {"reports": rendered, "seconds": round(elapsed, 1), "worker_processes": 2,
               "load_average": os.getloadavg()[0],
               "cores": os.cpu_count()}  # fmt: skip
    record("all_reports_and_summary", figures)
    assert statuses == {"done"} and rendered == 37
    assert elapsed < 90
