"""Benchmarking: percentile among peers per dimension, the best tenth's profile, no peer named."""

import pytest

from monitoring.services import benchmarks, indices
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_percentile_counts_ties_half():
    assert benchmarks.percentile(70, [50, 60, 70, 80]) == 62.5  # 2 below, 1 equal, of 4
    assert benchmarks.percentile(90, [50, 60]) == 100.0
    assert benchmarks.percentile(None, [1]) is None and benchmarks.percentile(5, []) is None


@pytest.fixture
def firms(db, settings):
    """Four hotels of Guangdong with their own index (2 responses each, minimum 2) and one of
    Zhejiang; answers all 2, 3, 4, 5 (indices 25, 50, 75, 100) and 5 in Zhejiang."""
    settings.MONITORING_MIN_RESPONSES = 2
    wave = factories.survey_wave()
    made = []
    for value, code, division in [(2, "440000", "440106"), (3, "440000", "440106"),
                                  (4, "440000", "440106"), (5, "440000", "440106"),
                                  (5, "330000", "330106")]:  # fmt: skip
        firm = factories.EnterpriseFactory(
            division_code=division, industry_section="H", industry_division="62",
            name=f"同行酒店{value}{code}",
        )  # fmt: skip
        row = {
            "reporting_unit_id": factories.unit(code).pk,
            "sector": "H",
            "enterprise_id": firm.pk,
            "answers": {f"q{i}": value for i in range(1, 8)},
        }
        factories.survey_responses(wave, [row, row])  # fmt: skip
        made.append(firm)
    indices.compute(wave)
    return wave, made


def test_an_enterprise_against_its_section_and_its_region(firms):
    wave, made = firms
    third = made[2]  # index 75
    national = {r["component"]: r for r in benchmarks.enterprise_benchmark(wave, third)}
    assert national["index"]["percentile"] == 50.0  # 25, 50 below; 100, 100 above
    assert national["index"]["best"] == 100 and national["index"]["peers"] == 4
    regional = {r["component"]: r
                for r in benchmarks.enterprise_benchmark(wave, third, "region")}  # fmt: skip
    assert regional["index"]["peers"] == 3 and round(regional["index"]["percentile"], 1) == 66.7


def test_an_enterprise_user_sees_its_own_benchmark_and_no_peer(client_for, firms):
    wave, made = firms
    user = factories.enterprise_user()
    factories.act_for(user, made[0])
    client = client_for(user)
    response = client.get("/monitoring/benchmark/", {"wave": wave.pk, "enterprise": made[0].uscc})
    page = response.content.decode()
    assert response.status_code == 200 and made[0].name in page
    assert not any(firm.name in page for firm in made[1:])
    rows = {r["component"]: r for r in response.context["result"]}
    assert rows["index"]["percentile"] == 0.0 and rows["index"]["value"] == 25
    other = client.get("/monitoring/benchmark/", {"wave": wave.pk, "enterprise": made[1].uscc})
    assert other.context["result"] is None and "No enterprise with this USCC" in other.text


def test_a_regulator_benchmarks_its_units_sector(client_for, province_user, firms):
    wave, _made = firms
    response = client_for(province_user).get("/monitoring/benchmark/",
                                             {"wave": wave.pk, "sector": "H"})  # fmt: skip
    rows = {r["component"]: r for r in response.context["result"]}
    # Guangdong's hotels: (25+50+75+100)/4 = 62.5 against Zhejiang's 100.
    assert rows["index"]["value"] == 62.5 and rows["index"]["percentile"] == 0.0
