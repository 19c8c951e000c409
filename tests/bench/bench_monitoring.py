"""Benchmark of a survey wave's indices: `make bench` (pytest -o python_files=bench_*.py).

A national wave of the ACSI template (5 dimensions, 7 items on 1-5) over 15 sectors (the
14 service sections and public health care) and the 37 reporting units. BENCH_SURVEY_IMPORT
rows (default 20,000) go through the import's check and store (the job's work, audit
included), answers drawn per respondent around a level of their own; the wave is then
filled to BENCH_SURVEY_RESPONSES (default 100,000; the issue's target is 1,000,000 under
10 s) by INSERT ... SELECT copies of the imported responses spread over other units,
divisions and sectors, a quarter of them about one of five enterprises of their unit.
Measured in the same run:

- the reference: one bare GROUP BY (unit, sector) of count, mean and sd of the index over
  the same rows;
- the aggregate queries of the computation alone (one GROUP BY per level, every component);
- the full recomputation of every index of the wave (`indices.compute`, median of three),
  each as in a fresh worker (no t quantile cached), then with the quantiles cached;
- the national comparison page (`/monitoring/waves/<id>/comparisons/`) for headquarters.

Figures go to test-artifacts/bench-monitoring.json and the terminal.
"""

import csv
import io
import json
import os
import random
import statistics
import time
from pathlib import Path

import pytest
from django.db import connection
from django.db.models import Count
from django.template import Template
from django.test.utils import _TestState

from monitoring import stats
from monitoring.models import IndexResult, Response
from monitoring.sectors import PUBLIC_PREFIX
from monitoring.services import indices, responses
from portal.audit import acting_as
from portal.models import AdminDivision, ReportingUnit
from tests import factories, logins
from tests.bench.bench_registry import timed

N = int(os.environ.get("BENCH_SURVEY_RESPONSES", "100000"))
IMPORT_ROWS = int(os.environ.get("BENCH_SURVEY_IMPORT", "20000"))
ENTERPRISES_PER_UNIT = 5
SECTORS = [*"FGHIJKLMNOPQRS", f"{PUBLIC_PREFIX}health"]
RESULTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "bench-monitoring.json"


def seconds(function):
    start = time.perf_counter()
    result = function()
    return round(time.perf_counter() - start, 3), result


def unit_places():
    """Each of the 37 reporting units with one of its divisions: (division id, code, unit id);
    a unit without divisions in the reference data (the XPCC) has (None, None, unit id)."""
    chosen = {
        unit: (None, None, unit) for unit in ReportingUnit.objects.values_list("pk", flat=True)
    }
    for pk, code, unit in AdminDivision.objects.order_by("-code").values_list(
        "pk", "code", "reporting_unit"
    ):
        chosen[unit] = (pk, code, unit)
    assert len(chosen) == 37
    return list(chosen.values())


def sql_array(values):
    return "ARRAY[" + ", ".join("NULL" if v is None else f"'{v}'" for v in values) + "]"


def survey_file(rng, places, version):
    places = [p for p in places if p[1] is not None]
    """A CSV of IMPORT_ROWS responses; each respondent answers around a level of their own."""
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow(responses.columns_of(version))
    for n in range(IMPORT_ROWS):
        level = rng.choice((2, 3, 3, 4, 4, 4, 5))
        answers = [min(5, max(1, level + rng.choice((-1, 0, 0, 1)))) for _ in range(7)]
        _pk, code, _unit = places[n % len(places)]
        writer.writerow([SECTORS[n % len(SECTORS)], code, "", f"R{n}", 300, *answers])
    return stream.getvalue().encode()


def import_file(wave, user, rng, places):
    data = survey_file(rng, places, wave.version)
    start = time.perf_counter()
    with acting_as(user, source="task"):
        checked = responses.check_file(data, wave, user)
        stored = responses.store(wave, checked.good)
    elapsed = time.perf_counter() - start
    assert not checked.file_problems and not checked.bad and stored == IMPORT_ROWS
    return {"rows": IMPORT_ROWS, "bytes": len(data), "seconds": round(elapsed, 1),
            "rows_per_second": round(IMPORT_ROWS / elapsed),
            "flagged": len(checked.flagged)}  # fmt: skip


