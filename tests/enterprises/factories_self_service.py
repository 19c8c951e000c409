"""Test data for pledges, declarations and certificates, built through the services."""

import datetime
from decimal import Decimal

from enterprises.models import (
    Certificate,
    EnterpriseMembership,
    StandardDeclaration,
)
from enterprises.services import pledges as pledge_service
from enterprises.services import standards as standard_service
from tests.enterprises.factories import EnterpriseFactory

TODAY = datetime.date(2019, 6, 1)


def act_for(user, enterprise=None, **enterprise_fields):
    """Give an enterprise user an approved claim; returns the enterprise."""
    enterprise = enterprise or EnterpriseFactory(**enterprise_fields)
    EnterpriseMembership.objects.create(
        user=user, enterprise=enterprise, status=EnterpriseMembership.Status.APPROVED
    )
    user._enterprise_ids = None
    return enterprise


def pledge_data(**overrides):
    """Valid content for a pledge revision."""
    data = {
        "services": "堂食、外卖、包间预订",
        "standards": "GB/T 28001-2011 餐饮服务规范",
        "response_hours": 2,
        "completion_days": 3,
        "pricing": "明码标价，菜单公示",
        "after_sales": "菜品不满意可免费重做",
        "complaint_channel": "店内意见簿或拨打热线",
        "complaint_phone": "020-12345678",
        "period_start": datetime.date(2019, 1, 1),
        "period_end": datetime.date(2020, 12, 31),
    }
    data.update(overrides)
    return data


def published_pledge(enterprise, owner, reviewer, **overrides):
    """A pledge taken through submit and publish."""
    pledge = pledge_service.create_pledge(enterprise, owner, pledge_data(**overrides))
    pledge_service.PLEDGE.apply(pledge, "submit", owner)
    pledge_service.PLEDGE.apply(pledge, "publish", reviewer)
    pledge.refresh_from_db()
    return pledge


def certificate(enterprise, **fields):
    """A valid certificate, three years long unless told otherwise."""
    issued = fields.pop("issued_on", datetime.date(2018, 1, 1))
    values = {
        "number": f"CQC-{Certificate.objects.count() + 1:05d}",
        "certification_body": "中国质量认证中心",
        "service": "餐饮服务",
        "scope_text": "中式正餐服务",
        "issued_on": issued,
        "expires_on": issued + datetime.timedelta(days=3 * 365),
    }
    values.update(fields)
    return Certificate.objects.create(enterprise=enterprise, **values)


def declaration(enterprise, indicators=(), **fields):
    """A declaration with indicators given as (declared, benchmark, higher_is_better)."""
    values = {
        "standard_number": "Q/GZ 001-2019",
        "standard_name": "餐饮服务质量规范",
        "standard_type": StandardDeclaration.Type.ENTERPRISE,
        "is_own_standard": True,
    }
    values.update(fields)
    rows = [
        {
            "name": f"指标{index + 1}",
            "declared_value": Decimal(str(declared)),
            "benchmark_value": None if benchmark is None else Decimal(str(benchmark)),
            "higher_is_better": higher,
        }
        for index, (declared, benchmark, higher) in enumerate(indicators)
    ]
    return standard_service.declare(enterprise, None, values, rows)
