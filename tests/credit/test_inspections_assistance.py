"""Assistance between units (协查) and problem notices shared where an enterprise operates."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from credit.models import AssistanceRequest, ProblemReceipt
from credit.services import assistance
from portal import workdays
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def zhejiang_enterprise():
    return factories.EnterpriseFactory(division_code="330106", name="杭州某连锁服务有限公司")


def test_a_request_goes_to_the_unit_where_the_enterprise_is_and_both_see_the_thread(
    client_for, province_user, other_province_user, zhejiang_enterprise
):
    request = assistance.ask(
        province_user,
        enterprise=zhejiang_enterprise,
        to_unit=factories.unit("330000"),
        subject="核查经营地址",
        request="请核查该企业在杭州的实际经营地址",
        working_days=10,
    )
    assert request.due == workdays.deadline(timezone.localdate(), 10).date
    assistance.post_message(request, other_province_user, text="已实地核查，地址属实")
    assistance.ASSISTANCE.apply(request, "answer", other_province_user)

    for user in (province_user, other_province_user):
        page = client_for(user).get(reverse("credit:assistance_detail", args=[request.pk]))
        assert page.status_code == 200 and "已实地核查，地址属实" in page.content.decode()
    shenzhen = factories.provincial_user("440300")
    assert (
        client_for(shenzhen).get(reverse("credit:assistance_detail", args=[request.pk])).status_code
        == 404
    )

    with pytest.raises(ValidationError, match="Only the asking unit"):
        assistance.ASSISTANCE.apply(request, "close", other_province_user)
    assistance.ASSISTANCE.apply(request, "close", province_user)
    assert AssistanceRequest.objects.get(pk=request.pk).status == "closed"


def test_only_the_asked_unit_answers_and_only_after_writing(
    province_user, other_province_user, zhejiang_enterprise
):
    request = assistance.ask(
        province_user, enterprise=zhejiang_enterprise, to_unit=factories.unit("330000"),
        subject="x", request="y", working_days=5,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="Write the answer in the thread first"):
        assistance.ASSISTANCE.apply(request, "answer", other_province_user)
    with pytest.raises(ValidationError, match="Only the asked unit answers"):
        assistance.ASSISTANCE.apply(request, "answer", province_user)


def test_a_request_to_a_unit_where_the_enterprise_is_not_is_refused(
    province_user, zhejiang_enterprise
):
    with pytest.raises(ValidationError, match="neither registered nor recorded as operating"):
        assistance.ask(
            province_user, enterprise=zhejiang_enterprise, to_unit=factories.unit("440300"),
            subject="x", request="y", working_days=5,
        )  # fmt: skip


def test_a_site_makes_the_unit_asked_and_notified(
    province_user, other_province_user, zhejiang_enterprise
):
    shenzhen_staff = factories.provincial_user("440300")
    assistance.record_site(
        other_province_user, enterprise=zhejiang_enterprise,
        reporting_unit=factories.unit("440300"), address="深圳市南山区某路1号",
    )  # fmt: skip
    assistance.record_site(
        other_province_user, enterprise=zhejiang_enterprise,
        reporting_unit=factories.unit("440000"), address="广州市天河区某路2号",
    )  # fmt: skip

    notice = assistance.share(
        other_province_user, enterprise=zhejiang_enterprise, kind="penalty",
        summary="因虚假宣传被处以较重罚款",
    )  # fmt: skip

    receipts = ProblemReceipt.objects.filter(notice=notice)
    assert sorted(r.unit.code for r in receipts) == ["440000", "440300"]
    receipt = receipts.get(unit__code="440300")
    with pytest.raises(ValidationError, match="Only the receiving unit"):
        assistance.acknowledge(receipt, other_province_user)
    assistance.acknowledge(receipt, shenzhen_staff)
    receipt.refresh_from_db()
    assert receipt.acknowledged_by == shenzhen_staff
    assert not receipts.get(unit__code="440000").acknowledged_at


def test_notices_page_shows_what_the_unit_received(
    client_for, province_user, other_province_user, zhejiang_enterprise
):
    assistance.record_site(
        other_province_user, enterprise=zhejiang_enterprise,
        reporting_unit=factories.unit("440000"), address="广州市天河区某路2号",
    )  # fmt: skip
    assistance.share(
        other_province_user, enterprise=zhejiang_enterprise, kind="listing",
        summary="已列入严重违法失信名单",
    )  # fmt: skip
    page = client_for(province_user).get(reverse("credit:notices")).content.decode()
    assert "已列入严重违法失信名单" in page and "Acknowledge" in page
