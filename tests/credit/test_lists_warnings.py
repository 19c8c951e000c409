"""Consumer warnings: published for a sector, a region or named enterprises; current ones on the
public page and the Atom feed, expired ones in the archive."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from credit.models import ConsumerWarning
from credit.services import warnings
from portal.models import AdminDivision
from tests.factories import EnterpriseFactory, consumer_warning

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def published(author, **fields):
    item = consumer_warning(author, **fields)
    warnings.WARNING.apply(item, "publish", author)
    return item


def test_current_feed_and_archive(client, province_user):
    published(province_user, title="预付卡消费警示")
    published(
        province_user, title="旧的消费警示",
        valid_from=TODAY - datetime.timedelta(days=60),
        valid_until=TODAY - datetime.timedelta(days=1),
    )  # fmt: skip
    consumer_warning(province_user, title="草稿警示")
    current = client.get("/credit/warnings/").content.decode()
    assert "预付卡消费警示" in current
    assert "旧的消费警示" not in current and "草稿警示" not in current
    archive = client.get("/credit/warnings/archive/").content.decode()
    assert "旧的消费警示" in archive and "预付卡消费警示" not in archive
    feed = client.get("/credit/warnings/feed/")
    assert feed["Content-Type"].startswith("application/atom+xml")
    body = feed.content.decode()
    assert "<feed" in body and "预付卡消费警示" in body
    assert "旧的消费警示" not in body and "草稿警示" not in body


def test_a_warning_for_a_region_and_named_enterprises(client, province_user):
    named = EnterpriseFactory(name="被点名的培训机构")
    region = AdminDivision.objects.get(code="440106")
    item = consumer_warning(province_user, division=region, sector="P")
    item.enterprises.set([named])
    warnings.WARNING.apply(item, "publish", province_user)
    html = client.get(f"/credit/warnings/{item.pk}/").content.decode()
    assert "被点名的培训机构" in html and region.name in html


def test_a_published_warning_opens_for_anyone_logged_in(
    client_for, province_user, other_province_user, enterprise_user
):
    item = published(province_user, title="预付卡消费警示")
    for user in (other_province_user, enterprise_user):
        html = client_for(user).get(f"/credit/warnings/{item.pk}/").content.decode()
        assert "预付卡消费警示" in html


def test_a_draft_is_not_public(client, province_user):
    item = consumer_warning(province_user)
    assert client.get(f"/credit/warnings/{item.pk}/").status_code == 404


def test_a_warning_ending_before_it_starts_is_refused(province_user):
    with pytest.raises(ValidationError) as error:
        consumer_warning(province_user, valid_until=TODAY - datetime.timedelta(days=5))
    assert "valid_until" in error.value.message_dict
    assert not ConsumerWarning.objects.exists()


def test_a_regulator_writes_and_publishes_on_the_pages(province_user, client_for):
    client = client_for(province_user)
    other = EnterpriseFactory(division_code="330106")
    refused = client.post("/credit/manage/warnings/new/", {
        "title": "警示", "text": "内容", "valid_from": TODAY.isoformat(),
        "valid_until": TODAY.isoformat(), "named": other.uscc,
    })  # fmt: skip
    assert refused.status_code == 200 and other.uscc in refused.content.decode()
    response = client.post("/credit/manage/warnings/new/", {
        "title": "美容美发预付消费警示", "text": "内容", "sector": "O",
        "valid_from": TODAY.isoformat(), "valid_until": TODAY.isoformat(),
    })  # fmt: skip
    item = ConsumerWarning.objects.get()
    assert response.url == f"/credit/manage/warnings/{item.pk}/"
    client.post(f"/credit/manage/warnings/{item.pk}/act/", {"action": "publish"})
    assert "美容美发预付消费警示" in client.get("/credit/warnings/").content.decode()
