"""The t quantiles and Welch's test against published table values (no database)."""

import pytest

from monitoring import stats


@pytest.mark.parametrize(
    ("df", "expected"), [(1, 12.7062), (2, 4.3027), (4, 2.7764), (10, 2.2281), (29, 2.0452),
                         (120, 1.9799)],
)  # fmt: skip
def test_t_quantile_matches_the_tables(df, expected):
    assert round(stats.t_quantile(0.975, df), 4) == expected


def test_interval_needs_two_values():
    assert stats.interval(1, 50, 0) == (None, None)
    low, high = stats.interval(2, 50, 10)
    # 50 ± 12.7062 x 10 / sqrt(2) = 50 ± 89.8464
    assert (str(low), str(high)) == ("-39.8464", "139.8464")


def test_welch_change_significance():
    difference, p, significant = stats.change((100, 60, 10), (100, 65, 10))
    assert str(difference) == "5.0000" and significant and round(p, 4) == 0.0005
    difference, p, significant = stats.change((10, 60, 10), (10, 62, 10))
    assert not significant and p > 0.6
    assert stats.change((1, 60, None), (10, 62, 10))[1:] == (None, False)
