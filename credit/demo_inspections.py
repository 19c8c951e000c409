"""Demo double-random inspections (``seed_inspections``, called by credit/demo.py).

Made through the services, as a regulator would: the list of items, Guangdong's
inspectors, a plan drawn with results published, a plan published and not yet drawn,
and a request for assistance between Guangdong and Zhejiang. Idempotent.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from enterprises.models import Enterprise
from portal.audit import acting_as
from portal.models import Agency

from .models import ClassRatio, InspectionItem, InspectionPlan, Inspector
from .services import assistance, inspection_results, inspections

DRAWN_PLAN = "演示：2026年度服务业质量双随机抽查（第一批）"
ITEMS = [
    ("服务质量承诺公示与履行情况", "service_quality", "general", Decimal("0.5")),
    ("明码标价和价格公示情况", "pricing", "general", Decimal("0.5")),
    ("登记事项与经营场所一致性", "licensing", "key", None),
]
LEGAL_BASIS = "《优化营商环境条例》《市场主体登记管理条例》"
RESULTS = ["no_problem", "corrected", "unreachable", "not_disclosed"]


def seed_inspections(demo):
    demo.notes.append(
        "Verifiable inspection draws and results (双随机抽查公示): "
        "http://127.0.0.1:8000/credit/inspections/public/"
    )
    if InspectionPlan.objects.filter(name=DRAWN_PLAN).exists():
        return
    staff = demo.users["guangdong"]
    with acting_as(staff, source="command", label="demo"):
        items = _items(staff)
        _inspectors(staff)
        drawn = _plan(staff, DRAWN_PLAN, items)
        inspections.draw(drawn, staff)
        inspections.PLAN.apply(drawn, "start", staff)
        _results(drawn, staff)
        _plan(staff, "演示：2026年度服务业质量双随机抽查（第二批）", items[:1])
    _assistance(demo)


def _items(staff):
    unit = staff.agency.reporting_unit
    return [
        InspectionItem.objects.get_or_create(
            reporting_unit=unit,
            name=name,
            defaults={
                "content": f"检查{name}", "legal_basis": LEGAL_BASIS,
                "method": "现场检查、书面检查", "frequency": "每年一次", "field": field,
                "kind": kind, "max_ratio": ratio,
            },
        )[0]
        for name, field, kind, ratio in ITEMS
    ]  # fmt: skip


def _inspectors(staff):
    market = Agency.objects.get(reporting_unit=staff.agency.reporting_unit, kind="market")
    names = ["陈立", "林海", "黄蓉", "周强", "吴敏", "郑洁", "何平", "罗军"]
    for n, name in enumerate(names):
        Inspector.objects.get_or_create(
            certificate_number=f"4400{n + 1:06d}",
            defaults={"agency": market, "name": name,
                      "fields": ["service_quality", "pricing", "licensing"][: 1 + n % 3]},
        )  # fmt: skip


def _plan(staff, name, items):
    today = timezone.localdate()
    plan = InspectionPlan.objects.create(
        reporting_unit=staff.agency.reporting_unit,
        name=name,
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today + datetime.timedelta(days=120),
        created_by=staff,
    )
    plan.agencies.set([staff.agency])
    plan.items.set(items)
    inspections.default_ratios(plan)
    ClassRatio.objects.filter(plan=plan).update(ratio=Decimal("0.3"))
    inspections.publish(plan, staff)
    return plan


def _results(plan, staff):
    concluded = timezone.localdate() - datetime.timedelta(days=3)
    for n, inspection in enumerate(plan.inspections.filter(active=True)[: len(RESULTS)]):
        inspection_results.record_result(
            inspection, staff, result=RESULTS[n], note="", concluded_on=concluded
        )
        if n < 3:
            inspection_results.publish_result(inspection, staff)


def _assistance(demo):
    asking, asked = demo.users["guangdong"], demo.users["zhejiang"]
    enterprise = Enterprise.objects.filter(reporting_unit__code="330000").first()
    if enterprise is None:
        return
    with acting_as(asking, source="command", label="demo"):
        request = assistance.ask(
            asking, enterprise=enterprise, to_unit=asked.agency.reporting_unit,
            subject="请协助核查企业实际经营情况",
            request="该企业在广州有投诉，请协助核查其登记住所的经营情况。",
            working_days=10,
        )  # fmt: skip
    with acting_as(asked, source="command", label="demo"):
        assistance.post_message(request, asked, text="已派员实地核查，企业在登记住所正常经营。")
