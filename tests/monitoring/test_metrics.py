"""Tasks 3, 10 and 12: the survey figures of a unit and period in the progress report."""

import datetime
from decimal import Decimal

import pytest

from monitoring.metrics import metrics
from monitoring.services import indices
from reporting.metrics_registry import collect
from tests import factories

pytestmark = pytest.mark.django_db
YEAR = (datetime.date(2020, 1, 1), datetime.date(2020, 12, 31))


def figures(unit_code, start, end):
    unit = factories.unit(unit_code)
    return {f["key"]: f["value"] for f in metrics(unit, start, end) if "evaluation" not in f["key"]}


def test_the_units_survey_figures_of_the_period(hand_wave, settings):
    settings.MONITORING_MIN_RESPONSES = 1
    factories.survey_wave(period_start=datetime.date(2021, 1, 1),
                          period_end=datetime.date(2021, 3, 31))  # another year  # fmt: skip
    indices.compute(hand_wave)
    assert figures("440000", *YEAR) == {
        "survey_waves": 1,
        "survey_responses": 2,  # A and B; the straight-liner is excluded
        "survey_index": 52.5,
        "public_service_index": 0,
        "enterprises_benchmarked": 0,
        "sectors_benchmarked": 2,  # H and O
        "survey_answers_collected": 3,
        "survey_answers_excluded": 1,
    }
    zhejiang = figures("330000", *YEAR)
    assert (zhejiang["survey_responses"], zhejiang["survey_index"]) == (1, Decimal("83.8"))


def test_the_report_collects_them_under_their_tasks(hand_wave):
    indices.compute(hand_wave)
    collected = [f for f in collect(factories.unit("440000"), *YEAR) if f["app"] == "monitoring"]
    assert {f["task"] for f in collected} == {3, 10, 12}
    assert not [f for f in collect(factories.unit("440000"), datetime.date(2019, 1, 1),
                                   datetime.date(2019, 12, 31))
                if f["app"] == "monitoring" and f["value"]]  # fmt: skip