def fill(wave, places, enterprise_ids):
    """Copies of the imported responses up to N, on other units, divisions and sectors."""
    copies = -(-N // IMPORT_ROWS) - 1
    columns = [f.column for f in Response._meta.concrete_fields if not f.primary_key]
    units = sql_array(unit for _pk, _code, unit in places) + "::integer[]"
    division_ids = sql_array(pk for pk, _code, _unit in places) + "::integer[]"
    sectors = sql_array(SECTORS)
    place = f"1 + (r.id + g) %% {len(places)}"
    overrides = {
        "reporting_unit_id": f"({units})[{place}]",
        "division_id": f"({division_ids})[{place}]",
        "sector": f"({sectors})[1 + (r.id / 7 + g) %% {len(SECTORS)}]",
        # an enterprise of the response's unit: the unit's position plus 37 x one of five
        "enterprise_id": f"CASE WHEN r.id %% 4 = 0 THEN ({sql_array(enterprise_ids)}::integer[])"
        f"[{place} + {len(places)} * (r.id / 4 %% {ENTERPRISES_PER_UNIT})] END",
        "respondent": "r.respondent || '-' || g",
    }
    values = [overrides.get(c, f"r.{c}") for c in columns]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO monitoring_response ({', '.join(columns)}) "  # noqa: S608 -- metadata
            f"SELECT {', '.join(values)} FROM monitoring_response r, generate_series(1, %s) g "
            "WHERE r.wave_id = %s ORDER BY g, r.id LIMIT %s",
            [copies, wave.pk, N - IMPORT_ROWS],
        )
        copied = cursor.rowcount
        cursor.execute("ANALYZE monitoring_response")
        return copied


def bare_group_by(wave):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reporting_unit_id, sector, count(*), avg(score), stddev_samp(score) "
            "FROM monitoring_response WHERE wave_id = %s AND NOT excluded GROUP BY 1, 2",
            [wave.pk],
        )
        return len(cursor.fetchall())


def aggregate_queries(wave):
    """The SQL part of the computation alone: every level's GROUP BY, nothing stored."""
    usable = Response.objects.filter(wave=wave, excluded=False)
    parts = indices.components(wave.version)
    with_indicators = parts | indices.indicator_components(wave.version)
    return sum(
        len(indices.level_rows(usable, level, with_indicators
                               if level in indices.INDICATOR_LEVELS else parts))
        for level in indices.GROUPS
    )  # fmt: skip


def cold_compute(wave):
    """The recomputation in a fresh process: no t quantile computed yet."""
    stats.t_quantile.cache_clear()
    return indices.compute(wave)


def median_seconds(function, repeat=3):
    runs = [seconds(function) for _ in range(repeat)]
    return statistics.median(s for s, _result in runs), runs[-1][1]


def comparison_page(client, user, wave):
    """Server time of the national comparison page (template instrumentation off)."""
    logins.log_in(client, user)  # second factor verified, as staff must be
    instrumented, Template._render = Template._render, _TestState.saved_data.template_render
    try:
        url = f"/monitoring/waves/{wave.pk}/comparisons/"
        assert client.get(url).status_code == 200
        return timed(lambda: client.get(url), 40)
    finally:
        Template._render = instrumented


@pytest.mark.django_db(transaction=True)
def test_wave_indices_at_scale(client, hq_user):
    rng = random.Random(2026)
    where = unit_places()
    version = factories.survey_model("acsi", sectors=SECTORS)
    wave = factories.survey_wave(version, sectors=SECTORS)
    count = ENTERPRISES_PER_UNIT * len(where)
    enterprise_ids = [factories.EnterpriseFactory().pk for _ in range(count)]
    figures = {"responses": N, "units": len(where), "sectors": len(SECTORS)}
    figures["import"] = import_file(wave, hq_user, rng, where)
    figures["fill_seconds"], figures["copied"] = seconds(lambda: fill(wave, where, enterprise_ids))
    assert Response.objects.filter(wave=wave).count() == N
    figures["bare_group_by_s"], figures["bare_groups"] = median_seconds(lambda: bare_group_by(wave))
    figures["aggregate_queries_s"], _rows = median_seconds(lambda: aggregate_queries(wave))
    figures["compute_s"], figures["figures_stored"] = median_seconds(lambda: cold_compute(wave))
    figures["compute_warm_s"], _stored = median_seconds(lambda: indices.compute(wave))
    figures["ratio_compute_to_group_by"] = round(
        figures["compute_s"] / figures["bare_group_by_s"], 1
    )
    figures["comparison_page_hq"] = comparison_page(client, hq_user, wave)
    levels = IndexResult.objects.filter(wave=wave, component="index").values_list("level")
    figures["index_rows_by_level"] = dict(levels.annotate(n=Count("id")).order_by("level"))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2, ensure_ascii=False))
    print(json.dumps(figures, indent=2, ensure_ascii=False))  # noqa: T201
