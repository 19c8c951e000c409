"""Benchmark of the registry at scale: `make bench` (pytest -o python_files=bench_*.py).

Loads BENCH_ENTERPRISES enterprises (default 1,000,000) with COPY, then measures
USCC lookup, name search (2, 3 and 4 characters), the filtered list page (median
and p95 server time) and the import of a BENCH_IMPORT_ROWS-row .xlsx end to end.
Figures are printed and written to test-artifacts/bench-registry.json.
"""

import io
import json
import os
import random
import re
import statistics
import time
from pathlib import Path

import pytest
from django.db import connection
from django.template import Template
from django.test.utils import _TestState
from django.urls import reverse

from enterprises import search, uscc
from enterprises.models import Enterprise
from enterprises.services import imports, registry
from portal import jobs
from portal.audit import acting_as
from portal.models import AdminDivision, ReportingUnit
from tests.enterprises.test_import_files import row, xlsx

N = int(os.environ.get("BENCH_ENTERPRISES", "1000000"))
IMPORT_ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "100000"))
RESULTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "bench-registry.json"
CHARS = "华美鸿运悦来金桥嘉禾瑞丰恒信天地佳园安居乐享优品同心万家和顺青禾"
CHARS += "东方明珠新世纪阳光海天龙腾盛达宏图永兴"
TRADES = [
    "餐饮管理",
    "酒店管理",
    "物流",
    "家政服务",
    "教育培训",
    "健康管理",
    "电子商务",
    "物业服务",
]
CITY = {"440106": "广州", "440305": "深圳", "330106": "杭州", "110108": "北京", "510107": "成都"}
BODY = "0123456789ABCDEFGHJKLMNPQRTUWXY"
COLUMNS = (
    "uscc, name, former_names, legal_representative, address, reporting_unit_id, division_id, "
    "industry_section, industry_division, size, status, contact_name, contact_phone, "
    "contact_email, established_on, name_bigrams, created_at, updated_at"
)


