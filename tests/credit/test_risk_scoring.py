"""A hand-computed case: scores, class boundaries, weights, caps and the explanation."""

import datetime
from decimal import Decimal

import pytest

from credit.models import EnterpriseRiskClass, RiskClassHistory
from credit.services.risk_compute import recompute
from tests import factories

TODAY = datetime.date(2026, 12, 2)
pytestmark = pytest.mark.django_db


def model():
    """B from 0, C from 10, D from 20; complaints +10 per complaint a year (counted up to 5),
    -1 × weight 2 per year in business (up to 10), -10 for a valid certificate, -5 for a pledge."""
    return factories.scoring_model(
        b_from=0, c_from=10, d_from=20,
        complaint_rate=(10, 1, 5), years_in_business=(-1, 2, 10),
        valid_certification=(-10, 1, None), published_pledge=(-5, 1, None),
    )  # fmt: skip


def current(enterprise):
    return EnterpriseRiskClass.objects.get(pk=enterprise.pk)


def test_scores_classes_and_explanation_are_the_hand_computed_ones():
    model()
    # 5 whole years (the sixth starts tomorrow), 6 complaints = 1.2 a year, a valid certificate.
    five_years = factories.EnterpriseFactory(established_on=datetime.date(2020, 12, 3))
    factories.complaints_about(five_years, 6)
    factories.certificate(five_years, issued_on=datetime.date(2025, 1, 1))
    # Exactly two years today, 4 complaints = 2 a year: 20 - 4 = 16.
    two_years = factories.EnterpriseFactory(established_on=datetime.date(2024, 12, 2))
    factories.complaints_about(two_years, 4)
    # No date: counted as 0 years, complaints per one year: 2 × 10 = 20, exactly on D.
    unknown_age = factories.EnterpriseFactory(established_on=None)
    factories.complaints_about(unknown_age, 2)

    run = recompute(today=TODAY)

    assert run.enterprises == 3 and run.changed == 3
    row = current(five_years)
    assert (row.score, row.risk_class, row.computed_class) == (Decimal("-8.00"), "A", "A")
    assert row.explanation == {
        "complaint_rate": [1.2, 12.0],
        "years_in_business": [5, -10.0],
        "valid_certification": [1, -10.0],
        "published_pledge": [0, 0],
    }
    assert (current(two_years).score, current(two_years).risk_class) == (Decimal("16.00"), "C")
    assert (current(unknown_age).score, current(unknown_age).risk_class) == (Decimal("20.00"), "D")


def test_a_cap_limits_the_value_counted():
    model()
    young = factories.EnterpriseFactory(established_on=datetime.date(2026, 1, 1))
    factories.complaints_about(young, 7)  # 7 a year, counted as 5: 50 points
    recompute(today=TODAY)
    assert current(young).explanation["complaint_rate"] == [7, 50.0]
    assert current(young).score == Decimal("50.00")


def test_a_score_one_below_a_threshold_is_the_lower_class():
    factories.scoring_model(b_from=1, c_from=10, d_from=21, complaint_rate=(10, 1, None))
    on_the_line = factories.EnterpriseFactory(established_on=None)
    factories.complaints_about(on_the_line, 2)  # 20 points, D starts at 21
    recompute(today=TODAY)
    assert current(on_the_line).risk_class == "C"


def test_the_weight_multiplies_the_points():
    factories.scoring_model(b_from=1, c_from=10, d_from=20, years_in_business=(1, 3, None))
    old = factories.EnterpriseFactory(established_on=datetime.date(2022, 6, 1))  # 4 years
    recompute(today=TODAY)
    assert current(old).explanation == {"years_in_business": [4, 12.0]}
    assert current(old).risk_class == "C"


def test_only_changed_classes_get_a_history_row_and_a_new_version_gives_every_one():
    model()
    steady = factories.EnterpriseFactory(established_on=datetime.date(2010, 1, 1))
    changing = factories.EnterpriseFactory(established_on=datetime.date(2010, 1, 1))
    recompute(today=TODAY)
    factories.complaints_about(changing, 3)
    second = recompute(today=TODAY)
    assert second.changed == 1
    assert list(second.history.values_list("enterprise_id", flat=True)) == [changing.pk]
    third = model()  # the first version was used, so saving makes version 2
    assert third.version == 2
    run = recompute(today=TODAY)
    assert run.changed == 2
    assert RiskClassHistory.objects.filter(enterprise=steady).count() == 2
    assert current(steady).scoring_model == third


def test_recomputing_one_unit_leaves_the_others_alone():
    model()
    guangdong = factories.EnterpriseFactory()
    zhejiang = factories.EnterpriseFactory(division_code="330106")
    run = recompute(reporting_unit=guangdong.reporting_unit, today=TODAY)
    assert run.enterprises == 1
    assert EnterpriseRiskClass.objects.filter(pk=guangdong.pk).exists()
    assert not EnterpriseRiskClass.objects.filter(pk=zhejiang.pk).exists()
