"""Waves through the pages: headquarters and regulators create them, quotas and their progress,
recomputation as a job, the charts with their tables."""

import pytest

from monitoring.models import IndexResult, Wave
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def wave_post(version, **change):
    data = {"name": "2020年全国服务质量满意度调查", "version": version.pk,
            "period_start": "2020-01-01", "period_end": "2020-06-30", "reporting_unit": "",
            "sectors": ["H", "O"], "quota": "2"}  # fmt: skip
    data.update(change)
    return data


def test_headquarters_creates_a_national_wave_with_its_quota(client_for, hq_user):
    version = factories.survey_model()
    client = client_for(hq_user)
    response = client.post("/monitoring/waves/new/", wave_post(version))
    wave = Wave.objects.get()
    assert response.url == f"/monitoring/waves/{wave.pk}/" and wave.is_national
    assert sorted(wave.quotas.values_list("sector", "target")) == [("H", 2), ("O", 2)]


def test_a_regulators_wave_is_its_own_units(client_for, province_user):
    version = factories.survey_model()
    client_for(province_user).post(
        "/monitoring/waves/new/", wave_post(version, reporting_unit=factories.unit("330000").pk)
    )
    assert Wave.objects.get().reporting_unit.code == "440000"  # fmt: skip


def test_a_wave_refuses_a_version_with_bad_weights_and_sectors_outside_the_model(
    client_for, hq_user
):
    version = factories.survey_model(sectors=("H",))
    first = version.dimensions.get(position=1)
    first.weight = "0.5"
    first.save()
    client = client_for(hq_user)
    response = client.post("/monitoring/waves/new/", wave_post(version, sectors=["H"]))
    assert response.status_code == 400 and "sum to 1.3, not 1" in response.content.decode()
    first.weight = "0.2"
    first.save()
    response = client.post("/monitoring/waves/new/", wave_post(version))
    assert "The model does not apply to: O" in response.content.decode()
    assert not Wave.objects.exists()


def test_progress_counts_usable_responses_against_the_quota(client_for, province_user):
    wave = factories.survey_wave(quota=2)
    gd = factories.unit("440000").pk
    four = {f"q{i}": 4 for i in range(1, 8)}
    factories.survey_responses(wave, [
        {"reporting_unit_id": gd, "sector": "H", "answers": four},
        {"reporting_unit_id": gd, "sector": "H", "answers": four, "reason": "Duplicate of row 2."},
    ])  # fmt: skip
    response = client_for(province_user).get(f"/monitoring/waves/{wave.pk}/")
    progress = {p["quota"].sector: (p["done"], p["share"]) for p in response.context["progress"]}
    assert progress == {"H": (1, 50.0), "O": (0, 0.0)}


def test_recomputing_on_demand_runs_a_job_and_the_page_shows_intervals_and_charts(
    client_for, hq_user, hand_wave
):
    client = client_for(hq_user)
    assert not IndexResult.objects.filter(wave=hand_wave).exists()
    page = client.get(f"/monitoring/waves/{hand_wave.pk}/").content.decode()
    assert "insufficient data" in page
    response = client.post(f"/monitoring/waves/{hand_wave.pk}/compute/")
    job = client.get(response.url)
    assert job.status_code == 200 and IndexResult.objects.filter(wave=hand_wave).exists()
    page = client.get(f"/monitoring/waves/{hand_wave.pk}/").content.decode()
    assert "62.92" in page and "-6.33 – 132.17" in page  # the hand-checked figures
    assert page.count("<svg") >= 3 and "Dimension profile" in page
    assert "广东省" in page and "浙江省" in page


def test_the_chart_by_unit_ranks_the_units_highest_index_first(client_for, hq_user):
    from monitoring.services import indices

    wave = factories.survey_wave()
    low = {f"q{i}": 2 for i in range(1, 8)} | {"q1": 3}
    high = {f"q{i}": 5 for i in range(1, 8)} | {"q1": 4}
    rows = [("110000", low), ("440000", high), ("330000", {**low, "q2": 4})]
    factories.survey_responses(wave, [
        {"reporting_unit_id": factories.unit(code).pk, "sector": "H", "answers": answers}
        for code, answers in rows for _ in range(2)
    ])  # fmt: skip
    indices.compute(wave)
    charts = client_for(hq_user).get(f"/monitoring/waves/{wave.pk}/").context["charts"]
    by_unit = next(c for c in charts if c["title"] == "Index by reporting unit")
    svg = str(by_unit["svg"])
    assert svg.index("广东省") < svg.index("浙江省") < svg.index("北京市")
    means = [f.mean for f in by_unit["rows"]]
    assert means == sorted(means, reverse=True)
