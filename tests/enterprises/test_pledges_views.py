"""Pledge pages: filing, review, scope, hostile input, and the public directory."""

import datetime

import pytest
from django.urls import reverse

from enterprises.models import Pledge
from enterprises.services import pledges as service
from portal.audit import history_for
from tests import factories
from tests.factories import EnterpriseFactory, act_for, pledge_data, published_pledge

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        k: (v.isoformat() if isinstance(v, datetime.date) else v) for k, v in pledge_data().items()
    }
    data.update(overrides)
    return data


def test_enterprise_user_files_a_pledge_and_it_is_audited(client_for, enterprise_user, enterprise):
    client = client_for(enterprise_user)
    response = client.post(
        reverse("enterprises:pledge_create"), form_data(enterprise=enterprise.pk)
    )
    pledge = Pledge.objects.get()
    assert response.status_code == 302
    assert pledge.enterprise == enterprise
    entry = history_for(pledge).get()
    assert (entry.actor_id, entry.action, entry.source) == (enterprise_user.pk, "create", "web")


def test_end_date_before_start_is_a_form_error(client_for, enterprise_user, enterprise):
    data = form_data(enterprise=enterprise.pk, period_start="2020-01-01", period_end="2019-01-01")
    response = client_for(enterprise_user).post(reverse("enterprises:pledge_create"), data)
    assert response.status_code == 200
    assert "period_end" in response.context["form"].errors
    assert not Pledge.objects.exists()


@pytest.mark.parametrize(
    "field,value",
    [("response_hours", "-3"), ("period_start", "2019-02-30"), ("services", "x" * 5000)],
)
def test_wrong_or_oversized_input_is_refused(client_for, enterprise_user, enterprise, field, value):
    data = form_data(enterprise=enterprise.pk, **{field: value})
    response = client_for(enterprise_user).post(reverse("enterprises:pledge_create"), data)
    assert field in response.context["form"].errors
    assert not Pledge.objects.exists()


def test_missing_fields_are_refused(client_for, enterprise_user, enterprise):
    data = {"enterprise": enterprise.pk}
    response = client_for(enterprise_user).post(reverse("enterprises:pledge_create"), data)
    assert {"services", "period_start", "complaint_channel"} <= set(response.context["form"].errors)


def test_a_user_cannot_file_for_an_enterprise_they_do_not_act_for(
    client_for, enterprise_user, enterprise
):
    other = EnterpriseFactory()
    client_for(enterprise_user).post(
        reverse("enterprises:pledge_create"), form_data(enterprise=other.pk)
    )
    assert not Pledge.objects.exists()


def test_editing_another_enterprises_pledge_is_404(
    client_for, enterprise_user, enterprise, hq_user
):
    other = EnterpriseFactory()
    pledge = service.create_pledge(other, hq_user, pledge_data())
    client = client_for(enterprise_user)
    assert client.get(reverse("enterprises:pledge_edit", args=[pledge.pk])).status_code == 404
    response = client.post(reverse("enterprises:pledge_edit", args=[pledge.pk]), form_data())
    assert response.status_code == 404
    assert client.get(reverse("enterprises:pledge_detail", args=[pledge.pk])).status_code == 404


def test_regulator_publishes_from_the_detail_page(
    client_for, enterprise_user, enterprise, province_user
):
    pledge = service.create_pledge(enterprise, enterprise_user, pledge_data())
    service.PLEDGE.apply(pledge, "submit", enterprise_user)
    client = client_for(province_user)
    assert pledge.enterprise.name in client.get(reverse("enterprises:pledge_review")).text
    url = reverse("enterprises:pledge_action", args=[pledge.pk])
    client.post(url, {"action": "publish"})
    pledge.refresh_from_db()
    assert pledge.status == "published"
    assert pledge.status_changes.get(to_status="published").actor == province_user


def test_returning_without_a_reason_shows_why(
    client_for, enterprise_user, enterprise, province_user
):
    pledge = service.create_pledge(enterprise, enterprise_user, pledge_data())
    service.PLEDGE.apply(pledge, "submit", enterprise_user)
    url = reverse("enterprises:pledge_action", args=[pledge.pk])
    response = client_for(province_user).post(
        url, {"action": "return", "reason": ""}, follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )
    pledge.refresh_from_db()
    assert pledge.status == "submitted"
    assert any("reason" in str(m) for m in response.context["messages"])


