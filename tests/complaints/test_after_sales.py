"""After-sales and quality guarantees (task 5): who records what, each kind's rules, figures."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from complaints.metrics import metrics
from complaints.models import AfterSalesRecord
from complaints.services import after_sales
from tests.factories import EnterpriseFactory, act_for, complaint, provincial_user
from tests.logins import log_in

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
ONE_DAY = datetime.timedelta(days=1)


def fields(**overrides):
    return {"kind": "guarantee", "title": "动力电池质保", "details": "8年或15万公里",
            "starts_on": TODAY, **overrides}  # fmt: skip


def test_an_operator_records_its_guarantee_terms_in_the_portal(client, enterprise_user):
    maker = act_for(enterprise_user, name="广州新能源汽车有限公司")
    log_in(client, enterprise_user)
    client.post(
        "/complaints/after-sales/",
        {"operator": maker.pk, "kind": "guarantee", "title": "动力电池质保",
         "details": "首任车主终身质保", "starts_on": TODAY.isoformat()},
    )  # fmt: skip
    saved = AfterSalesRecord.objects.get()
    assert (saved.enterprise, saved.kind, saved.recorded_by) == (
        maker,
        "guarantee",
        enterprise_user,
    )
    page = client.get("/complaints/after-sales/").content.decode()
    assert "首任车主终身质保" in page
    assert "开始日期" in page and "原状态" not in page  # not the status log's "from"


def test_each_kind_asks_for_what_makes_it_meaningful(province_user):
    operator = EnterpriseFactory()
    for overrides, field in (
        ({"kind": "insurance"}, "amount"),
        ({"kind": "recall"}, "quantity"),
        ({"kind": "recall", "quantity": 5, "starts_on": TODAY + ONE_DAY}, "starts_on"),
        ({"ends_on": TODAY - ONE_DAY}, "ends_on"),
        ({"complaint": complaint()}, "complaint"),
    ):
        with pytest.raises(ValidationError) as refused:
            after_sales.record(province_user, operator, **fields(**overrides))
        assert field in refused.value.message_dict
    guarantee = after_sales.record(province_user, operator, **fields(starts_on=TODAY + ONE_DAY))
    assert guarantee.starts_on == TODAY + ONE_DAY  # a guarantee may start later
    about = complaint(
        operator=operator, operator_name=operator.name, complainant_phone="13900000001"
    )
    payout = after_sales.record(
        province_user, operator, **fields(kind="insurance", amount=Decimal("800"), complaint=about)
    )
    assert payout.complaint == about and about.after_sales.get() == payout


def test_nobody_records_outside_their_enterprises_or_jurisdiction(client, enterprise_user):
    act_for(enterprise_user)
    elsewhere = EnterpriseFactory(division_code="330106")
    with pytest.raises(ValidationError):
        after_sales.record(enterprise_user, elsewhere, **fields())
    with pytest.raises(ValidationError):
        after_sales.record(provincial_user("440000"), elsewhere, **fields())
    officer = provincial_user("440000")
    log_in(client, officer)
    page = client.post(
        "/complaints/after-sales/",
        {"operator": elsewhere.uscc, **fields(starts_on=TODAY.isoformat())},
    ).content.decode()
    assert elsewhere.uscc in page and not AfterSalesRecord.objects.exists()


def test_a_recall_is_followed_up_by_the_operator_s_regulator_only(client, province_user):
    operator = EnterpriseFactory()
    recall = after_sales.record(province_user, operator, **fields(kind="recall", quantity=300))
    with pytest.raises(ValidationError):
        after_sales.follow_up(provincial_user("330000"), recall, "已核查")
    log_in(client, province_user)
    client.post(
        f"/complaints/after-sales/{recall.pk}/follow-up/", {f"f{recall.pk}-note": "已召回280台"}
    )
    recall.refresh_from_db()
    assert (recall.follow_up, recall.followed_up_on) == ("已召回280台", TODAY)
    guarantee = after_sales.record(province_user, operator, **fields())
    with pytest.raises(ValidationError):
        after_sales.follow_up(province_user, guarantee, "无")


def test_task_5_counts_the_unit_s_records_of_the_period(province_user):
    operator = EnterpriseFactory()
    after_sales.record(province_user, operator, **fields())
    after_sales.record(province_user, operator, **fields(kind="recall", quantity=10))
    after_sales.record(province_user, operator, **fields(kind="insurance", amount=Decimal("1.5")))
    last_year = after_sales.record(province_user, operator, **fields(kind="traceability"))
    AfterSalesRecord.objects.filter(pk=last_year.pk).update(
        starts_on=TODAY.replace(year=TODAY.year - 1)
    )
    figures = {
        f["key"]: f["value"]
        for f in metrics(province_user.reporting_unit, TODAY.replace(day=1), TODAY)
    }
    assert (figures["after_sales_guarantees"], figures["after_sales_recalls"],
            figures["after_sales_traceability"], figures["after_sales_insurance_paid"]) == (
        1, 1, 0, 1.5
    )  # fmt: skip
