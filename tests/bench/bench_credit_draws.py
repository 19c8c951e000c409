"""Benchmark of an inspection plan's draw: `make bench` (pytest -o python_files=bench_*.py).

A draw of 5 % of BENCH_DRAW_POOL candidates (default 200,000; the issue's target is
1,000,000 under 2 s) in four groups, with everything the draw computes: the published
candidate list's SHA-256, the split into groups, the quotas, each group's snapshot, its
hash and every candidate's ticket (``portal.draws.compute``, as ``draws.draw`` runs
it). The bare reference, measured in the same run, hashes the same candidate list once
and sorts the identifiers. Figures are printed and
written to test-artifacts/bench-credit-draws.json.
"""

import hashlib
import json
import os
import random
import time
from decimal import Decimal
from pathlib import Path

from credit.services import inspections
from portal import draws

N = int(os.environ.get("BENCH_DRAW_POOL", "200000"))
RESULTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "bench-credit-draws.json"
BODY = "0123456789ABCDEFGHJKLMNPQRTUWXY"
RATIOS = {g: (Decimal("0.05"), None) for g in "ABCD"}


def candidate_text(n):
    rng = random.Random(20261202)
    ids = {"91440106" + "".join(rng.choices(BODY, k=10)) for _ in range(n)}
    while len(ids) < n:
        ids.add("91440106" + "".join(rng.choices(BODY, k=10)))
    return inspections.candidate_text((u, rng.choice("AABBBBCD")) for u in sorted(ids))


def full_draw(text, seed):
    """What publishing and drawing compute, without the database writes."""
    published_hash = hashlib.sha256(text.encode()).hexdigest()
    groups = inspections.groups_of(text)
    quota = inspections.quotas({g: len(ids) for g, ids in groups.items()}, RATIOS)
    drawn = {}
    for group, ids in groups.items():
        _text, _group_hash, drawn[group] = draws.compute(seed, ids, quota[group])
    return published_hash, drawn


def bare_reference(text):
    hashlib.sha256(text.encode()).hexdigest()
    return sorted(line.split("\t")[0] for line in text.split("\n"))


def best_of(function, repeat=3):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def test_a_five_percent_draw_with_hashing():
    text = candidate_text(N)
    seed = draws.committed_seed("bench secret", "credit-inspection-plan-1")
    _hash, drawn = full_draw(text, seed)
    assert sum(len(ids) for ids in drawn.values()) >= N * 0.05

    draw_s = best_of(lambda: full_draw(text, seed))
    reference_s = best_of(lambda: bare_reference(text))
    figures = {
        "pool": N,
        "drawn": sum(len(ids) for ids in drawn.values()),
        "draw_s": round(draw_s, 3),
        "reference_s": round(reference_s, 3),
        "ratio": round(draw_s / reference_s, 1),
        "projected_1m_s": round(draw_s * 1_000_000 / N, 2),
    }
    print(json.dumps(figures))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2))
    # Load on the shared machine moves both figures; their ratio is what the run can promise.
    assert draw_s / reference_s < 12
