"""The pure part of task 7: the front-runner rule (no database; the draw is portal.draws)."""

from decimal import Decimal as D

import pytest

from enterprises.services.standards import leads


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
