"""The pledge workflow: every allowed transition, refused ones, revisions and recognition."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from enterprises.models import Pledge, PledgeStatusChange
from enterprises.services import pledges as service
from portal.audit import acting_as, history_for
from portal.workflow import TransitionRefused
from tests.factories import EnterpriseFactory, act_for, pledge_data, published_pledge

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(enterprise_user):
    act_for(enterprise_user)
    return enterprise_user


@pytest.fixture
def pledge(owner):
    enterprise = owner.enterprise_memberships.get().enterprise
    return service.create_pledge(enterprise, owner, pledge_data())


def test_a_new_pledge_is_a_draft_with_revision_one(pledge):
    assert pledge.status == "draft"
    assert pledge.latest_revision().number == 1


def test_end_before_start_is_refused_with_a_field_error(owner):
    enterprise = owner.enterprise_memberships.get().enterprise
    data = pledge_data(period_start=datetime.date(2020, 1, 1), period_end=datetime.date(2019, 1, 1))
    with pytest.raises(ValidationError) as error:
        service.create_pledge(enterprise, owner, data)
    assert "period_end" in error.value.message_dict
    assert not Pledge.objects.exists()


def test_submit_publish_records_who_and_why(pledge, owner, province_user):
    service.PLEDGE.apply(pledge, "submit", owner)
    service.PLEDGE.apply(pledge, "publish", province_user)
    pledge.refresh_from_db()
    assert pledge.status == "published"
    assert pledge.published_revision.number == 1
    assert pledge.published_revision.published_at is not None
    steps = list(PledgeStatusChange.objects.order_by("id").values_list("to_status", "actor"))
    assert steps == [("submitted", owner.pk), ("published", province_user.pk)]


def test_return_needs_a_reason(pledge, owner, province_user):
    service.PLEDGE.apply(pledge, "submit", owner)
    with pytest.raises(ValidationError):
        service.PLEDGE.apply(pledge, "return", province_user, reason="  ")
    pledge.refresh_from_db()
    assert pledge.status == "submitted"
    service.PLEDGE.apply(pledge, "return", province_user, reason="投诉方式不完整")
    pledge.refresh_from_db()
    assert (pledge.status, pledge.return_reason) == ("returned", "投诉方式不完整")


@pytest.mark.django_db(transaction=True)
def test_return_mails_the_enterprise_after_commit(enterprise_user, province_user, mailoutbox):
    enterprise_user.email = "owner@example.cn"
    enterprise_user.save()
    enterprise = act_for(enterprise_user)
    pledge = service.create_pledge(enterprise, enterprise_user, pledge_data())
    service.PLEDGE.apply(pledge, "submit", enterprise_user)
    service.PLEDGE.apply(pledge, "return", province_user, reason="价格说明不清")
    assert [m.to for m in mailoutbox] == [["owner@example.cn"]]
    assert "价格说明不清" in mailoutbox[0].body


def test_returned_pledge_is_resubmitted_and_published(pledge, owner, province_user):
    service.PLEDGE.apply(pledge, "submit", owner)
    service.PLEDGE.apply(pledge, "return", province_user, reason="请补充")
    service.PLEDGE.apply(pledge, "submit", owner)
    service.PLEDGE.apply(pledge, "publish", province_user)
    pledge.refresh_from_db()
    assert pledge.status == "published"


def test_editing_a_returned_pledge_keeps_the_reviewed_revision(pledge, owner, province_user):
    service.PLEDGE.apply(pledge, "submit", owner)
    service.PLEDGE.apply(pledge, "return", province_user, reason="请补充")
    service.edit_pledge(pledge, owner, pledge_data(pricing="按小时计费，每小时80元"))
    pledge.refresh_from_db()
    assert pledge.status == "draft"
    first, second = pledge.revisions.order_by("number")
    assert (first.pricing, second.pricing) == ("明码标价，菜单公示", "按小时计费，每小时80元")


def test_revising_a_published_pledge_leaves_the_published_version_public(owner, province_user):
    enterprise = owner.enterprise_memberships.get().enterprise
    pledge = published_pledge(enterprise, owner, province_user)
    published = pledge.published_revision
    service.edit_pledge(pledge, owner, pledge_data(services="新服务"))
    pledge.refresh_from_db()
    published.refresh_from_db()
    assert pledge.status == "draft"
    assert pledge.published_revision == published
    assert published.services == "堂食、外卖、包间预订"


@pytest.mark.parametrize("status", ["draft", "submitted", "returned", "published"])
def test_the_enterprise_may_withdraw_from(status, pledge, owner, province_user):
    if status != "draft":
        service.PLEDGE.apply(pledge, "submit", owner)
    if status == "returned":
        service.PLEDGE.apply(pledge, "return", province_user, reason="x")
    if status == "published":
        service.PLEDGE.apply(pledge, "publish", province_user)
    service.PLEDGE.apply(pledge, "withdraw", owner)
    pledge.refresh_from_db()
    assert pledge.status == "withdrawn"


@translation.override("en")
def test_disallowed_transitions_are_refused_with_a_message(pledge, owner, province_user):
    with pytest.raises(TransitionRefused, match="Draft"):
        service.PLEDGE.apply(pledge, "publish", province_user)
    service.PLEDGE.apply(pledge, "submit", owner)
    with pytest.raises(TransitionRefused):
        service.PLEDGE.apply(
            pledge, "publish", owner
        )  # the enterprise cannot publish its own pledge
    service.PLEDGE.apply(pledge, "withdraw", owner)
    with pytest.raises(TransitionRefused, match="withdrawn"):
        service.PLEDGE.apply(pledge, "submit", owner)


def test_expired_is_computed_from_the_published_period(owner, province_user):
    enterprise = owner.enterprise_memberships.get().enterprise
    pledge = published_pledge(
        enterprise,
        owner,
        province_user,
        period_start=datetime.date(2018, 1, 1),
        period_end=datetime.date(2018, 12, 31),
    )
    assert pledge.is_expired
    assert pledge.status == "published"
    with translation.override("en"):
        assert str(pledge.public_status) == "Expired"


def test_workflow_writes_are_audited(owner, province_user):
    enterprise = owner.enterprise_memberships.get().enterprise
    with acting_as(owner, source="web"):
        pledge = service.create_pledge(enterprise, owner, pledge_data())
        service.PLEDGE.apply(pledge, "submit", owner)
    with acting_as(province_user, source="web"):
        service.PLEDGE.apply(pledge, "publish", province_user)
    actions = [(e.actor_id, e.action) for e in history_for(pledge).order_by("id")]
    assert actions[0] == (owner.pk, "create")
    assert (province_user.pk, "update") in actions


def test_recognition_is_blocked_by_an_apps_restriction(province_user):
    listed = EnterpriseFactory(name="失信餐饮有限公司")
    assert not service.can_be_recognised(listed)
    with pytest.raises(ValidationError, match="严重失信"):
        service.recognise(listed, province_user, "投诉量下降一半")
    clean = EnterpriseFactory(name="诚信餐饮有限公司")
    recognition = service.recognise(clean, province_user, "投诉量下降一半")
    assert recognition.recognised_by == province_user
