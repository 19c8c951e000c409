"""Confidence intervals and the test of a change, without numpy or scipy (pure, no database).

Student's t distribution from the regularised incomplete beta function (continued
fraction, Numerical Recipes 6.4); its quantile by bisection, so the same inputs give
the same digits everywhere. A quantile depends only on p and the degrees of freedom, so
it is computed once per (p, df) in a process: a wave's figures share few distinct counts.
"""

import functools
import math
from decimal import ROUND_HALF_UP, Decimal

CONFIDENCE = 0.95
PLACES = Decimal("0.0001")


def _beta_fraction(a, b, x):
    tiny, eps = 1e-300, 1e-15
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        for aa in (m * (b - m) * x / ((qam + m2) * (a + m2)),
                   -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))):  # fmt: skip
            d = 1.0 + aa * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + aa / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < eps:
            break
    return h


def incomplete_beta(a, b, x):
    """The regularised incomplete beta function I_x(a, b)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1) / (a + b + 2):
        return front * _beta_fraction(a, b, x) / a
    return 1.0 - front * _beta_fraction(b, a, 1 - x) / b


def t_cdf(t, df):
    """P(T <= t) for Student's t with df degrees of freedom."""
    tail = 0.5 * incomplete_beta(df / 2, 0.5, df / (df + t * t))
    return 1 - tail if t > 0 else tail


@functools.cache
def t_quantile(p, df):
    """The t value below which a share p of the distribution lies (0.5 < p < 1)."""
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:
        high *= 2
    for _step in range(200):
        middle = (low + high) / 2
        if t_cdf(middle, df) < p:
            low = middle
        else:
            high = middle
        if high - low < 1e-13:
            break
    return (low + high) / 2


def rounded(value):
    """A figure as stored and shown: four decimals, halves away from zero."""
    return None if value is None else Decimal(str(value)).quantize(PLACES, ROUND_HALF_UP)


def interval(n, mean, sd):
    """The 95% t interval of a mean of n values, or (None, None) below two values."""
    if n < 2 or mean is None or sd is None:
        return None, None
    half = t_quantile(1 - (1 - CONFIDENCE) / 2, n - 1) * float(sd) / math.sqrt(n)
    return rounded(float(mean) - half), rounded(float(mean) + half)


def change(before, after):
    """Welch's test of two means: (difference, two-sided p, significant at 5%).

    before and after are (n, mean, sd); p is None when either has fewer than two values.
    """
    (n1, m1, s1), (n2, m2, s2) = before, after
    difference = rounded(float(m2) - float(m1))
    if n1 < 2 or n2 < 2 or s1 is None or s2 is None:
        return difference, None, False
    v1, v2 = float(s1) ** 2 / n1, float(s2) ** 2 / n2
    if v1 + v2 == 0:
        return difference, (1.0 if difference == 0 else 0.0), difference != 0
    t = (float(m2) - float(m1)) / math.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1**2 / (n1 - 1) + v2**2 / (n2 - 1))
    p = 2 * (1 - t_cdf(abs(t), df))
    return difference, p, p < 1 - CONFIDENCE
