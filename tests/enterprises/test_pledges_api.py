"""/api/v1/pledges/: scoped lists, filing, workflow actions and refused transitions."""

import pytest

from enterprises.models import Pledge
from enterprises.services import pledges as service
from portal.audit import history_for
from tests.factories import EnterpriseFactory, pledge_data

pytestmark = pytest.mark.django_db
URL = "/api/v1/pledges/"


def payload(enterprise, **overrides):
    data = {k: str(v) if not isinstance(v, int) else v for k, v in pledge_data().items()}
    data["enterprise"] = enterprise.pk
    data.update(overrides)
    return data


def test_enterprise_files_and_submits_a_pledge(client_for, enterprise_user, enterprise):
    client = client_for(enterprise_user)
    response = client.post(URL, payload(enterprise), content_type="application/json")
    assert response.status_code == 201, response.json()
    pledge_id = response.json()["id"]
    assert response.json()["latest_revision"]["number"] == 1
    submitted = client.post(f"{URL}{pledge_id}/submit/", {}, content_type="application/json")
    assert submitted.json()["status"] == "submitted"
    entry = history_for(Pledge.objects.get()).filter(action="create").get()
    assert entry.source == "api"


def test_end_before_start_is_a_400_on_the_field(client_for, enterprise_user, enterprise):
    data = payload(enterprise, period_start="2020-01-01", period_end="2019-01-01")
    response = client_for(enterprise_user).post(URL, data, content_type="application/json")
    assert response.status_code == 400
    assert "period_end" in response.json()["error"]["fields"]


def test_filing_for_another_enterprise_is_refused(client_for, enterprise_user, enterprise):
    other = EnterpriseFactory()
    response = client_for(enterprise_user).post(
        URL, payload(other), content_type="application/json"
    )
    assert response.status_code == 400
    assert "enterprise" in response.json()["error"]["fields"]


def test_regulator_publishes_and_a_disallowed_transition_is_a_clear_400(
    client_for, enterprise_user, enterprise, province_user
):
    pledge = service.create_pledge(enterprise, enterprise_user, pledge_data())
    client = client_for(province_user)
    refused = client.post(f"{URL}{pledge.pk}/publish/", {}, content_type="application/json")
    assert refused.status_code == 400
    assert refused.json()["error"]["message"]
    service.PLEDGE.apply(pledge, "submit", enterprise_user)
    published = client.post(f"{URL}{pledge.pk}/publish/", {}, content_type="application/json")
    assert published.status_code == 200
    assert published.json()["published_revision"]["number"] == 1


def test_return_needs_a_reason(client_for, enterprise_user, enterprise, province_user):
    pledge = service.create_pledge(enterprise, enterprise_user, pledge_data())
    service.PLEDGE.apply(pledge, "submit", enterprise_user)
    client = client_for(province_user)
    url = f"{URL}{pledge.pk}/return/"
    assert client.post(url, {}, content_type="application/json").status_code == 400
    done = client.post(url, {"reason": "请补充售后条款"}, content_type="application/json")
    assert done.json()["status"] == "returned"


def test_scope_other_enterprise_and_other_province_get_404(
    client_for, enterprise_user, enterprise, other_province_user, hq_user
):
    other = EnterpriseFactory()
    pledge = service.create_pledge(other, hq_user, pledge_data())
    client = client_for(enterprise_user)
    assert client.get(f"{URL}{pledge.pk}/").status_code == 404
    patch = client.patch(f"{URL}{pledge.pk}/", {"pricing": "x"}, content_type="application/json")
    assert patch.status_code == 404
    mine = service.create_pledge(enterprise, enterprise_user, pledge_data())
    service.PLEDGE.apply(mine, "submit", enterprise_user)
    zhejiang = client_for(other_province_user)
    url = f"{URL}{mine.pk}/publish/"
    assert zhejiang.post(url, {}, content_type="application/json").status_code == 404
    assert zhejiang.get(URL).json()["results"] == []


def test_staff_cannot_file_pledges(client_for, province_user, enterprise):
    response = client_for(province_user).post(
        URL, payload(enterprise), content_type="application/json"
    )
    assert response.status_code in (400, 403)
    assert not Pledge.objects.exists()


def test_list_filters_by_status(client_for, enterprise_user, enterprise, province_user):
    first = service.create_pledge(enterprise, enterprise_user, pledge_data())
    service.create_pledge(enterprise, enterprise_user, pledge_data())
    service.PLEDGE.apply(first, "submit", enterprise_user)
    rows = client_for(province_user).get(URL, {"status": "submitted"}).json()["results"]
    assert [row["id"] for row in rows] == [first.pk]


def test_anonymous_is_refused(client):
    assert client.get(URL).status_code in (401, 403)
