"""The verifiable draw: pure ranking, the documented encoding, re-draws, and a citizen's check."""

import hashlib
import re
import subprocess
import sys
import time
from decimal import Decimal as D
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from portal import draws
from portal.models import Draw

DOC = Path(__file__).resolve().parents[2] / "docs" / "draws.md"


def test_the_ticket_is_sha256_of_seed_newline_identifier():
    expected = hashlib.sha256(b"20191130\n440300").hexdigest()
    assert draws.ticket("20191130", "440300") == expected


def test_the_draw_takes_the_lowest_tickets_whatever_the_order():
    ids = [str(n) for n in range(1, 1001)]
    by_ticket = sorted(ids, key=lambda i: hashlib.sha256(f"s\n{i}".encode()).hexdigest())
    assert draws.select("s", ids, 30) == by_ticket[:30]
    assert draws.select("s", list(reversed(ids)), 30) == by_ticket[:30]
    assert draws.select("t", ids, 30) != by_ticket[:30]


def test_the_snapshot_hash_is_of_the_sorted_identifiers_joined_by_newlines():
    assert draws.snapshot_hash(["b", "a", "10"]) == hashlib.sha256(b"10\na\nb").hexdigest()


@pytest.mark.parametrize(
    "candidates,k", [(["1", "1"], 1), (["1", "a\nb"], 1), (["", "2"], 1), (["1", "2"], 3)]
)
def test_bad_candidates_or_k_are_refused(candidates, k):
    with pytest.raises(ValueError):
        draws.select("seed", candidates, k)


@pytest.mark.parametrize(
    "population,ratio,count,expected",
    [(100, D("0.05"), None, 5), (101, D("0.05"), None, 6), (3, D("0.01"), None, 1),
     (10, None, 3, 3), (2, None, 5, 2), (0, D("0.5"), None, 0)],
)  # fmt: skip
def test_sample_size_rounds_a_ratio_up_and_caps_a_count(population, ratio, count, expected):
    assert draws.sample_size(population, ratio=ratio, count=count) == expected


@pytest.mark.parametrize(
    "kwargs", [{}, {"ratio": D("0.1"), "count": 3}, {"ratio": D("0")}, {"ratio": D("1.5")},
               {"count": 0}],
)  # fmt: skip
def test_sample_size_refuses_bad_input(kwargs):
    with pytest.raises(ValueError):
        draws.sample_size(10, **kwargs)


def test_a_million_candidates_are_ranked_quickly():
    ids = [f"91440300{n:010d}" for n in range(1_000_000)]
    started = time.perf_counter()
    chosen = draws.select("2026-12-01", ids, 100)
    elapsed = time.perf_counter() - started
    print(f"1,000,000 candidates ranked in {elapsed:.2f} s")
    assert len(chosen) == 100
    assert elapsed < 10


