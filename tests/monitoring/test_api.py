"""/api/v1/survey-waves/, /survey-indices/, /survey-model-versions/: what each role reads.

The hand-checked national wave of conftest (A, B in Guangdong, C in Zhejiang; figures
worked out in test_indices.py), computed, beside a wave of Guangdong and one of Zhejiang.
"""

from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from monitoring.models import IndexResult
from monitoring.services import indices
from tests import factories

pytestmark = pytest.mark.django_db
WAVES, INDICES, VERSIONS = (
    "/api/v1/survey-waves/",
    "/api/v1/survey-indices/",
    "/api/v1/survey-model-versions/",
)


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def rows(response):
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["next"] is None
    return body["results"]


@pytest.fixture
def world(hand_wave):
    """The computed national wave and a (not computed) wave of each of the two units."""
    indices.compute(hand_wave)
    gd, zj = factories.unit("440000"), factories.unit("330000")
    return {
        "national": hand_wave,
        "guangdong": factories.survey_wave(unit=gd),
        "zhejiang": factories.survey_wave(unit=zj),
        "gd": gd.pk,
        "zj": zj.pk,
    }


def wave_ids(user):
    return {row["id"] for row in rows(api(user).get(WAVES))}


def index_groups(user, wave):
    """(level, group) of the wave's overall index rows the user reads."""
    got = rows(api(user).get(INDICES, {"wave": wave.pk, "component": "index", "page_size": 500}))
    return {(row["level"], row["group"]) for row in got}


def test_headquarters_reads_every_wave_and_every_figure(world, hq_user):
    national, gd, zj = world["national"], world["gd"], world["zj"]
    assert wave_ids(hq_user) == {national.pk, world["guangdong"].pk, world["zhejiang"].pk}
    assert index_groups(hq_user, national) == {
        ("nation", ""), ("unit", str(gd)), ("unit", str(zj)), ("sector", "H"), ("sector", "O"),
        ("unit_sector", f"{gd}:H"), ("unit_sector", f"{gd}:O"), ("unit_sector", f"{zj}:H"),
    }  # fmt: skip


def test_a_province_reads_its_units_figures_and_the_national_ones(world, province_user):
    national, gd = world["national"], world["gd"]
    assert wave_ids(province_user) == {national.pk, world["guangdong"].pk}
    assert index_groups(province_user, national) == {
        ("nation", ""), ("unit", str(gd)), ("unit_sector", f"{gd}:H"), ("unit_sector", f"{gd}:O"),
    }  # fmt: skip
    every = rows(api(province_user).get(INDICES, {"wave": national.pk, "page_size": 500}))
    assert {row["reporting_unit"] for row in every} == {None, gd}


def test_another_province_reads_only_its_own_unit(world, other_province_user):
    national, zj = world["national"], world["zj"]
    assert wave_ids(other_province_user) == {national.pk, world["zhejiang"].pk}
    assert index_groups(other_province_user, national) == {
        ("nation", ""), ("unit", str(zj)), ("unit_sector", f"{zj}:H"),
    }  # fmt: skip
    guangdong_row = IndexResult.objects.get(
        wave=national, level="unit", group=str(world["gd"]), component="index"
    )
    assert api(other_province_user).get(f"{INDICES}{guangdong_row.pk}/").status_code == 404
    assert api(other_province_user).get(f"{WAVES}{world['guangdong'].pk}/").status_code == 404


def test_enterprises_and_anonymous_callers_read_nothing(world, enterprise_user):
    for url in (WAVES, INDICES, VERSIONS, f"{WAVES}{world['national'].pk}/"):
        assert api(enterprise_user).get(url).status_code == 403
        refused = api().get(url)
        assert refused.status_code == 403
        assert refused.json()["error"]["code"] == "not_authenticated"


def test_the_figures_are_the_hand_computed_ones(world, province_user):
    national, gd = world["national"], world["gd"]
    got = rows(api(province_user).get(INDICES, {"wave": national.pk, "component": "index",
                                               "level": "nation"}))  # fmt: skip
    assert [(r["n"], r["mean"], r["sd"], r["low"], r["high"]) for r in got] == [
        (3, "62.9167", "27.8762", "-6.3317", "132.1650")
    ]
    got = rows(api(province_user).get(INDICES, {"wave": national.pk, "component": "index",
                                               "level": "unit"}))  # fmt: skip
    assert [(r["group"], r["n"], r["mean"], r["low"], r["high"]) for r in got] == [
        (str(gd), 2, "52.5000", "-217.5069", "322.5069")
    ]


def test_a_wave_carries_the_weights_and_formula_of_its_figures(world, province_user):
    wave = rows(api(province_user).get(WAVES, {"national": "true"}))
    assert [w["id"] for w in wave] == [world["national"].pk]
    computation = wave[0]["computation"]
    assert (computation["responses"], computation["excluded"]) == (3, 1)
    weights = [d["weight"] for d in computation["published"]["dimensions"]]
    assert weights == ["0.1000", "0.4000", "0.1000", "0.3000", "0.1000"]
    own = rows(api(province_user).get(WAVES, {"national": "false"}))
    assert [(w["id"], w["computation"]) for w in own] == [(world["guangdong"].pk, None)]


def test_model_versions_show_the_weights_and_items(world, province_user):
    version = world["national"].version
    got = rows(api(province_user).get(VERSIONS, {"model__code": version.model.code}))
    assert [(v["id"], v["kind"], v["number"]) for v in got] == [(version.pk, "acsi", 1)]
    dimensions = got[0]["dimensions"]
    assert [Decimal(d["weight"]) for d in dimensions] == [
        Decimal(w) for w in ("0.1", "0.4", "0.1", "0.3", "0.1")
    ]
    items = [i["code"] for d in dimensions for ind in d["indicators"] for i in ind["items"]]
    assert items == [f"q{n}" for n in range(1, 8)]


def test_a_wrong_filter_is_refused_naming_it(world, hq_user):
    refused = api(hq_user).get(INDICES, {"level": "planet"})
    assert refused.status_code == 400
    assert list(refused.json()["error"]["fields"]) == ["level"]
    refused = api(hq_user).get(WAVES, {"national": "1.2e+159"})
    assert refused.status_code == 400
    assert list(refused.json()["error"]["fields"]) == ["national"]
