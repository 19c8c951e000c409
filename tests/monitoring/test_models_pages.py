"""Headquarters defines evaluation models: weights that sum to 1, frozen versions, new versions."""

import pytest

from monitoring.models import EvaluationModel, ModelVersion
from portal.models import AuditEntry
from tests import factories
from tests.logins import log_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def weights_post(version, change=None):
    data = {}
    for dimension in version.dimensions.prefetch_related("indicators"):
        data[f"d{dimension.pk}"] = str(dimension.weight)
        for indicator in dimension.indicators.all():
            data[f"i{indicator.pk}"] = str(indicator.weight)
    data.update(change or {})
    return data


def test_headquarters_creates_a_servqual_model_with_paired_items(client, hq_user):
    log_in(client, hq_user)
    response = client.post("/monitoring/models/new/", {
        "code": "servqual-2020", "name": "服务质量差距模型", "kind": "servqual",
        "sectors": ["H", "ps:health"], "scale": "1-7", "description": "",
    })  # fmt: skip
    model = EvaluationModel.objects.get(code="servqual-2020")
    version = model.versions.get()
    assert response.status_code == 302 and response.url == f"/monitoring/versions/{version.pk}/"
    assert list(version.dimensions.values_list("code", flat=True)) == [
        "tangibles", "reliability", "responsiveness", "assurance", "empathy",
    ]  # fmt: skip
    page = client.get(response.url).content.decode()
    assert "t1_E, t1_P, t2_E, t2_P, r1_E" in page
    assert AuditEntry.objects.filter(object_id=str(model.pk), action="create").exists()


def test_weights_that_do_not_sum_to_one_are_refused_with_the_sum(client, hq_user):
    version = factories.survey_model("acsi")
    first = version.dimensions.get(position=1)
    log_in(client, hq_user)
    url = f"/monitoring/versions/{version.pk}/weights/"
    response = client.post(url, weights_post(version, {f"d{first.pk}": "0.3"}))
    assert response.status_code == 400
    assert "The dimension weights sum to 1.1, not 1." in response.content.decode()
    first.refresh_from_db()
    assert str(first.weight) == "0.2000"
    second = version.dimensions.get(position=2)
    fixed = {f"d{first.pk}": "0.3", f"d{second.pk}": "0.1"}
    assert client.post(url, weights_post(version, fixed)).status_code == 302
    first.refresh_from_db()
    assert str(first.weight) == "0.3000"


def test_indicator_weights_within_a_dimension_must_sum_to_one(client, hq_user):
    version = factories.survey_model("acsi")
    quality = version.dimensions.get(position=2)
    factories_indicator = quality.indicators.create(position=2, code="extra", name="附加",
                                                    weight="0.5")  # fmt: skip
    log_in(client, hq_user)
    response = client.post(f"/monitoring/versions/{version.pk}/weights/", weights_post(version))
    assert "The indicator weights of “感知质量” sum to 1.5, not 1." in response.content.decode()
    change = {f"i{factories_indicator.pk}": "0.5", f"i{quality.indicators.first().pk}": "0.5"}
    response = client.post(f"/monitoring/versions/{version.pk}/weights/",
                           weights_post(version, change))  # fmt: skip
    assert response.status_code == 302


def test_provinces_read_models_but_cannot_change_them(client, province_user):
    version = factories.survey_model("acsi")
    log_in(client, province_user)
    assert client.get("/monitoring/models/").status_code == 200
    assert client.get(f"/monitoring/versions/{version.pk}/").status_code == 200
    first = version.dimensions.get(position=1)
    response = client.post(f"/monitoring/versions/{version.pk}/weights/",
                           weights_post(version, {f"d{first.pk}": "1"}))  # fmt: skip
    assert response.status_code == 403
    assert client.post("/monitoring/models/new/", {"code": "x"}).status_code == 403


def test_a_frozen_version_does_not_change_and_a_new_version_keeps_the_old(client, hq_user):
    wave = factories.survey_wave()
    version = wave.version
    factories.survey_responses(wave, [{"reporting_unit_id": factories.unit("440000").pk,
        "sector": "H", "answers": {f"q{i}": 3 for i in range(1, 8)}}])  # fmt: skip
    version.refresh_from_db()
    assert version.frozen
    log_in(client, hq_user)
    item = {"indicator": version.dimensions.first().indicators.first().pk, "code": "q8",
            "text": "新问题", "scale": "1-5", "required": "on"}  # fmt: skip
    client.post(f"/monitoring/versions/{version.pk}/items/", item)
    assert not version.dimensions.first().indicators.first().items.filter(code="q8").exists()
    response = client.post(f"/monitoring/versions/{version.pk}/new-version/", {"note": "加题"})
    copy = ModelVersion.objects.get(model=version.model, number=2)
    assert response.url == f"/monitoring/versions/{copy.pk}/" and not copy.frozen
    client.post(f"/monitoring/versions/{copy.pk}/items/",
                {**item, "indicator": copy.dimensions.first().indicators.first().pk})  # fmt: skip
    assert copy.dimensions.first().indicators.first().items.filter(code="q8").exists()
    assert not version.dimensions.first().indicators.first().items.filter(code="q8").exists()


def test_a_column_code_is_used_once_per_version(client, hq_user):
    version = factories.survey_model("acsi")
    log_in(client, hq_user)
    item = {"indicator": version.dimensions.first().indicators.first().pk, "code": "q2",
            "text": "重复", "scale": "1-5"}  # fmt: skip
    response = client.post(f"/monitoring/versions/{version.pk}/items/", item)
    assert response.status_code == 400 and "The column “q2” is already used." in (
        response.content.decode()
    )
