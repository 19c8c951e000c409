"""/api/v1/enterprises/: filters, payload, USCC errors, writes by staff, scope."""

import pytest

from enterprises.models import Enterprise
from portal.audit import history_for
from tests.factories import MembershipFactory

URL = "/api/v1/enterprises/"
VALID = "914403001922038216"


def test_list_is_scoped_and_has_uscc_and_name(client_for, province_user, gd, zj):
    body = client_for(province_user).get(URL).json()
    assert [(r["uscc"], r["name"]) for r in body["results"]] == [(gd.uscc, gd.name)]
    assert "next" in body and "count" not in body


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "西湖"}, ["zj"]),
        ({"q": "华美"}, ["gd"]),
        ({"size": "large"}, []),
        ({"industry_section": "H"}, ["zj", "gd"]),
    ],
)
def test_filters(client_for, hq_user, gd, zj, params, expected):
    names = {"gd": gd.uscc, "zj": zj.uscc}
    body = client_for(hq_user).get(URL, params).json()
    assert [r["uscc"] for r in body["results"]] == [names[n] for n in expected]


def test_uscc_filter_is_exact_and_normalised(client_for, hq_user, gd, zj):
    body = client_for(hq_user).get(URL, {"uscc": gd.uscc.lower()}).json()
    assert [r["id"] for r in body["results"]] == [gd.pk]
    assert client_for(hq_user).get(URL, {"uscc": gd.uscc[:10]}).json()["results"] == []


def test_create_derives_location_and_is_audited(client_for, hq_user):
    response = client_for(hq_user).post(
        URL, {"uscc": VALID, "name": "深圳华美"}, content_type="application/json"
    )
    assert response.status_code == 201, response.json()
    enterprise = Enterprise.objects.get(uscc=VALID)
    assert enterprise.reporting_unit.code == "440300"
    assert history_for(enterprise).get().source == "api"


def test_invalid_uscc_is_400_naming_the_position(client_for, hq_user):
    response = client_for(hq_user).post(
        URL, {"uscc": "914403001922038217", "name": "x"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "18" in response.json()["error"]["fields"]["uscc"][0]


def test_duplicate_uscc_is_400(client_for, hq_user, gd):
    response = client_for(hq_user).post(
        URL, {"uscc": gd.uscc, "name": "x"}, content_type="application/json"
    )
    assert response.status_code == 400 and "uscc" in response.json()["error"]["fields"]


def test_province_cannot_create_or_edit_outside(client_for, province_user, zj):
    client = client_for(province_user)
    response = client.post(URL, {"uscc": VALID, "name": "深圳"}, content_type="application/json")
    assert response.status_code == 400 and not Enterprise.objects.filter(uscc=VALID).exists()
    assert client.get(f"{URL}{zj.pk}/").status_code == 404
    assert (
        client.patch(f"{URL}{zj.pk}/", {"name": "x"}, content_type="application/json").status_code
        == 404
    )


def test_province_edits_own_enterprise(client_for, province_user, gd):
    response = client_for(province_user).patch(
        f"{URL}{gd.pk}/", {"name": "新名称"}, content_type="application/json"
    )
    assert response.status_code == 200
    gd.refresh_from_db()
    assert gd.name == "新名称" and history_for(gd).filter(action="update").exists()


def test_enterprise_user_reads_own_only_and_cannot_write(client_for, enterprise_user, gd, zj):
    MembershipFactory(user=enterprise_user, enterprise=gd, status="approved")
    client = client_for(enterprise_user)
    assert [r["id"] for r in client.get(URL).json()["results"]] == [gd.pk]
    assert client.get(f"{URL}{zj.pk}/").status_code == 404
    assert (
        client.patch(f"{URL}{gd.pk}/", {"name": "x"}, content_type="application/json").status_code
        == 403
    )


def test_anonymous_is_refused(client, gd):
    assert client.get(URL).status_code in (401, 403)


def test_delete_is_not_allowed(client_for, hq_user, gd):
    assert client_for(hq_user).delete(f"{URL}{gd.pk}/").status_code == 405
