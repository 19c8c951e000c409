"""Demo data of the registry: a few hundred service enterprises and two enterprise users.

Idempotent: the same seed gives the same USCCs, and enterprises are upserted by USCC.
"""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from portal.demo import CAMPAIGN_START, make_user, moment, present_period
from portal.models import User

from . import uscc
from .models import Certificate, Enterprise, EnterpriseMembership, Pledge, StandardDeclaration
from .services import certificates, imports, pledges, registry, standards

COUNT = 300
# (division code, city prefix of names, street)
PLACES = [
    ("440106", "广州", "广州市天河区天河路"),
    ("440104", "广州", "广州市越秀区北京路"),
    ("440305", "深圳", "深圳市南山区科技园南路"),
    ("440304", "深圳", "深圳市福田区深南大道"),
    ("330106", "杭州", "杭州市西湖区文三路"),
    ("330108", "杭州", "杭州市滨江区江南大道"),
    ("110108", "北京", "北京市海淀区中关村大街"),
    ("110105", "北京", "北京市朝阳区建国路"),
    ("510107", "成都", "成都市武侯区人民南路"),
    ("510104", "成都", "成都市锦江区春熙路"),
]
BRANDS = ["华美", "鸿运", "悦来", "金桥", "嘉禾", "瑞丰", "恒信", "新天地"]
BRANDS += ["佳园", "安居", "乐享", "优品", "同心", "万家", "和顺", "青禾"]
# (business words, GB/T 4754 section, division)
TRADES = [
    ("餐饮管理", "H", "62"), ("酒店管理", "H", "61"), ("物流", "G", "58"),
    ("快递服务", "G", "60"), ("家政服务", "O", "80"), ("教育培训", "P", "83"),
    ("健康管理", "Q", "84"), ("养老服务", "Q", "85"), ("电子商务", "I", "64"),
    ("网络科技", "I", "65"), ("旅行社", "L", "72"), ("物业服务", "K", "70"),
    ("汽车维修", "O", "81"), ("文化传媒", "R", "88"), ("体育健身", "R", "89"),
    ("超市", "F", "52"),
]  # fmt: skip
SIZES = ["micro", "small", "small", "medium", "large"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"


def enterprise_rows(count=COUNT, seed=2019):
    """Deterministic demo enterprises as field dicts for the import upsert."""
    rng = random.Random(seed)
    body_chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    rows, seen = [], set()
    for n in range(count):
        division, city, street = PLACES[n % len(PLACES)]
        trade, section, industry = TRADES[rng.randrange(len(TRADES))]
        kind = rng.choice(["91", "91", "91", "92", "93"])
        code = uscc.make_uscc(kind + division, "".join(rng.choices(body_chars, k=8)))
        name = f"{city}市{rng.choice(BRANDS)}{trade}有限公司"
        if kind == "92":
            name = f"{city}{rng.choice(BRANDS)}{trade}店"
        if name in seen:
            name = f"{name}第{n}分公司"
        seen.add(name)
        rows.append(
            {
                "uscc": code,
                "name": name,
                "legal_representative": rng.choice(SURNAMES) + rng.choice(GIVEN),
                "address": f"{street}{rng.randint(1, 999)}号",
                "industry_section": section,
                "industry_division": industry,
                "size": rng.choice(SIZES),
                "status": "operating" if rng.random() > 0.05 else "suspended",
                "contact_phone": f"1{rng.randint(3, 9)}{rng.randint(100000000, 999999999)}",
            }
        )
    return rows


def _place(rows):
    for data in rows:
        unit, division = registry.locate(data["uscc"])
        data["reporting_unit_id"] = unit.pk
        data["division_id"] = division.pk if division else None
    return rows


def seed(demo):
    """The demo registry and the enterprise users ent_huamei (approved) and ent_pending."""
    rows = _place(enterprise_rows())
    huamei, pending = _first_in(rows, "440305"), _first_in(rows, "440106")
    huamei.update(name="深圳市华美优质服务有限公司", status="operating")
    pending.update(name="广州市鸿运优质服务有限公司", status="operating")
    fields = [*rows[0].keys(), "division"]
    fields.remove("uscc")
    imports.upsert(list(enumerate(rows)), ["uscc", *fields])
    huamei = Enterprise.objects.get(uscc=huamei["uscc"])
    pending = Enterprise.objects.get(uscc=pending["uscc"])
    _member(demo, "ent_huamei", "华美 王芳", huamei, EnterpriseMembership.Status.APPROVED)
    _member(demo, "ent_pending", "鸿运 李明", pending, EnterpriseMembership.Status.PENDING)
    seed_self_service(demo, huamei)


def _first_in(rows, division_code):
    return next(r for r in rows if r["uscc"][2:8] == division_code)


def _member(demo, username, full_name, enterprise, status):
    user = make_user(
        username, full_name=full_name, role="enterprise", email=f"{username}@demo.example.cn"
    )
    EnterpriseMembership.objects.update_or_create(
        user=user, enterprise=enterprise, defaults={"status": status}
    )
    demo.users[username] = user
    demo.add_login(user)


# Pledges, standards and certificates (tasks 2, 7, 8), built through the services and dated
# in the campaign: each unit's six enterprises file one after another, three in the period of
# the 2019 round (to 2019-10-31) and three in the 2020 round's (to 2020-10-31). What is
# current work (drafts, pledges waiting or returned) is dated from today, one pledge a unit is
# published in the present round's period, and valid certificates expire after today.
PER_UNIT = 6
CERTIFICATE_STATUSES = ["valid", "valid", "suspended", "revoked", "cancelled", "expired"]


def seed_self_service(demo, huamei):
    """Pledges in every state, declarations with front-runners, certificates in each status."""
    regulators = {
        u.agency.reporting_unit.code: u
        for u in demo.users.values()
        if u.role == "provincial" and u.agency.kind == "market"
    }
    chosen = []
    for code in regulators:
        others = (
            Enterprise.objects.filter(reporting_unit__code=code, status=Enterprise.Status.OPERATING)
            .exclude(pk=huamei.pk)
            .select_related("reporting_unit")
            .order_by("uscc")
        )
        first = [huamei] if huamei.reporting_unit.code == code else []
        chosen += [*first, *others[:PER_UNIT]][:PER_UNIT]
    for n, enterprise in enumerate(chosen):
        filer = _filer(demo, enterprise)
        regulator = regulators.get(enterprise.reporting_unit.code, demo.users["samr"])
        if not enterprise.pledges.exists():
            _demo_pledge(n, enterprise, filer, regulator)
        if not enterprise.certificates.exists():
            _demo_certificate(n, enterprise, filer, regulator)
        if n % 2 == 0 and not enterprise.standard_declarations.exists():
            _demo_declaration(n, enterprise, filer, regulator)


def campaign_day(n):
    """The day the n-th demo enterprise files: slots 0-2 of a unit in 2019, 3-5 by 2020-08."""
    return CAMPAIGN_START + datetime.timedelta(days=n % PER_UNIT * 100 + n // PER_UNIT * 15)


def _filer(demo, enterprise):
    """The enterprise's approved user (ent_huamei for its enterprise, a demo account otherwise)."""
    member = enterprise.memberships.filter(status=EnterpriseMembership.Status.APPROVED).first()
    if member:
        return member.user
    user, created = User.objects.get_or_create(
        username=f"ent_{enterprise.uscc[-8:].lower()}",
        defaults={"role": "enterprise", "full_name": enterprise.name[:60]},
    )
    if created:
        user.set_unusable_password()
        user.save()
    EnterpriseMembership.objects.create(
        user=user, enterprise=enterprise, status=EnterpriseMembership.Status.APPROVED
    )
    return user


def _pledge_fate(n):
    if n % 10 == 9:
        return "draft"
    if n % 5 == 4:
        return "waiting"
    return "returned" if n % 7 == 6 else "published"


def _pledge_filed_on(n, fate):
    today = timezone.localdate()
    if fate != "published":
        return today - datetime.timedelta(days=5 + n)  # work on the regulator's desk now
    if n % PER_UNIT == PER_UNIT - 1:
        return present_period()[1] - datetime.timedelta(days=90 - n // PER_UNIT * 10)
    return campaign_day(n)


def _demo_pledge(n, enterprise, filer, regulator):
    fate = _pledge_fate(n)
    filed = _pledge_filed_on(n, fate)
    ended = n % 10 == 8
    data = {
        "services": f"{enterprise.name}的全部门店服务：预约、到店服务、上门服务",
        "standards": "GB/T 15624-2011 服务标准化工作指南；本企业服务规范 Q/DEMO 001",
        "response_hours": 2 + n % 3 * 22,
        "completion_days": 1 + n % 5,
        "pricing": "明码标价，价目表在门店和网站公示；另收费用须事先告知并经顾客同意",
        "after_sales": "服务不满意7日内免费返工；因本企业原因造成损失的先行赔付",
        "complaint_channel": "门店服务台、客服热线、12315平台",
        "complaint_phone": f"400-800-{n:04d}",
        "period_start": filed,
        # An ended pledge ran 600 days; the others run on beyond today.
        "period_end": filed + datetime.timedelta(days=600)
        if ended
        else timezone.localdate() + datetime.timedelta(days=730),
    }
    pledge = pledges.create_pledge(enterprise, filer, data)
    Pledge.objects.filter(pk=pledge.pk).update(created_at=moment(filed, 9))
    pledge.revisions.update(created_at=moment(filed, 9))
    if fate == "draft":
        return
    pledges.PLEDGE.apply(pledge, "submit", filer, at=moment(filed + datetime.timedelta(days=2)))
    if fate == "waiting":
        return
    decided = filed + datetime.timedelta(days=9)
    if fate == "returned":
        pledges.PLEDGE.apply(
            pledge, "return", regulator, reason="请写明服务完成时限的计算方法。", at=moment(decided)
        )
        return
    pledges.PLEDGE.apply(pledge, "publish", regulator, at=moment(decided, 15))
    if n == 3:
        withdrawn = moment(decided + datetime.timedelta(days=200))
        pledges.PLEDGE.apply(pledge, "withdraw", filer, reason="门店停业装修", at=withdrawn)
    elif n % PER_UNIT in (0, 3):
        pledges.recognise(
            enterprise,
            regulator,
            "连续两年投诉量下降，服务质量明显提升",
            recognised_on=decided + datetime.timedelta(days=60),
        )


def _demo_certificate(n, enterprise, filer, regulator):
    today = timezone.localdate()
    slot = n % PER_UNIT
    status = CERTIFICATE_STATUSES[slot]
    issued = campaign_day(n) + datetime.timedelta(days=10)
    # The expired one ran its three years; the others run beyond today (one expires within
    # 60 days), so the valid ones are valid today and the ended ones ended by a decision.
    expires = issued + datetime.timedelta(days=3 * 365)
    if status != "expired":
        expires = today + datetime.timedelta(days=[45, 400, 300, 500, 200][slot])
    data = {
        "number": f"CQC-DEMO-{n + 1:04d}",
        "certification_body": "中国质量认证中心",
        "service": "商品售后服务",
        "scope_text": "商品售后服务评价体系（GB/T 27922）五星级",
        "issued_on": issued,
        "expires_on": expires,
    }
    certificate = certificates.create_certificate(enterprise, filer, data)
    Certificate.objects.filter(pk=certificate.pk).update(created_at=moment(issued, 9))
    action = {"suspended": "suspend", "revoked": "revoke", "cancelled": "cancel"}.get(status)
    if action is not None:
        by = filer if action == "cancel" else regulator
        reason = "企业申请注销" if action == "cancel" else "监督审核发现不符合项"
        at = moment(issued + datetime.timedelta(days=120))
        certificates.CERTIFICATE.apply(certificate, action, by, reason=reason, at=at)


def _demo_declaration(n, enterprise, filer, regulator):
    leading = n % 3 != 2
    indicators = [
        {"name": "顾客满意率", "unit": "%", "declared_value": Decimal("96") if leading else
         Decimal("88"), "benchmark_value": Decimal("90"), "higher_is_better": True},
        {"name": "投诉处理时限", "unit": "小时", "declared_value": Decimal("24"),
         "benchmark_value": Decimal("48"), "higher_is_better": False},
    ]  # fmt: skip
    data = {
        "standard_number": f"Q/DEMO {n + 1:03d}-2019",
        "standard_name": "服务质量要求",
        "standard_type": "enterprise",
        "is_own_standard": True,
        "service": enterprise.name[:200],
    }
    declaration = standards.declare(enterprise, filer, data, indicators)
    declared = campaign_day(n) + datetime.timedelta(days=5)
    StandardDeclaration.objects.filter(pk=declaration.pk).update(declared_at=moment(declared, 9))
    if leading and n % 4 == 0:
        confirmed = moment(declared + datetime.timedelta(days=30))
        standards.FRONT_RUNNER.apply(declaration, "confirm", regulator, at=confirmed)
