"""The regulator's pages: the list and directories, a plan from draft to public results."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from credit.models import Inspection, InspectionItem, InspectionPlan, Inspector
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_items_and_inspectors_are_added_and_listed_within_the_unit(
    client_for, province_user, other_province_user
):
    client = client_for(province_user)
    response = client.post(
        reverse("credit:items"),
        {
            "name": "价格公示检查", "content": "明码标价", "legal_basis": "《价格法》",
            "method": "现场检查", "frequency": "每年一次", "field": "pricing",
            "kind": "general", "max_ratio": "0.05", "active": "on",
        },
    )  # fmt: skip
    assert response.status_code == 302
    response = client.post(
        reverse("credit:inspectors"),
        {
            "name": "李执法", "certificate_number": "44010001",
            "agency": factories.agency("440000").pk, "fields": ["pricing"], "active": "on",
        },
    )  # fmt: skip
    assert response.status_code == 302
    assert InspectionItem.objects.get(name="价格公示检查").reporting_unit.code == "440000"
    assert Inspector.objects.get(certificate_number="44010001").fields == ["pricing"]

    assert "价格公示检查" in client.get(reverse("credit:items")).content.decode()
    assert "李执法" in client.get(reverse("credit:inspectors")).content.decode()
    other = client_for(other_province_user)
    assert "价格公示检查" not in other.get(reverse("credit:items")).content.decode()
    assert "李执法" not in other.get(reverse("credit:inspectors")).content.decode()


def test_a_general_item_without_its_ratio_is_refused_on_the_field(client_for, province_user):
    response = client_for(province_user).post(
        reverse("credit:items"),
        {
            "name": "x", "content": "x", "legal_basis": "x", "method": "x",
            "frequency": "x", "field": "pricing", "kind": "general",
        },
    )  # fmt: skip
    assert response.status_code == 200
    assert "A general item needs its highest sampling ratio." in response.content.decode()


def test_a_conflict_is_recorded_on_the_inspectors_page(client_for, province_user):
    inspector = factories.InspectorFactory()
    enterprise = factories.EnterpriseFactory()
    client = client_for(province_user)
    url = reverse("credit:inspector_edit", args=[inspector.pk])
    client.post(url, {"conflict": "1", "uscc": enterprise.uscc, "reason": "配偶任该企业财务"})
    page = client.get(url).content.decode()
    assert enterprise.name in page and "配偶任该企业财务" in page


def test_the_objects_directory_is_the_registry_of_the_unit(client_for, province_user):
    inside = factories.EnterpriseFactory(name="广州甲公司")
    factories.EnterpriseFactory(name="杭州乙公司", division_code="330106")
    factories.EnterpriseFactory(name="已注销丙公司", status="deregistered")
    page = client_for(province_user).get(reverse("credit:objects")).content.decode()
    assert inside.name in page and inside.uscc in page
    assert "杭州乙公司" not in page and "已注销丙公司" not in page


def test_a_regulator_builds_publishes_draws_and_publishes_results(
    client, client_for, province_user
):
    for _ in range(4):
        factories.risk_class(factories.EnterpriseFactory(), "D")
    for _ in range(3):
        factories.InspectorFactory()
    item = factories.InspectionItemFactory(kind="key", max_ratio=None)
    staff = client_for(province_user)
    response = staff.post(
        reverse("credit:plan_new"),
        {
            "name": "2026年第一批", "agencies": [province_user.agency.pk], "items": [item.pk],
            "starts_on": "2026-03-01", "ends_on": "2026-06-30", "inspectors_per_object": "2",
        },
    )  # fmt: skip
    plan = InspectionPlan.objects.get(name="2026年第一批")
    assert response.status_code == 302
    staff.post(
        reverse("credit:plan_ratios", args=[plan.pk]),
        {
            "cA-ratio": "0.03", "cB-ratio": "0", "cC-ratio": "0.3", "cD-ratio": "",
            "cD-count": "2",
        },
    )  # fmt: skip
    staff.post(reverse("credit:plan_publish", args=[plan.pk]), {"commitment": ""})
    plan.refresh_from_db()
    assert plan.status == "published"
    detail = staff.get(reverse("credit:plan_detail", args=[plan.pk])).content.decode()
    assert plan.commitment in detail and plan.candidates_sha256 in detail

    staff.post(reverse("credit:plan_draw", args=[plan.pk]), {})
    assert plan.inspections.count() == 2
    staff.post(reverse("credit:plan_act", args=[plan.pk]), {"action": "start"})
    first, second = plan.inspections.all()
    staff.post(
        reverse("credit:inspection", args=[first.pk]),
        {"result": "unreachable", "concluded_on": timezone.localdate().isoformat(), "note": ""},
    )
    first.refresh_from_db()
    assert first.abnormal_list_suggested and first.publish_by > first.concluded_on
    page = staff.get(reverse("credit:inspection", args=[first.pk])).content.decode()
    assert "can start an entry in the abnormal-operations list" in page
    staff.post(reverse("credit:inspection_publish", args=[first.pk]))

    public = client.get(reverse("credit:public_results")).content.decode()
    assert first.enterprise.name in public and "Unreachable at the registered address" in public
    assert second.enterprise.name not in public
    staff.post(reverse("credit:plan_act", args=[plan.pk]), {"action": "close"})
    plan.refresh_from_db()
    assert plan.status == "inspecting"  # a result is not public yet


def test_a_result_concluded_in_the_future_is_refused(client_for, province_user):
    factories.risk_class(factories.EnterpriseFactory(), "D")
    factories.InspectorFactory()
    factories.InspectorFactory()
    plan = factories.inspection_plan(province_user, ratios={"D": "1"})
    from credit.services import inspections

    inspections.publish(plan, province_user)
    inspections.draw(plan, province_user)
    inspection = plan.inspections.get()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client_for(province_user).post(
        reverse("credit:inspection", args=[inspection.pk]),
        {"result": "no_problem", "concluded_on": tomorrow.isoformat()},
    )
    assert "The conclusion cannot be in the future." in response.content.decode()
    assert Inspection.objects.get(pk=inspection.pk).result == ""


def test_another_units_plan_is_not_found(client_for, province_user, other_province_user):
    plan = factories.inspection_plan(province_user)
    other = client_for(other_province_user)
    assert other.get(reverse("credit:plan_detail", args=[plan.pk])).status_code == 404
    other.post(reverse("credit:plan_publish", args=[plan.pk]), {})
    plan.refresh_from_db()
    assert plan.status == "draft"
