"""/api/v1/declarations/: declaring with indicators, the front-runner action, scope."""

import pytest

from enterprises.models import StandardDeclaration
from tests.factories import EnterpriseFactory, declaration

pytestmark = pytest.mark.django_db
URL = "/api/v1/declarations/"


def body(enterprise, indicators):
    return {
        "enterprise": enterprise.pk,
        "standard_number": "T/CCA 001-2019",
        "standard_name": "快递服务规范",
        "standard_type": "group",
        "is_own_standard": False,
        "service": "快递",
        "indicators": indicators,
    }


def test_declaring_with_indicators_flags_a_candidate(client_for, enterprise_user, enterprise):
    indicators = [
        {"name": "准时率", "unit": "%", "declared_value": "99.5", "benchmark_value": "95",
         "higher_is_better": True},
    ]  # fmt: skip
    response = client_for(enterprise_user).post(
        URL, body(enterprise, indicators), content_type="application/json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["front_runner"] == "candidate"
    assert len(response.json()["indicators"]) == 1


def test_bad_indicator_values_are_a_400(client_for, enterprise_user, enterprise):
    indicators = [{"name": "准时率", "declared_value": "很高", "higher_is_better": True}]
    response = client_for(enterprise_user).post(
        URL, body(enterprise, indicators), content_type="application/json"
    )
    assert response.status_code == 400
    assert not StandardDeclaration.objects.exists()


def test_regulator_confirms_and_the_enterprise_cannot(
    client_for, enterprise_user, enterprise, province_user, other_province_user
):
    item = declaration(enterprise, [(99, 95, True)])
    url = f"{URL}{item.pk}/confirm/"
    assert client_for(enterprise_user).post(url).status_code == 403
    assert client_for(other_province_user).post(url).status_code == 404
    response = client_for(province_user).post(url)
    assert response.json()["front_runner"] == "confirmed"


def test_a_confirmed_front_runner_is_declined_only_by_revoking_with_a_reason(
    client_for, enterprise, province_user
):
    item = declaration(enterprise, [(99, 95, True)])
    client = client_for(province_user)
    client.post(f"{URL}{item.pk}/confirm/")
    assert client.post(f"{URL}{item.pk}/decline/").status_code == 400
    assert client.post(f"{URL}{item.pk}/revoke/").status_code == 400
    revoked = client.post(f"{URL}{item.pk}/revoke/", {"reason": "指标数据不实"})
    assert revoked.json()["front_runner"] == "declined"
    assert client.post(f"{URL}{item.pk}/confirm/").status_code == 400


def test_confirming_a_non_candidate_is_a_400(client_for, enterprise, province_user):
    item = declaration(enterprise, [(90, 95, True)])
    response = client_for(province_user).post(f"{URL}{item.pk}/confirm/")
    assert response.status_code == 400


def test_another_enterprises_declaration_is_404(client_for, enterprise_user, enterprise):
    other = declaration(EnterpriseFactory())
    client = client_for(enterprise_user)
    assert client.get(f"{URL}{other.pk}/").status_code == 404
    response = client.patch(f"{URL}{other.pk}/", {"standard_name": "x"},
                            content_type="application/json")  # fmt: skip
    assert response.status_code == 404
