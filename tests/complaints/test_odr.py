"""ODR enterprises: registering and leaving, the 10 working days, the hand-over to the regulator."""

import datetime

import pytest
from django.utils import timezone

from complaints.models import Complaint, OdrEnterprise
from complaints.services import odr
from portal import workdays
from portal.models import AuditEntry
from tests.factories import EnterpriseFactory, act_for, complaint
from tests.logins import log_in

pytestmark = pytest.mark.django_db
Status = Complaint.Status
ONE_DAY = datetime.timedelta(days=1)


def about(enterprise, phone="13812345678"):
    return complaint(
        operator=enterprise, operator_name=enterprise.name, complainant_phone=phone, user=None
    )


def test_an_enterprise_registers_and_its_complaints_come_to_it_first(client, enterprise_user):
    shop = act_for(enterprise_user, name="广州好味餐饮有限公司")
    log_in(client, enterprise_user)
    page = client.post(f"/complaints/odr/register/{shop.pk}/", follow=True).content.decode()
    assert "已登记" in page or "Registered" in page
    registered = OdrEnterprise.objects.get(enterprise=shop)
    assert (registered.since, registered.until) == (timezone.localdate(), None)
    assert AuditEntry.objects.filter(object_repr=str(registered), action="create").exists()

    filed = about(shop)
    assert filed.status == Status.WITH_ODR
    assert filed.odr_due == workdays.add_working_days(filed.received_on, 10)
    assert filed.decision_due == workdays.add_working_days(filed.odr_due, 7)

    client.post(f"/complaints/odr/{registered.pk}/leave/")
    registered.refresh_from_db()
    assert registered.until == timezone.localdate()
    # Complaints received on the day it leaves still go to it; the day after, no longer.
    assert about(shop, "13900000001").status == Status.WITH_ODR
    OdrEnterprise.objects.filter(pk=registered.pk).update(until=timezone.localdate() - ONE_DAY)
    assert about(shop, "13900000002").status == Status.RECEIVED


def test_registering_twice_or_for_another_enterprise_is_refused(client, enterprise_user):
    shop = act_for(enterprise_user)
    other = EnterpriseFactory()
    log_in(client, enterprise_user)
    assert client.post(f"/complaints/odr/register/{other.pk}/").status_code == 404
    client.post(f"/complaints/odr/register/{shop.pk}/")
    again = client.post(f"/complaints/odr/register/{shop.pk}/", follow=True).content.decode()
    assert "已登记" in again or "registered already" in again
    assert not OdrEnterprise.objects.filter(enterprise=other).exists()
    assert OdrEnterprise.objects.filter(enterprise=shop).count() == 1


def test_regulators_see_the_odr_enterprises_of_their_jurisdiction(
    client, province_user, other_province_user
):
    here = EnterpriseFactory(name="广州在线平台有限公司")
    there = EnterpriseFactory(name="杭州在线平台有限公司", division_code="330106")
    gone = EnterpriseFactory(name="广州已退出有限公司")
    for enterprise in (here, there):
        OdrEnterprise.objects.create(enterprise=enterprise, since=datetime.date(2026, 1, 1))
    OdrEnterprise.objects.create(
        enterprise=gone, since=datetime.date(2026, 1, 1), until=datetime.date(2026, 6, 30)
    )
    log_in(client, province_user)
    page = client.get("/complaints/odr/").content.decode()
    assert here.name in page
    assert there.name not in page and gone.name not in page
    log_in(client, other_province_user)
    page = client.get("/complaints/odr/").content.decode()
    assert there.name in page and here.name not in page


def test_unsettled_complaints_go_to_the_regulator_the_day_after_the_tenth_working_day():
    shop = EnterpriseFactory()
    OdrEnterprise.objects.create(enterprise=shop, since=datetime.date(2026, 1, 1))
    due_today = about(shop)
    due_yesterday = about(shop, "13900000001")
    today = timezone.localdate()
    Complaint.objects.filter(pk=due_today.pk).update(odr_due=today)
    Complaint.objects.filter(pk=due_yesterday.pk).update(odr_due=today - ONE_DAY)

    assert odr.hand_over_unsettled(today) == 1
    due_today.refresh_from_db()
    due_yesterday.refresh_from_db()
    assert due_today.status == Status.WITH_ODR
    assert due_yesterday.status == Status.RECEIVED
    assert due_yesterday.history.get().action == "odr_failed"
    assert odr.hand_over_unsettled(today) == 0
