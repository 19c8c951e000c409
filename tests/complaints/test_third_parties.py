"""Third-party mediation bodies and advance compensation (tasks 5 and 11 of the plan)."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from complaints.metrics import metrics
from complaints.models import CompensationCase, CompensationCommitment, Complaint, MediationBody
from complaints.services import compensation, handling, mediation
from portal.models import AuditEntry
from tests.factories import EnterpriseFactory, act_for, complaint, provincial_user
from tests.logins import log_in

pytestmark = pytest.mark.django_db
Status = Complaint.Status
TODAY = timezone.localdate()
ONE_DAY = datetime.timedelta(days=1)


def body(user, name="广州市消费纠纷人民调解委员会"):
    return mediation.register_body(
        user, name=name, kind=MediationBody.Kind.PEOPLES, contact="020-1"
    )


def in_mediation(user, **overrides):
    filed = complaint(**overrides)
    for action in ("accept", "mediate"):
        handling.COMPLAINT.apply(filed, action, user)
    return filed


def key_figures(unit, start=None, end=TODAY):
    start = start or TODAY.replace(day=1)
    return {f["key"]: f["value"] for f in metrics(unit, start, end)}


# Mediation bodies.


def test_a_unit_registers_bodies_that_only_it_and_headquarters_see(client, province_user):
    zhejiang = provincial_user("330000")
    log_in(client, province_user)
    client.post(
        "/complaints/mediation-bodies/",
        {"name": "广东省餐饮行业协会调解中心", "kind": "industry", "contact": "020-8"},
    )
    guangdong_body = MediationBody.objects.get()
    assert guangdong_body.reporting_unit == province_user.reporting_unit
    assert AuditEntry.objects.filter(object_repr=guangdong_body.name, action="create").exists()
    body(zhejiang, "杭州市消费者协会")

    page = client.get("/complaints/mediation-bodies/").content.decode()
    assert "广东省餐饮行业协会调解中心" in page and "杭州市消费者协会" not in page
    again = client.post(
        "/complaints/mediation-bodies/", {"name": "广东省餐饮行业协会调解中心", "kind": "industry"}
    )
    assert MediationBody.objects.filter(reporting_unit=province_user.reporting_unit).count() == 1
    assert again.status_code == 200 and "已登记同名调解组织" in again.content.decode()


def test_headquarters_reads_every_unit_s_bodies_but_registers_none(client, hq_user, province_user):
    body(province_user)
    log_in(client, hq_user)
    page = client.get("/complaints/mediation-bodies/").content.decode()
    assert "广州市消费纠纷人民调解委员会" in page and 'data-testid="body-form"' not in page
    with pytest.raises(ValidationError):
        body(hq_user, "总局调解中心")


def test_a_complaint_in_mediation_is_referred_and_the_body_s_settlement_ends_it(
    client, province_user, django_capture_on_commit_callbacks
):
    committee = body(province_user)
    filed = in_mediation(province_user, complainant_email="consumer@example.cn")
    log_in(client, province_user)
    detail = client.get(f"/complaints/handling/{filed.pk}/").content.decode()
    assert 'data-testid="refer-form"' in detail and committee.name in detail

    client.post(f"/complaints/handling/{filed.pk}/refer/", {"body": committee.pk})
    referral = filed.referrals.get()
    assert (referral.body, referral.referred_on, referral.outcome) == (committee, TODAY, "pending")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/complaints/referrals/{referral.pk}/outcome/",
            {"outcome": "settled", "day": TODAY.isoformat(), "note": "商家退款300元"},
        )
    filed.refresh_from_db()
    referral.refresh_from_db()
    assert (referral.outcome, referral.note) == ("settled", "商家退款300元")
    assert filed.status == Status.MEDIATED and filed.end_notice_due is not None
    assert handling.COMPLAINT.history(filed)[0].reason == f"{committee.name}：商家退款300元"
    assert len(mail.outbox) == 1  # the consumer is told mediation ended


def test_a_body_that_does_not_settle_fails_the_mediation(province_user):
    filed = in_mediation(province_user)
    referral = mediation.refer(filed, province_user, body(province_user))
    mediation.record_outcome(referral, province_user, "not_settled", "双方分歧大")
    filed.refresh_from_db()
    assert filed.status == Status.MEDIATION_FAILED


def test_referrals_only_in_mediation_to_the_unit_s_own_active_bodies(province_user):
    own = body(province_user)
    elsewhere = body(provincial_user("330000"), "杭州市消费者协会")
    accepted = complaint()
    handling.COMPLAINT.apply(accepted, "accept", province_user)
    with pytest.raises(ValidationError):
        mediation.refer(accepted, province_user, own)  # accepted, mediation not started
    filed = in_mediation(province_user, complainant_phone="13900000001")
    with pytest.raises(ValidationError, match="接受委托的调解组织"):
        mediation.refer(filed, province_user, elsewhere)
    MediationBody.objects.filter(pk=own.pk).update(active=False)
    with pytest.raises(ValidationError, match="接受委托的调解组织"):
        mediation.refer(filed, province_user, own)
    MediationBody.objects.filter(pk=own.pk).update(active=True)
    mediation.refer(filed, province_user, own)
    with pytest.raises(ValidationError, match="同一时间只能委托一个"):
        mediation.refer(filed, province_user, own)
    with pytest.raises(ValidationError):
        mediation.refer(filed, provincial_user("330000"), elsewhere)


def test_the_outcome_lies_between_the_referral_and_today(province_user):
    filed = in_mediation(province_user)
    referral = mediation.refer(filed, province_user, body(province_user), day=TODAY - ONE_DAY)
    for day in (TODAY + ONE_DAY, TODAY - 2 * ONE_DAY):
        with pytest.raises(ValidationError, match="与今天之间"):
            mediation.record_outcome(referral, province_user, "settled", "", day=day)
    with pytest.raises(ValidationError, match="是否调解成功"):
        mediation.record_outcome(referral, province_user, "pending", "", day=TODAY)
    mediation.record_outcome(referral, province_user, "settled", "", day=TODAY - ONE_DAY)
    with pytest.raises(ValidationError, match="没有等待调解结果的委托"):
        mediation.record_outcome(referral, province_user, "settled", "", day=TODAY)


def test_an_invalid_outcome_form_says_which_field(client, province_user):
    filed = in_mediation(province_user)
    referral = mediation.refer(filed, province_user, body(province_user))
    log_in(client, province_user)
    page = client.post(
        f"/complaints/referrals/{referral.pk}/outcome/", {"outcome": "settled"}, follow=True
    ).content.decode()
    assert "结果日期" in page or "Outcome on" in page
    referral.refresh_from_db()
    assert referral.outcome == "pending"


# Advance compensation.


def commitment(user, enterprise, **fields):
    fields = {"kind": "platform", "terms": "七日内先行赔付", **fields}
    return compensation.commit(user, enterprise, **fields)


def test_an_operator_commits_and_appears_on_the_public_list_until_it_withdraws(
    client, enterprise_user
):
    mall = act_for(enterprise_user, name="广州天河购物中心有限公司")
    log_in(client, enterprise_user)
    client.post(
        f"/complaints/compensation/commit/{mall.pk}/",
        {f"e{mall.pk}-kind": "mall", f"e{mall.pk}-terms": "商户拒赔时由商场先行赔付",
         f"e{mall.pk}-limit_per_case": "5000"},
    )  # fmt: skip
    registered = CompensationCommitment.objects.get(enterprise=mall)
    assert (registered.kind, registered.limit_per_case, registered.since) == (
        "mall", Decimal("5000.00"), TODAY
    )  # fmt: skip
    client.logout()
    public = client.get("/complaints/compensation/committed/").content.decode()
    assert "广州天河购物中心有限公司" in public and "商户拒赔时由商场先行赔付" in public

    log_in(client, enterprise_user)
    client.post(f"/complaints/compensation/{registered.pk}/withdraw/")
    client.logout()
    public = client.get("/complaints/compensation/committed/").content.decode()
    assert "广州天河购物中心有限公司" not in public


def test_staff_page_through_every_commitment_of_their_jurisdiction(client, province_user):
    for n in range(51):
        CompensationCommitment.objects.create(
            enterprise=EnterpriseFactory(name=f"广州承诺商场{n:02d}有限公司"),
            kind="mall", terms="先行赔付", since=TODAY,
        )  # fmt: skip
    CompensationCommitment.objects.create(
        enterprise=EnterpriseFactory(name="杭州承诺商场有限公司", division_code="330106"),
        kind="mall", terms="先行赔付", since=TODAY,
    )  # fmt: skip
    log_in(client, province_user)
    first = client.get("/complaints/compensation/").content.decode()
    assert first.count("广州承诺商场") == 50 and "杭州承诺商场" not in first
    assert "?page=1&amp;commitments_page=2" in first
    second = client.get("/complaints/compensation/?commitments_page=2").content.decode()
    assert "广州承诺商场50有限公司" in second and "广州承诺商场00有限公司" not in second


def test_nobody_commits_for_an_enterprise_they_do_not_act_for(client, enterprise_user):
    act_for(enterprise_user)
    other = EnterpriseFactory()
    log_in(client, enterprise_user)
    response = client.post(
        f"/complaints/compensation/commit/{other.pk}/",
        {f"e{other.pk}-kind": "mall", f"e{other.pk}-terms": "x"},
    )
    assert response.status_code == 404
    with pytest.raises(ValidationError):
        commitment(enterprise_user, other)
    assert not CompensationCommitment.objects.exists()


def test_a_payment_is_checked_against_the_commitment(enterprise_user):
    platform = act_for(enterprise_user)
    terms = commitment(enterprise_user, platform, limit_per_case=Decimal("1000"))
    CompensationCommitment.objects.filter(pk=terms.pk).update(since=TODAY - 10 * ONE_DAY)
    terms.refresh_from_db()

    def pay(amount="200", day=TODAY, about=None):
        return compensation.record_case(
            enterprise_user, terms, seller_name="某网店", paid_amount=Decimal(amount),
            paid_on=day, complaint=about,
        )  # fmt: skip

    for kwargs, field in (
        ({"day": TODAY + ONE_DAY}, "paid_on"),
        ({"day": TODAY - 11 * ONE_DAY}, "paid_on"),
        ({"amount": "1000.01"}, "paid_amount"),
        ({"about": complaint()}, "complaint"),
    ):
        with pytest.raises(ValidationError) as refused:
            pay(**kwargs)
        assert list(refused.value.message_dict) == [field]
    pay(amount="1000", day=TODAY - 10 * ONE_DAY)
    sold_through = complaint(platform=platform, complainant_phone="13900000001")
    case = pay(about=sold_through)
    assert case.complaint == sold_through and CompensationCase.objects.count() == 2

    with pytest.raises(ValidationError, match="200"):
        compensation.record_recovery(enterprise_user, case, Decimal("200.01"), TODAY)
    with pytest.raises(ValidationError):
        compensation.record_recovery(enterprise_user, case, Decimal("100"), TODAY + ONE_DAY)
    compensation.record_recovery(enterprise_user, case, Decimal("200"), TODAY)
    totals = compensation.totals(CompensationCase.objects.all())
    assert totals == {"cases": 2, "paid": Decimal("1200.00"), "recovered": Decimal("200.00")}


def test_regulators_see_the_cases_of_their_jurisdiction(client, enterprise_user, province_user):
    guangdong = act_for(enterprise_user, name="广州先赔商城有限公司")
    zhejiang_user = act_for_other_province()
    terms = commitment(enterprise_user, guangdong)
    compensation.record_case(
        enterprise_user, terms, seller_name="广州某商户", paid_amount=Decimal("88"), paid_on=TODAY
    )
    user, hangzhou = zhejiang_user
    compensation.record_case(
        user, commitment(user, hangzhou), seller_name="杭州某商户",
        paid_amount=Decimal("99"), paid_on=TODAY,
    )  # fmt: skip
    log_in(client, province_user)
    page = client.get("/complaints/compensation/").content.decode()
    assert "广州某商户" in page and "杭州某商户" not in page
    assert key_figures(province_user.reporting_unit)["advance_compensation_paid"] == 88.0
    assert key_figures(province_user.reporting_unit)["advance_compensation_cases"] == 1


def act_for_other_province():
    from tests.factories import enterprise_user as make_user

    user = make_user(username="hz")
    return user, act_for(user, EnterpriseFactory(division_code="330106", name="杭州先赔商城"))


def test_the_progress_report_counts_referrals_and_their_settlements(province_user):
    committee = body(province_user)
    settled = in_mediation(province_user)
    mediation.record_outcome(
        mediation.refer(settled, province_user, committee), province_user, "settled", ""
    )
    mediation.refer(in_mediation(province_user, complainant_phone="13900000001"), province_user,
                    committee)  # fmt: skip
    figures = key_figures(province_user.reporting_unit)
    assert (figures["referred_to_mediation_bodies"], figures["settled_by_mediation_bodies"]) == (
        2, 1
    )  # fmt: skip
    last_month = TODAY.replace(day=1) - ONE_DAY
    assert (
        key_figures(province_user.reporting_unit, last_month.replace(day=1), last_month)[
            "referred_to_mediation_bodies"
        ]
        == 0
    )