def timed(function, repeat):
    """Median and p95 wall time of repeated calls, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    return {"median_ms": round(statistics.median(times), 2), "p95_ms": round(p95, 2)}


def _lines(rng, units, divisions):
    codes = list(CITY)
    for n in range(N):
        division = codes[n % len(codes)]
        code = uscc.make_uscc("91" + division, "".join(rng.choices(BODY, k=8)))
        name = f"{CITY[division]}{''.join(rng.choices(CHARS, k=3))}{rng.choice(TRADES)}有限公司"
        bigrams = search.tsvector_literal(name).replace("\\", "\\\\")
        section, industry = ("H", "62") if n % 3 else ("O", "80")
        size = ("micro", "small", "medium", "large")[n % 4]
        yield "\t".join([
            code, name, "[]", "张三", "", units[division], divisions[division], section, industry,
            size, "operating", "", "", "", "\\N", bigrams, "2019-06-01", "2019-06-01",
        ])  # fmt: skip


def load(rng):
    """COPY N enterprises, rebuild the GIN indexes, ANALYZE; returns seconds."""
    units = {c: str(ReportingUnit.objects.get(code=uscc.reporting_unit_code(c)).pk) for c in CITY}
    divisions = {c: str(AdminDivision.objects.get(code=c).pk) for c in CITY}
    start = time.perf_counter()
    buffer = io.StringIO("\n".join(_lines(rng, units, divisions)) + "\n")
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX enterprise_name_bigrams_gin, enterprise_name_trgm_gin")
        cursor.copy_expert(f"COPY enterprises_enterprise ({COLUMNS}) FROM STDIN", buffer)
        cursor.execute("SET maintenance_work_mem = '1GB'")
        cursor.execute(
            "CREATE INDEX enterprise_name_bigrams_gin ON enterprises_enterprise "
            "USING gin (name_bigrams)"
        )
        cursor.execute(
            "CREATE INDEX enterprise_name_trgm_gin ON enterprises_enterprise "
            "USING gin (upper(name) gin_trgm_ops)"
        )
        cursor.execute("ANALYZE enterprises_enterprise")
    return round(time.perf_counter() - start, 1)


def search_terms(rng, length, count=40):
    """Substrings of real names: the CHARS part (common) and trade words."""
    names = list(Enterprise.objects.order_by("?").values_list("name", flat=True)[:count])
    return [name[2 : 2 + length] if length < 4 else name[3 : 3 + length] for name in names]


@pytest.mark.django_db(transaction=True)
def test_registry_at_scale(client, province_user, hq_user):
    rng = random.Random(2019)
    figures = {"enterprises": N, "load_seconds": load(rng)}
    codes = list(Enterprise.objects.order_by("?").values_list("uscc", flat=True)[:200])
    codes = iter(codes * 3)
    all_rows = Enterprise.objects.all()
    figures["uscc_lookup"] = timed(lambda: list(registry.lookup(all_rows, next(codes))), 200)
    province_rows = registry.visible_enterprises(province_user)
    for length in (1, 2, 3, 4):
        terms = iter(search_terms(rng, length) * 3)
        figures[f"name_search_{length}_chars_hq"] = timed(
            lambda t=terms: registry.keyset_page(registry.search_name(all_rows, next(t))), 40
        )
        figures[f"name_search_{length}_chars_province"] = timed(
            lambda t=terms: registry.keyset_page(registry.search_name(province_rows, next(t))), 40
        )
    figures.update(list_pages(client, province_user, hq_user, rng))
    figures["import"] = import_file(province_user, rng)
    report(figures)


def list_pages(client, province_user, hq_user, rng):
    """Server time of the list page through the test client, by filter.

    The test client's template instrumentation (a context copy per template)
    is switched off so the figure is the server's own time.
    """
    instrumented, Template._render = Template._render, _TestState.saved_data.template_render
    try:
        return _list_pages(client, province_user, hq_user, rng)
    finally:
        Template._render = instrumented


def _list_pages(client, province_user, hq_user, rng):
    url = reverse("enterprises:list")
    terms = iter(search_terms(rng, 2) * 5)
    results = {}
    for user in (province_user, hq_user):
        client.force_login(user)
        who = "province" if user.is_provincial else "hq"
        results[f"list_page_{who}_unfiltered"] = timed(lambda: client.get(url), 40)
        results[f"list_page_{who}_size_section"] = timed(
            lambda: client.get(url, {"size": "large", "industry_section": "O"}), 40
        )
        results[f"list_page_{who}_name_2_chars"] = timed(
            lambda: client.get(url, {"q": next(terms)}), 40
        )
        results[f"list_page_{who}_page_5"] = timed(lambda: _fifth_page(client, url), 10)
    return results


def _fifth_page(client, url):
    after = None
    for _ in range(5):
        response = client.get(url, {"after": after} if after else {})
        after = re.search(r"after=(\d+)", response.text).group(1)


def import_file(user, rng):
    """A new IMPORT_ROWS-row .xlsx through check and upsert (the job's work); rows/s."""
    random.seed(rng.random())
    data = xlsx([row(name=f"广州导入测试{n}餐饮有限公司") for n in range(IMPORT_ROWS)])
    name = imports.store_upload(data)
    job = jobs.start("enterprise_import", "bench", owner=user)
    start = time.perf_counter()
    with acting_as(user, source="task"):
        counts = imports.run_import(job.pk, name, imports.GOOD_ROWS, user)
    seconds = time.perf_counter() - start
    return {"rows": IMPORT_ROWS, "bytes": len(data), "seconds": round(seconds, 1),
            "rows_per_second": round(IMPORT_ROWS / seconds), "counts": counts}  # fmt: skip


def report(figures):
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2, ensure_ascii=False))
    print(json.dumps(figures, indent=2, ensure_ascii=False))  # noqa: T201
