"""Units ranked (ties, overlapping intervals), change against the previous wave, focus areas."""

import datetime
from decimal import Decimal

import pytest

from monitoring.services import indices
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def same(value):
    return {f"q{i}": value for i in range(1, 8)}


def answered(wave, rows):
    factories.survey_responses(wave, [
        {"reporting_unit_id": factories.unit(code).pk, "sector": sector, "answers": same(v)}
        for code, sector, v in rows
    ])  # fmt: skip
    indices.compute(wave)
    return wave


@pytest.fixture
def waves(db):
    """Last year: Guangdong 62.5 (3 and 4 everywhere); this year Guangdong and Zhejiang 75 (tie),
    Beijing 62.5 with a wide interval that overlaps both; every index on the 1-5 scale."""
    version = factories.survey_model()
    before = factories.survey_wave(
        version,
        period_start=datetime.date(2019, 1, 1),
        period_end=datetime.date(2019, 6, 30),
        name="2019年",
    )
    answered(before, [("440000", "H", 3), ("440000", "H", 4)])
    now = factories.survey_wave(version, name="2020年")
    answered(
        now,
        [
            ("440000", "H", 4),
            ("440000", "H", 4),
            ("330000", "O", 4),
            ("330000", "O", 4),
            ("110000", "H", 3),
            ("110000", "H", 4),
        ],
    )
    return before, now  # fmt: skip


def test_headquarters_sees_units_ranked_with_ties_and_overlaps(client_for, hq_user, waves):
    _before, now = waves
    client = client_for(hq_user)
    response = client.get(f"/monitoring/waves/{now.pk}/comparisons/")
    ranked = [(r["rank"], r["figure"].name, r["tied"], sorted(r["overlaps"]))
              for r in response.context["units"]]  # fmt: skip
    assert ranked == [
        (1, "广东省", True, ["北京市", "浙江省"]),
        (1, "浙江省", True, ["北京市", "广东省"]),
        (3, "北京市", False, ["广东省", "浙江省"]),
    ]
    page = response.content.decode()
    assert "tie" in page and "intervals overlap with" in page


def test_change_against_the_previous_wave_with_its_significance(client_for, hq_user, waves):
    """Guangdong 62.5 (sd 17.6777, n 2) then 75 (sd 0, n 2): t = 12.5 / 12.5 = 1 with
    Welch's df = 1, so p = 0.5: a change of 12.5 that this sample cannot confirm."""
    before, now = waves
    response = client_for(hq_user).get(f"/monitoring/waves/{now.pk}/comparisons/")
    assert response.context["previous"] == before
    (change,) = response.context["changes"]
    assert change["name"] == "广东省" and change["difference"] == Decimal("12.5000")
    assert round(change["p"], 4) == 0.5 and not change["significant"]


def test_focus_areas_join_the_weakest_sectors_with_their_complaints(client_for, hq_user, waves):
    _before, now = waves
    for _n in range(2):
        factories.complaint(received_on=datetime.date(2020, 3, 2), service_section="H")
    factories.complaint(received_on=datetime.date(2021, 3, 2), service_section="H")  # later
    focus = client_for(hq_user).get(f"/monitoring/waves/{now.pk}/comparisons/").context["focus"]
    weakest = [(s["figure"].group, s["figure"].mean, s["complaints"]) for s in focus["sectors"]]
    assert weakest == [("H", Decimal("68.7500"), 2), ("O", Decimal("75.0000"), 0)]
    assert [f.component for f in focus["dimensions"]][:1] and len(focus["dimensions"]) == 3


def test_a_regulator_compares_only_its_own_unit(client_for, other_province_user, waves):
    _before, now = waves
    response = client_for(other_province_user).get(f"/monitoring/waves/{now.pk}/comparisons/")
    assert [r["figure"].name for r in response.context["units"]] == ["浙江省"]
    assert "广东省" not in response.content.decode()


def test_a_units_wave_ranks_its_sectors_and_a_province_sees_its_own_weak_sectors(
    client_for, province_user, other_province_user, waves
):
    guangdong = factories.survey_wave(unit=factories.unit("440000"), name="广东2020年")
    answered(guangdong, [("440000", "H", 4), ("440000", "H", 4), ("440000", "O", 3)])
    page = client_for(province_user).get(f"/monitoring/waves/{guangdong.pk}/comparisons/")
    gd = factories.unit("440000").pk
    assert [r["figure"].group for r in page.context["sectors"]] == [f"{gd}:H", f"{gd}:O"]
    _before, now = waves
    page = client_for(other_province_user).get(f"/monitoring/waves/{now.pk}/comparisons/")
    zj = factories.unit("330000").pk
    assert [s["figure"].group for s in page.context["focus"]["sectors"]] == [f"{zj}:O"]
