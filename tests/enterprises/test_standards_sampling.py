"""The pure parts of task 7: the seeded draw and the front-runner rule (no database)."""

from decimal import Decimal as D

import pytest

from enterprises import sampling
from enterprises.services.standards import leads


def test_the_same_seed_draws_the_same_sample_whatever_the_order():
    ids = list(range(1, 1001))
    first = sampling.draw(ids, seed=20191130, size=30)
    again = sampling.draw(list(reversed(ids)), seed=20191130, size=30)
    assert first == again
    assert len(set(first)) == 30
    assert set(first) <= set(ids)
    assert sampling.draw(ids, seed=1, size=30) != first


@pytest.mark.parametrize(
    "population,ratio,count,expected",
    [(100, D("0.05"), None, 5), (101, D("0.05"), None, 6), (3, D("0.01"), None, 1),
     (10, None, 3, 3), (2, None, 5, 2), (0, D("0.5"), None, 0)],
)  # fmt: skip
def test_sample_size_rounds_a_ratio_up_and_caps_a_count(population, ratio, count, expected):
    assert sampling.sample_size(population, ratio=ratio, count=count) == expected


@pytest.mark.parametrize(
    "kwargs", [{}, {"ratio": D("0.1"), "count": 3}, {"ratio": D("0")}, {"ratio": D("1.5")},
               {"count": 0}],
)  # fmt: skip
def test_sample_size_refuses_bad_input(kwargs):
    with pytest.raises(ValueError):
        sampling.sample_size(10, **kwargs)


def test_a_draw_cannot_exceed_the_population():
    with pytest.raises(ValueError):
        sampling.draw([1, 2], seed=1, size=3)


@pytest.mark.parametrize(
    "indicators,expected",
    [
        ([(D("99"), D("95"), True)], True),  # higher is better and beats
        ([(D("2"), D("4"), False)], True),  # lower is better and beats
        ([(D("95"), D("95"), True)], False),  # only equals
        ([(D("99"), D("95"), True), (D("95"), D("95"), True)], True),  # all meet, one beats
        ([(D("99"), D("95"), True), (D("5"), D("4"), False)], False),  # one falls short
        ([(D("99"), None, True)], False),  # no benchmark to compare with
        ([], False),
    ],
)
def test_front_runner_rule(indicators, expected):
    assert leads(indicators) is expected