def test_a_zhejiang_regulator_cannot_review_a_guangdong_pledge(
    client_for, enterprise_user, enterprise, other_province_user
):
    pledge = service.create_pledge(enterprise, enterprise_user, pledge_data())
    service.PLEDGE.apply(pledge, "submit", enterprise_user)
    client = client_for(other_province_user)
    url = reverse("enterprises:pledge_action", args=[pledge.pk])
    assert client.post(url, {"action": "publish"}).status_code == 404
    assert client.get(reverse("enterprises:pledge_detail", args=[pledge.pk])).status_code == 404
    assert enterprise.name not in client.get(reverse("enterprises:pledge_review")).text
    pledge.refresh_from_db()
    assert pledge.status == "submitted"


def test_enterprise_cannot_publish_its_own_pledge(client_for, enterprise_user, enterprise):
    pledge = service.create_pledge(enterprise, enterprise_user, pledge_data())
    service.PLEDGE.apply(pledge, "submit", enterprise_user)
    url = reverse("enterprises:pledge_action", args=[pledge.pk])
    client_for(enterprise_user).post(url, {"action": "publish"})
    pledge.refresh_from_db()
    assert pledge.status == "submitted"


def test_review_list_is_for_staff_only(client, client_for, enterprise_user):
    url = reverse("enterprises:pledge_review")
    assert client.get(url).status_code == 302
    assert client_for(enterprise_user).get(url).status_code == 403


def test_public_page_escapes_hostile_text(client, enterprise_user, enterprise, province_user):
    hostile = '<script>alert("x")</script>'
    published_pledge(enterprise, enterprise_user, province_user, services=hostile)
    response = client.get(reverse("enterprises:public_enterprise", args=[enterprise.uscc]))
    assert response.status_code == 200
    assert hostile not in response.text
    assert "&lt;script&gt;" in response.text


def test_public_directory_filters_by_region_and_industry(
    client, enterprise_user, enterprise, province_user, hq_user
):
    published_pledge(enterprise, enterprise_user, province_user)
    zhejiang = EnterpriseFactory(division_code="330106", industry_section="P", name="杭州培训学校")
    zhejiang_owner = factories.enterprise_user()
    act_for(zhejiang_owner, zhejiang)
    published_pledge(zhejiang, zhejiang_owner, hq_user)
    url = reverse("enterprises:public_pledges")
    assert enterprise.name in client.get(url, {"unit": "440000"}).text
    assert zhejiang.name not in client.get(url, {"unit": "440000"}).text
    assert zhejiang.name in client.get(url, {"section": "P"}).text
    assert enterprise.name not in client.get(url, {"section": "P"}).text


def test_drafts_are_not_public_and_withdrawn_ones_are_marked(
    client, enterprise_user, enterprise, province_user
):
    draft = service.create_pledge(enterprise, enterprise_user, pledge_data())
    url = reverse("enterprises:public_enterprise", args=[enterprise.uscc])
    assert client.get(url).status_code == 404
    assert enterprise.name not in client.get(reverse("enterprises:public_pledges")).text
    service.PLEDGE.apply(draft, "withdraw", enterprise_user)
    pledge = published_pledge(enterprise, enterprise_user, province_user)
    service.PLEDGE.apply(pledge, "withdraw", enterprise_user)
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "public-status" in response.text
    assert str(pledge.public_status) in response.text


def test_expired_pledges_are_marked_on_the_public_page(
    client, enterprise_user, enterprise, province_user
):
    pledge = published_pledge(
        enterprise,
        enterprise_user,
        province_user,
        period_start=datetime.date(2017, 1, 1),
        period_end=datetime.date(2017, 12, 31),
    )
    response = client.get(reverse("enterprises:public_enterprise", args=[enterprise.uscc]))
    assert str(pledge.public_status) in response.text
    assert pledge.is_expired


def test_public_directory_searches_by_a_two_character_name_fragment(
    client, enterprise_user, province_user
):
    named = act_for(enterprise_user, EnterpriseFactory(name="广州鸿运家政服务有限公司"))
    published_pledge(named, enterprise_user, province_user)
    url = reverse("enterprises:public_pledges")
    assert named.name in client.get(url, {"q": "鸿运"}).text
    assert named.name not in client.get(url, {"q": "华为"}).text
