"""Task 12 figures for progress reports, and the dashboard panels."""

import datetime

import pytest
from django.utils import timezone

from monitoring.metrics import metrics
from monitoring.services import evaluations
from reporting.metrics_registry import collect
from tests import factories

pytestmark = pytest.mark.django_db


def values(unit_code, start, end):
    unit = factories.unit(unit_code)
    return {f["key"]: f["value"] for f in metrics(unit, start, end)}


def test_the_figures_count_the_units_evaluations_of_the_period(province_user):
    today = timezone.localdate()
    enterprise = factories.EnterpriseFactory()
    factories.evaluation(enterprise, overall=5)
    factories.evaluation(enterprise, overall=2)
    held = factories.held_evaluation(enterprise)  # two more: one released (4), one held
    factories.evaluation(factories.EnterpriseFactory(division_code="330106"), overall=1)
    old = today - datetime.timedelta(days=40)
    factories.evaluation(
        enterprise,
        overall=1,
        at=timezone.make_aware(datetime.datetime.combine(old, datetime.time(12))),
    )
    assert held.status == "held"
    got = values("440000", today - datetime.timedelta(days=1), today)
    assert got == {
        "evaluations_received": 4,
        "evaluations_released": 3,
        "evaluations_held": 1,
        "evaluation_average": round((5 + 2 + 4) / 3, 2),
    }
    evaluations.EVALUATION.apply(held, "release", province_user)
    got = values("440000", today - datetime.timedelta(days=1), today)
    assert (got["evaluations_released"], got["evaluations_held"]) == (4, 0)


def test_the_figures_belong_to_task_12_in_the_report():
    today = timezone.localdate()
    factories.evaluation(overall=3)
    figures = [
        f for f in collect(factories.unit("440000"), today, today) if f["app"] == "monitoring"
    ]
    assert {f["task"] for f in figures} == {12}
    assert {f["key"]: f["value"] for f in figures}["evaluations_received"] == 1


def test_regulators_see_the_held_evaluations_of_their_jurisdiction(
    client_for, province_user, other_province_user
):
    factories.held_evaluation()
    factories.held_evaluation()

    def waiting(user):
        panels = client_for(user).get("/dashboard/").context["panels"]
        (panel,) = [p for p in panels if str(p.title) == "消费者评价"]
        return dict((str(label), value) for label, value in panel.figures)["暂缓待审核的评价"]

    assert waiting(province_user) == 2
    assert waiting(other_province_user) == 0
