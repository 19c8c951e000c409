"""Every e-mail of the enterprises app, to a Chinese and an English reader, each in theirs."""

import datetime

import pytest

from enterprises.services import certificates, claims
from enterprises.services import pledges as pledge_service
from tests.factories import (
    EnterpriseFactory,
    MembershipFactory,
    act_for,
    certificate,
    enterprise_user,
    pledge_data,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def enterprise():
    return EnterpriseFactory(name="广州华美餐饮有限公司", division_code="440106")


@pytest.fixture
def readers(enterprise):
    """Two users acting for the enterprise: one reads Chinese, one English."""
    chinese = enterprise_user(email="wang@example.cn")
    english = enterprise_user(email="smith@example.com", language="en")
    act_for(chinese, enterprise)
    act_for(english, enterprise)
    return chinese, english


def mails_by_address(outbox):
    return {message.to[0]: (message.subject, message.body.strip()) for message in outbox}


def test_a_returned_pledge_is_mailed_in_each_readers_language(
    enterprise, readers, province_user, mailoutbox, django_capture_on_commit_callbacks
):
    chinese, _english = readers
    pledge = pledge_service.create_pledge(enterprise, chinese, pledge_data())
    pledge_service.PLEDGE.apply(pledge, "submit", chinese)
    with django_capture_on_commit_callbacks(execute=True):
        pledge_service.PLEDGE.apply(pledge, "return", province_user, reason="价格说明不清")

    assert mails_by_address(mailoutbox) == {
        "wang@example.cn": (
            "您的优质服务承诺：已退回",
            "广州华美餐饮有限公司的服务承诺当前状态：已退回。\n\n理由：价格说明不清",
        ),
        "smith@example.com": (
            "Your quality pledge: Returned",
            "The pledge of 广州华美餐饮有限公司 is now: Returned.\n\nReason: 价格说明不清",
        ),
    }


def test_a_suspended_certificate_is_mailed_in_each_readers_language(
    enterprise, readers, province_user, mailoutbox, django_capture_on_commit_callbacks
):
    cert = certificate(enterprise, number="CQC-2019-001")
    with django_capture_on_commit_callbacks(execute=True):
        certificates.CERTIFICATE.apply(cert, "suspend", province_user, reason="监督抽查不合格")

    assert mails_by_address(mailoutbox) == {
        "wang@example.cn": ("证书 CQC-2019-001：暂停", "证书 CQC-2019-001：暂停\n\n监督抽查不合格"),
        "smith@example.com": (
            "Certificate CQC-2019-001: Suspended",
            "Certificate CQC-2019-001: Suspended\n\n监督抽查不合格",
        ),
    }


def test_an_expiry_reminder_is_mailed_in_each_readers_language(
    enterprise, readers, mailoutbox, django_capture_on_commit_callbacks
):
    certificate(enterprise, number="CQC-2019-002", expires_on=datetime.date(2019, 7, 31))
    with django_capture_on_commit_callbacks(execute=True):
        certificates.run_daily(datetime.date(2019, 6, 1))

    assert mails_by_address(mailoutbox) == {
        "wang@example.cn": (
            "证书 CQC-2019-002 将于 2019-07-31 到期",
            "广州华美餐饮有限公司的“餐饮服务”认证证书（编号 CQC-2019-002，由中国质量认证中心颁发）"
            "将于 2019-07-31 到期。请及时办理换证，并在平台上录入新证书。",
        ),
        "smith@example.com": (
            "Certificate CQC-2019-002 expires on 2019-07-31",
            "The 餐饮服务 certificate CQC-2019-002 of 广州华美餐饮有限公司, issued by "
            "中国质量认证中心, expires on 2019-07-31. Renew it in time and record the new "
            "certificate on the portal.",
        ),
    }


def test_a_claim_decision_is_mailed_in_the_claimants_language(
    enterprise, province_user, mailoutbox, django_capture_on_commit_callbacks
):
    chinese = MembershipFactory(enterprise=enterprise, user=enterprise_user(email="li@example.cn"))
    english = MembershipFactory(
        enterprise=enterprise, user=enterprise_user(email="jones@example.com", language="en")
    )
    with django_capture_on_commit_callbacks(execute=True):
        claims.CLAIM.apply(chinese, "approve", province_user)
        claims.CLAIM.apply(english, "reject", province_user, reason="营业执照信息不符")

    mails = mails_by_address(mailoutbox)
    assert mails["li@example.cn"][0] == "您对广州华美餐饮有限公司的认领申请已通过"
    assert f"广州华美餐饮有限公司（{enterprise.uscc}）" in mails["li@example.cn"][1]
    assert mails["jones@example.com"] == (
        "Your claim on 广州华美餐饮有限公司 was rejected",
        f"Your claim to act for 广州华美餐饮有限公司 ({enterprise.uscc}) has been decided.\n\n"
        "It was rejected for this reason: 营业执照信息不符",
    )
