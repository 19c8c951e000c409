"""The pure risk rules: contribution, class of a score, threshold checks (no database)."""

from decimal import Decimal as D

import pytest

from credit.risk_rules import Term, class_for, contribution, score_range, threshold_errors

pytestmark = pytest.mark.usefixtures("english")
YES_NO = Term(D(-10), max_value=D(1))


def test_contribution_is_points_times_counted_value_times_weight():
    assert contribution(Term(D(10), D("1.5"), D(5)), D(7)) == D("75.00")
    assert contribution(Term(D(10), D("1.5"), D(5)), D("1.234")) == D("18.51")
    assert contribution(Term(D(-1), D(2)), D(3)) == D("-6.00")


def test_a_score_on_a_threshold_takes_the_higher_class():
    bands = (D(0), D(10), D(20))
    assert [class_for(s, *bands) for s in (D("-0.01"), D(0), D("9.99"), D(10), D(20))] == [
        "A", "B", "B", "C", "D",
    ]  # fmt: skip


def test_score_range_follows_caps_and_signs():
    assert score_range([YES_NO, Term(D(10), cap=D(5))]) == (D(-10), D(50))
    assert score_range([Term(D(10))]) == (D(0), None)
    assert score_range([Term(D(-1))]) == (None, D(0))


def test_good_thresholds_pass():
    assert threshold_errors(D(-5), D(10), D(20), [YES_NO, Term(D(10), cap=D(5))]) == []


def test_overlapping_classes_are_named_with_their_numbers():
    errors = threshold_errors(D(0), D(30), D(20), [YES_NO, Term(D(10))])
    assert errors == ["Classes C and D overlap: C starts at 30 but D starts below it, at 20."]


def test_an_empty_class_is_named():
    (same,) = threshold_errors(D(0), D(10), D(10), [YES_NO, Term(D(10))])
    assert same.startswith("Class C is empty: it starts at 10 and class D starts at the same")
    (low,) = threshold_errors(D(-10), D(10), D(20), [YES_NO, Term(D(10))])
    assert low.startswith("Class A is empty") and "-10" in low
    (high,) = threshold_errors(D(-5), D(10), D(61), [YES_NO, Term(D(10), cap=D(5))])
    assert high.startswith("Class D is empty") and "50" in high and "61" in high
    assert threshold_errors(D(-5), D(10), D(50), [YES_NO, Term(D(10), cap=D(5))]) == []
