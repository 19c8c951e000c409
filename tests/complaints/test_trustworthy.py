"""Trustworthy consumption (放心消费创建): applying, recognition, standing, withdrawal."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from complaints.models import Complaint, TrustworthyCandidate
from complaints.services import trustworthy
from portal.workflow import TransitionRefused
from tests.factories import (
    EnterpriseFactory,
    act_for,
    complaint,
    provincial_user,
    serious_entry,
)
from tests.logins import log_in

pytestmark = pytest.mark.django_db
Status = TrustworthyCandidate.Status
TODAY = timezone.localdate()


def applied(user, enterprise, kind="market", name="广州北京路步行街市场"):
    return trustworthy.apply(user, enterprise, kind=kind, name=name, commitments="七日无理由退货")


def test_an_operator_applies_and_its_regulator_recognises_it(
    client, enterprise_user, province_user
):
    market = act_for(enterprise_user, name="广州北京路市场管理有限公司")
    log_in(client, enterprise_user)
    client.post(
        f"/complaints/trustworthy/apply/{market.pk}/",
        {f"e{market.pk}-kind": "market", f"e{market.pk}-name": "北京路放心消费示范市场",
         f"e{market.pk}-commitments": "先行赔付，七日无理由退货"},
    )  # fmt: skip
    candidate = TrustworthyCandidate.objects.get()
    assert (candidate.status, candidate.applied_by, candidate.applied_on) == (
        Status.APPLIED, enterprise_user, TODAY
    )  # fmt: skip
    client.logout()
    assert (
        "北京路放心消费示范市场"
        not in client.get("/complaints/trustworthy/models/").content.decode()
    )

    log_in(client, province_user)
    page = client.get("/complaints/trustworthy/").content.decode()
    assert "北京路放心消费示范市场" in page and 'value="recognise"' in page
    client.post(f"/complaints/trustworthy/{candidate.pk}/decide/", {"action": "recognise"})
    candidate.refresh_from_db()
    assert (candidate.status, candidate.recognised_on) == (Status.RECOGNISED, TODAY)
    client.logout()
    public = client.get("/complaints/trustworthy/models/").content.decode()
    assert "北京路放心消费示范市场" in public and "广东省" in public


def test_only_the_operator_s_own_regulator_decides(client, enterprise_user):
    candidate = applied(enterprise_user, act_for(enterprise_user))
    zhejiang = provincial_user("330000")
    log_in(client, zhejiang)
    assert "广州北京路步行街市场" not in client.get("/complaints/trustworthy/").content.decode()
    response = client.post(
        f"/complaints/trustworthy/{candidate.pk}/decide/", {"action": "recognise"}
    )
    assert response.status_code == 404
    with pytest.raises(TransitionRefused):
        trustworthy.TRUSTWORTHY.apply(candidate, "recognise", enterprise_user)
    candidate.refresh_from_db()
    assert candidate.status == Status.APPLIED


def test_joint_punishment_blocks_applying_and_recognition(enterprise_user, province_user, hq_user):
    operator = act_for(enterprise_user)
    candidate = applied(enterprise_user, operator)
    serious_entry(operator, province_user, hq_user)
    with pytest.raises(TransitionRefused, match="严重违法失信"):
        trustworthy.TRUSTWORTHY.apply(candidate, "recognise", province_user)
    with pytest.raises(ValidationError, match="严重违法失信"):
        applied(enterprise_user, operator, kind="unit")


def test_one_open_application_per_kind_and_not_for_others(enterprise_user):
    operator = act_for(enterprise_user)
    applied(enterprise_user, operator)
    with pytest.raises(ValidationError, match="已有该类"):
        applied(enterprise_user, operator)
    applied(enterprise_user, operator, kind="unit")  # another kind is another candidacy
    with pytest.raises(ValidationError):
        applied(enterprise_user, EnterpriseFactory())


@override_settings(TRUSTWORTHY_REVIEW_COMPLAINTS=2)
def test_complaints_since_recognition_count_against_its_standing(
    client, enterprise_user, province_user
):
    operator = act_for(enterprise_user)
    candidate = applied(enterprise_user, operator)
    trustworthy.TRUSTWORTHY.apply(candidate, "recognise", province_user)
    about = {"operator": operator, "operator_name": operator.name}
    before = complaint(**about, complainant_phone="13900000001")
    Complaint.objects.filter(pk=before.pk).update(
        received_on=TODAY - datetime.timedelta(days=1)
    )  # before recognition: not counted
    complaint(**about, complainant_phone="13900000002")
    complaint(kind=Complaint.Kind.REPORT, **about, complainant_phone="13900000003")

    def standing():
        row = trustworthy.with_standing(TrustworthyCandidate.objects.all()).get()
        return row.complaints_since, trustworthy.under_review(row)

    assert standing() == (1, False)
    complaint(**about, complainant_phone="13900000004")
    assert standing() == (2, True)
    log_in(client, province_user)
    assert 'data-testid="under-review"' in client.get("/complaints/trustworthy/").content.decode()


def test_a_withdrawn_recognition_leaves_the_public_list(client, enterprise_user, province_user):
    candidate = applied(enterprise_user, act_for(enterprise_user))
    trustworthy.TRUSTWORTHY.apply(candidate, "recognise", province_user)
    with pytest.raises(TransitionRefused):
        trustworthy.TRUSTWORTHY.apply(candidate, "withdraw", province_user)  # a reason is needed
    trustworthy.TRUSTWORTHY.apply(
        candidate, "withdraw", province_user, reason="投诉激增，复核不合格"
    )
    candidate.refresh_from_db()
    assert (candidate.status, candidate.withdrawn_on) == (Status.WITHDRAWN, TODAY)
    assert (
        "广州北京路步行街市场" not in client.get("/complaints/trustworthy/models/").content.decode()
    )