def _documented(language):
    """The code block of docs/draws.md under the heading that names the language."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split(f"## Check a draw ({language}", 1)[1]
    return re.search(r"```\w*\n(.*?)```", section, re.S).group(1)


CANDIDATES = ["91440300MA5F0001X", "91440300MA5F0002Y", "张三的店", "440106-0003", "9"]
SEED = "2026-12-01 福彩3D 1 2 3"


@pytest.mark.django_db
def test_a_citizen_verifies_a_draw_with_the_documented_python_script(tmp_path, province_user):
    record = draws.draw("test:citizen", SEED, CANDIDATES, 3, user=province_user)
    script = tmp_path / "verify.py"
    script.write_text(_documented("Python"), encoding="utf-8")
    published = record.candidates + "\n"  # as a citizen saves it, with a final newline
    out = (
        subprocess.run(
            [sys.executable, str(script), record.seed, str(record.k)],
            input=published.encode("utf-8"),
            capture_output=True,
            check=True,
        )
        .stdout.decode("utf-8")
        .splitlines()
    )
    assert out[0] == f"list {record.candidates_sha256}"
    assert out[1:] == record.result


@pytest.mark.django_db
def test_a_citizen_verifies_a_draw_with_the_documented_shell_lines(tmp_path, province_user):
    record = draws.draw("test:shell", SEED, CANDIDATES, 3, user=province_user)
    (tmp_path / "candidates.txt").write_text(record.candidates + "\n", encoding="utf-8")
    lines = _documented("shell").replace("SEED='the seed'; K=3", f"SEED='{SEED}'; K=3")
    out = (
        subprocess.run(["bash", "-c", lines], cwd=tmp_path, capture_output=True, check=True)
        .stdout.decode("utf-8")
        .splitlines()
    )
    assert out[0].split()[0] == record.candidates_sha256
    assert out[1:] == record.result


@pytest.mark.django_db
def test_a_second_draw_for_a_purpose_needs_a_reason_and_an_approver(province_user, hq_user):
    first = draws.draw("test:batch", "1", CANDIDATES, 2, user=province_user)
    with pytest.raises(ValidationError) as refused:
        draws.draw("test:batch", "2", CANDIDATES, 2, user=province_user)
    assert refused.value.code == "already_drawn"
    with pytest.raises(ValidationError):
        draws.draw("test:batch", "2", CANDIDATES, 2, reason="名单有误", user=province_user)
    again = draws.draw(
        "test:batch", "2", CANDIDATES, 2, reason="名单有误", approved_by=hq_user, user=province_user
    )
    assert (again.replaces, again.approved_by, again.reason) == (first, hq_user, "名单有误")
    assert list(Draw.objects.filter(purpose="test:batch").order_by("id")) == [first, again]
    assert (first.algorithm, first.k, first.population) == ("sha256-rank-v1", 2, 5)
    assert first.reporting_unit.code == "440000"


def test_the_whole_pool_or_none_of_it_may_be_drawn():
    assert sorted(draws.select("seed", ["2", "1"], 2)) == ["1", "2"]
    assert draws.select("seed", ["2", "1"], 0) == []
    assert draws.select("seed", [], 0) == []


@pytest.mark.parametrize(
    "seed,candidates,k,message",
    [
        ("seed", ["1", "2"], 3, "Cannot draw 3 of 2 candidates."),
        ("seed", ["1", "2"], -1, "Cannot draw -1 of 2 candidates."),
        ("", ["1", "2"], 1, "The seed must be non-empty and on one line."),
        ("a\rb", ["1", "2"], 1, "The seed must be non-empty and on one line."),
        ("a\nb", ["1", "2"], 1, "The seed must be non-empty and on one line."),
        ("seed", ["1", "a\rb"], 1, "Each candidate identifier must be non-empty and on one line."),
        ("seed", ["1", "1"], 1, "Candidate identifiers must be distinct."),
    ],
)
def test_a_refused_draw_says_why(seed, candidates, k, message):
    with translation.override("en"), pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        draws.select(seed, candidates, k)


def test_a_refused_draw_says_why_in_chinese():
    with translation.override("zh-hans"), pytest.raises(ValueError) as refused:
        draws.select("seed", ["1", "2"], 3)
    assert str(refused.value) == "不能从 2 个候选对象中抽取 3 个。"


@pytest.mark.parametrize(
    "population,kwargs,expected",
    [(7, {"ratio": D("1")}, 7), (7, {"count": 1}, 1), (7, {"count": 7}, 7), (0, {"count": 3}, 0),
     (1, {"ratio": D("0.001")}, 1), (1000, {"ratio": D("0.0015")}, 2)],
)  # fmt: skip
def test_sample_size_at_its_edges(population, kwargs, expected):
    assert draws.sample_size(population, **kwargs) == expected


@pytest.mark.parametrize(
    "kwargs,message",
    [({}, "Give either a ratio or a count, not both."),
     ({"ratio": D("0.1"), "count": 3}, "Give either a ratio or a count, not both."),
     ({"count": 0}, "The count must be at least 1."),
     ({"ratio": D("0")}, "The ratio must be more than 0 and at most 1."),
     ({"ratio": D("1.0001")}, "The ratio must be more than 0 and at most 1.")],
)  # fmt: skip
def test_a_refused_sample_size_says_why(kwargs, message):
    with translation.override("en"), pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        draws.sample_size(10, **kwargs)
