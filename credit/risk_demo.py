"""Demo risk classes (credit.demo has ``seed_risk`` run after every app has seeded): a
scoring model over all eight indicators, a national recomputation and one override, so
/credit/risk/ is filled. Idempotent."""

import datetime
from decimal import Decimal

from django.utils import timezone

from portal.audit import acting_as

from .models import EnterpriseRiskClass, RiskOverride, ScoringModel
from .services import risk
from .services.risk_compute import recompute

INDICATORS = [
    risk.IndicatorSetting("complaint_rate", Decimal(10), Decimal(1), Decimal(5)),
    risk.IndicatorSetting("years_in_business", Decimal(-1), Decimal(1), Decimal(10)),
    risk.IndicatorSetting("valid_certification", Decimal(-10), Decimal(1)),
    risk.IndicatorSetting("published_pledge", Decimal(-5), Decimal(1)),
    risk.IndicatorSetting("on_a_list", Decimal(10), Decimal(1)),
    risk.IndicatorSetting("penalties_3_years", Decimal(5), Decimal(1), Decimal(3)),
    risk.IndicatorSetting("inspection_findings", Decimal(3), Decimal(1), Decimal(3)),
    risk.IndicatorSetting("abnormal_annual_report", Decimal(4), Decimal(1)),
]


def seed_risk(demo):
    demo.notes.append("Risk classes (staff only): http://127.0.0.1:8000/credit/risk/")
    if ScoringModel.objects.exists():
        return
    hq, officer = demo.users["samr"], demo.users["guangdong"]
    with acting_as(hq, source="command", label="seed_demo"):
        risk.save_model(
            hq, b_from=Decimal(-5), c_from=Decimal(5), d_from=Decimal(15),
            indicators=INDICATORS, note="演示模型",
        )  # fmt: skip
        recompute()
    row = (
        EnterpriseRiskClass.objects.filter(enterprise__reporting_unit__code="440000")
        .order_by("score", "pk")
        .first()
    )
    if row is None or RiskOverride.objects.exists():
        return
    with acting_as(officer, source="command", label="seed_demo"):
        risk.override_class(
            row, risk_class="C", reason="现场检查发现预付卡风险，调高一个月观察。",
            expires_on=timezone.localdate() + datetime.timedelta(days=30), user=officer,
        )  # fmt: skip
