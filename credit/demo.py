"""Demo credit records: penalties, both lists, a proposal waiting for a second officer, a
served serious listing and consumer warnings, made through the services as officers would.

Idempotent: nothing is added once the demo's first penalty exists. Guangdong's officer
proposes; SAMR's officer confirms (the second officer).
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from enterprises.models import Enterprise

from .demo_inspections import seed_inspections
from .models import Penalty
from .risk_demo import seed_risk
from .services import lists, penalties, warnings

FIRST = "粤市监罚〔2026〕演示1号"


def _ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def seed(demo):
    seed_lists(demo)
    seed_inspections(demo)
    demo.run_last(seed_risk)  # the classes score complaints too, seeded after credit


def seed_lists(demo):
    demo.notes.append(
        "Credit publicity without logging in (信用公示): http://127.0.0.1:8000/credit/"
    )
    if Penalty.objects.filter(decision_number=FIRST).exists():
        return
    officer, second = demo.users["guangdong"], demo.users["samr"]
    rows = list(
        Enterprise.objects.filter(reporting_unit__code="440000", status="operating").order_by("pk")[
            :5
        ]
    )
    if len(rows) < 5:
        return
    today = timezone.localdate()
    fine = penalties.record(rows[0], {
        "decision_number": FIRST, "authority": "广州市市场监督管理局",
        "decided_on": today - datetime.timedelta(days=500), "ground": "提供虚假材料骗取登记",
        "kind": "fine", "amount": Decimal("500000"), "serious": True,
    }, officer)  # fmt: skip
    penalties.PENALTY.apply(fine, "confirm", second, at=_ago(490))
    listing = lists.propose_serious(rows[0], {
        "penalty": fine, "ground": "提供虚假材料骗取公司登记，情节严重",
        "decision_reference": "粤市监失〔2026〕演示1号",
        "decided_on": today - datetime.timedelta(days=480),
    }, officer)  # fmt: skip
    lists.SERIOUS.apply(listing, "confirm", second, at=_ago(480))
    warning = penalties.record(rows[1], {
        "decision_number": "粤市监罚〔2026〕演示2号", "authority": "广州市天河区市场监督管理局",
        "decided_on": today - datetime.timedelta(days=20), "ground": "未明码标价",
        "kind": "warning",
    }, officer)  # fmt: skip
    penalties.PENALTY.apply(warning, "confirm", second, at=_ago(15))
    for enterprise, ground, days in ((rows[2], "annual_report", 60), (rows[3], "unreachable", 30)):
        entry = lists.propose_abnormal(enterprise, {
            "ground": ground, "decision_reference": f"粤市监异〔2026〕演示{enterprise.pk}号",
            "decided_on": today - datetime.timedelta(days=days),
        }, officer)  # fmt: skip
        lists.ABNORMAL.apply(entry, "confirm", second, at=_ago(days))
    lists.ABNORMAL.apply(entry, "apply_removal", officer, reason="已办理住所变更登记")
    lists.propose_abnormal(rows[4], {
        "ground": "false_disclosure", "decision_reference": "粤市监异〔2026〕演示待审号",
        "decided_on": today,
    }, officer)  # fmt: skip
    for title, days in (("关于预付式消费的消费警示", 0), ("春节期间餐饮消费警示", 400)):
        item = warnings.write({
            "title": title, "text": "请消费者谨慎办理大额预付卡，保留消费凭证。", "sector": "O",
            "valid_from": today - datetime.timedelta(days=days + 1),
            "valid_until": today - datetime.timedelta(days=days) + datetime.timedelta(days=60),
        }, officer)  # fmt: skip
        warnings.WARNING.apply(item, "publish", officer, at=_ago(days))
