"""Benchmark of the credit file page: `make bench` (pytest -o python_files=bench_*.py).

Loads BENCH_CREDIT_ENTERPRISES enterprises of Guangdong (default 200,000; the issue's
target is 1,000,000) with one INSERT ... SELECT, then a published penalty for every
tenth, an abnormal entry for every twentieth and a serious listing for every hundredth.
Times GET /credit/files/<id>/ for a regulator against the enterprise's registry page
(/enterprises/<id>/, the bare reference) in interleaved pairs over enterprises that have
records (after one warm-up pair); prints median and p95 of both and the ratio, and writes
test-artifacts/bench-credit-file.json. The issue's target: p95 under 100 ms on a quiet
machine; the bench asserts the p95 ratio to the registry page (under 4).
"""

import json
import os
import random
import statistics
import time
from pathlib import Path

import pytest
from django.db import connection

from tests.factories import provincial_user
from tests.logins import log_in

pytestmark = pytest.mark.django_db
N = int(os.environ.get("BENCH_CREDIT_ENTERPRISES", "200000"))
REQUESTS = int(os.environ.get("BENCH_CREDIT_REQUESTS", "60"))
RESULTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "bench-credit-file.json"

ENTERPRISES = """
INSERT INTO enterprises_enterprise (
    uscc, name, former_names, legal_representative, address, reporting_unit_id, division_id,
    industry_section, industry_division, size, status, contact_name, contact_phone,
    contact_email, created_at, updated_at)
SELECT 'B' || lpad(i::text, 17, '0'), '基准服务有限公司' || i, '[]', '张三', '', %(unit)s,
       %(division)s, 'H', '62', 'small', 'operating', '', '', '', now(), now()
  FROM generate_series(1, %(n)s) AS i
"""
PENALTIES = """
INSERT INTO credit_penalty (
    enterprise_id, decision_number, authority, agency_id, decided_on, ground, kind, amount,
    serious, special_field, status, proposed_by_id, confirmed_by_id, published_on,
    public_until, repair_note, created_at, updated_at)
SELECT e.id, '基准罚' || e.id, '广州市市场监督管理局', %(agency)s, DATE '2025-06-01', '虚假宣传',
       'fine', 5000, (e.id %% 100 = 0), false, 'published', %(user)s, %(user)s,
       DATE '2025-06-10', DATE '2028-06-10', '', now(), now()
  FROM enterprises_enterprise e WHERE e.uscc LIKE 'B%%' AND e.id %% 10 = 0
"""
ABNORMAL = """
INSERT INTO credit_abnormallisting (
    enterprise_id, ground, decision_reference, decided_on, agency_id, status, proposed_by_id,
    confirmed_by_id, listed_on, correction, created_at, updated_at)
SELECT e.id, 'unreachable', '基准异' || e.id, DATE '2025-01-01', %(agency)s, 'listed',
       %(user)s, %(user)s, DATE '2025-01-02', '', now(), now()
  FROM enterprises_enterprise e WHERE e.uscc LIKE 'B%%' AND e.id %% 20 = 0
"""
SERIOUS = """
INSERT INTO credit_seriouslisting (
    enterprise_id, ground, penalty_id, decision_reference, decided_on, agency_id, level,
    higher_consent_reference, status, proposed_by_id, confirmed_by_id, listed_on, listed_until,
    repair_pledge, repair_pledge_name, repair_evidence, repair_evidence_name,
    measures_expired, obligations_fulfilled, harm_corrected, created_at, updated_at)
SELECT p.enterprise_id, '情节严重', p.id, '基准失' || p.id, DATE '2025-07-01', %(agency)s,
       'province', '', 'listed', %(user)s, %(user)s, DATE '2025-07-02', DATE '2028-07-02',
       '', '', '', '', false, false, false, now(), now()
  FROM credit_penalty p WHERE p.serious
"""


def load(officer):
    params = {
        "n": N,
        "unit": officer.agency.reporting_unit_id,
        "division": _division_id("440106"),
        "agency": officer.agency_id,
        "user": officer.pk,
    }
    start = time.perf_counter()
    with connection.cursor() as cursor:
        for sql in (ENTERPRISES, PENALTIES, ABNORMAL, SERIOUS):
            cursor.execute(sql, params)
        for table in ("enterprises_enterprise", "credit_penalty", "credit_abnormallisting",
                      "credit_seriouslisting"):  # fmt: skip
            cursor.execute(f"ANALYZE {table}")
        cursor.execute(  # no parameters: the % signs are the SQL's own
            "SELECT id FROM enterprises_enterprise WHERE uscc LIKE 'B%' AND id % 20 = 0"
        )
        ids = [row[0] for row in cursor.fetchall()]
    return round(time.perf_counter() - start, 1), ids


def _division_id(code):
    from portal.models import AdminDivision

    return AdminDivision.objects.get(code=code).pk


def summary(times):
    times = sorted(times)
    return {
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 2),
    }


def test_credit_file_page_at_scale(client):
    officer = provincial_user("440000")
    seconds, ids = load(officer)
    log_in(client, officer)
    sample = random.Random(10).sample(ids, min(REQUESTS, len(ids)))
    for url in (f"/credit/files/{ids[0]}/", f"/enterprises/{ids[0]}/"):
        client.get(url)  # warm-up: the first request compiles templates and fills caches
    page, reference = [], []
    for pk in sample:
        for url, into in ((f"/credit/files/{pk}/", page), (f"/enterprises/{pk}/", reference)):
            start = time.perf_counter()
            response = client.get(url)
            into.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
    figures = {
        "enterprises": N,
        "load_seconds": seconds,
        "requests": len(sample),
        "credit_file": summary(page),
        "registry_page_reference": summary(reference),
        "ratio_p95": round(summary(page)["p95_ms"] / summary(reference)["p95_ms"], 2),
        "machine": "2 cores, test client in process, PostgreSQL on the same host",
    }
    print(json.dumps(figures, indent=2))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2))
    # Load on the shared machine moves both pages' times; their ratio is what a run can
    # promise. The p95 target (under 100 ms) is read from the figures on a quiet machine.
    assert figures["ratio_p95"] < 4
