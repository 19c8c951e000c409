"""Benchmark of complaints at scale: `make bench` (pytest -o python_files=bench_*.py).

Loads BENCH_COMPLAINTS complaints (default 500,000; the issue's target is 5,000,000)
with one INSERT ... SELECT over generate_series: 37 units, received 2020-2026, a fifth
of them still open (accepted ones with acceptance 0-6 days after receipt, some suspended).

1. Recomputing every open deadline after a calendar change (``deadlines.recompute_open``)
   against a bare UPDATE of the same rows (no computing, just writing new values), in
   interleaved pairs; the median of the per-pair ratios is the figure.
2. The regulator's list queries (the due list page, the due-soon and overdue counts) of
   one province: timed over the ORM, with their EXPLAIN plans printed.
Figures are printed and written to test-artifacts/bench-complaints.json.
"""

import json
import os
import statistics
import time
from datetime import date
from pathlib import Path

import pytest
from django.db import connection

from complaints.services import deadlines
from complaints.services.lists import complaint_rows, due_filter
from portal.crypto import encrypt
from portal.holidays import current_calendar

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "test-artifacts" / "bench-complaints.json"
N = int(os.environ.get("BENCH_COMPLAINTS", "500000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
OPEN = [str(status) for status in deadlines.OPEN]

# Every fifth complaint is open: received (1), accepted (2), in mediation (3), suspended (4)
# or a report being verified (0, only reports); the others are closed.
LOAD = """
WITH units AS (
    SELECT row_number() OVER (ORDER BY u.id) - 1 AS n, u.id AS unit_id,
           (SELECT min(d.id) FROM portal_admindivision d WHERE d.reporting_unit_id = u.id)
               AS division_id
      FROM portal_reportingunit u
     WHERE EXISTS (SELECT 1 FROM portal_admindivision d WHERE d.reporting_unit_id = u.id)
), rows AS (
    SELECT i, DATE '2020-01-02' + (i %% 2555) AS received, i %% 10 AS open_kind
      FROM generate_series(1, %(n)s) AS i
)
INSERT INTO complaints_complaint (
    tracking_code, kind, channel, received_on, rule_set_id, status,
    complainant_name, complainant_phone, phone_index, complainant_id_number,
    complainant_address, complainant_email, language, contact_consent,
    operator_name, operator_uscc, operator_address, service_section, happened_on,
    description, request, division_id, reporting_unit_id, first_unit_id, routed_by,
    accepted_on, suspended_days, extended_days, decision_due, mediation_due,
    deadline_provisional, calendar_version, rating_comment, created_at, updated_at
)
SELECT 'B' || lpad(i::text, 11, '0'),
       CASE WHEN open_kind = 0 THEN 'report' ELSE 'complaint' END,
       'online', received,
       (SELECT id FROM complaints_ruleset WHERE effective_from <= received
         ORDER BY effective_from DESC LIMIT 1),
       CASE WHEN i %% 5 <> 0 THEN CASE WHEN open_kind = 0 THEN 'no_case' ELSE 'closed' END
            WHEN open_kind = 0 THEN 'verifying'
            ELSE (ARRAY['received', 'accepted', 'mediating', 'suspended'])[1 + (i / 5) %% 4]
       END,
       %(secret)s, %(secret)s, md5(i::text), '', '', '', 'zh-hans', false,
       '企业' || (i %% 20000), '', '', 'O', received,
       '描述', '请求', u.division_id, u.unit_id, u.unit_id, 'registry',
       CASE WHEN i %% 5 = 0 AND open_kind <> 0 AND (i / 5) %% 4 <> 0
            THEN received + (i %% 7) END,
       CASE WHEN (i / 5) %% 4 = 3 THEN i %% 4 ELSE 0 END, 0,
       received + 9, NULL, false, 'stale', '', now(), now()
  FROM rows JOIN units u ON u.n = i %% (SELECT count(*) FROM units)
"""


def load():
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(LOAD, {"n": N, "secret": encrypt("王小明")})
        cursor.execute("ANALYZE complaints_complaint")
    return round(time.perf_counter() - start, 1)


def mark_stale():
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE complaints_complaint SET calendar_version = 'stale' WHERE status = ANY(%s)",
            [OPEN],
        )


def bare_update():
    """The same rows written with values needing no computing: the floor for any recompute."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE complaints_complaint SET decision_due = decision_due + 0,"
            " mediation_due = mediation_due, deadline_provisional = false,"
            " calendar_version = %s WHERE status = ANY(%s) AND calendar_version <> %s",
            [current_calendar().version, OPEN, current_calendar().version],
        )
        return cursor.rowcount


def timed_once(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def record(key, figures):
    RESULTS.parent.mkdir(exist_ok=True)
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results[key] = figures
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2))
    print(f"\n{key}: {json.dumps(figures, ensure_ascii=False)}")


def test_recompute_and_lists_at_scale(province_user):
    figures = {"complaints": N, "load_seconds": load()}
    open_rows = deadlines._stale(current_calendar())
    figures["open"] = open_rows.count()
    figures["distinct_trigger_combinations"] = deadlines._groups(open_rows).count()
    ours_runs, bare_runs = [], []
    for _ in range(REPEAT):
        mark_stale()
        seconds, updated = timed_once(deadlines.recompute_open)
        assert updated == figures["open"]
        ours_runs.append(seconds)
        mark_stale()
        seconds, updated = timed_once(bare_update)
        assert updated == figures["open"]
        bare_runs.append(seconds)
    figures["recompute_median_s"] = round(statistics.median(ours_runs), 2)
    figures["bare_update_median_s"] = round(statistics.median(bare_runs), 2)
    figures["ratio_median_of_pairs"] = round(
        statistics.median(o / b for o, b in zip(ours_runs, bare_runs, strict=True)), 2
    )
    figures.update(list_queries(province_user))
    figures["cores"] = os.cpu_count()
    figures["load_average"] = os.getloadavg()[0]
    record("recompute_and_lists", figures)
    assert figures["ratio_median_of_pairs"] < 5


def list_queries(user):
    """The list page's first page and its two counts for one province, timed and explained."""
    today = date(2026, 11, 30)
    rows = complaint_rows(user)
    soon = due_filter(rows, "soon", today)
    queries = {
        "list_first_page": lambda: list(rows.order_by("due", "id")[:50]),
        "due_soon_count": lambda: due_filter(rows, "soon", today).count(),
        "overdue_count": lambda: due_filter(rows, "overdue", today).count(),
        "list_due_soon_page": lambda: list(
            due_filter(rows, "soon", today).order_by("due", "id")[:50]
        ),
    }
    figures = {"unit_rows": rows.count()}
    for name, query in queries.items():
        times = sorted(timed_once(query)[0] * 1000 for _ in range(20))
        figures[f"{name}_median_ms"] = round(statistics.median(times), 1)
        figures[f"{name}_p95_ms"] = round(times[18], 1)
    plans = {
        "list_first_page": rows.order_by("due", "id")[:50],
        "overdue_count": due_filter(rows, "overdue", today),
        "list_due_soon_page": soon.order_by("due", "id")[:50],
    }
    for name, queryset in plans.items():
        print(f"\nEXPLAIN {name}:\n{queryset.explain(analyze=True)}")
    return figures
