"""Demo complaints: every stage of handling, a transfer waiting, one to follow by code,
a mediation body with a referral waiting, an advance compensation commitment, a
recognised trustworthy-consumption model unit with an application waiting, and
after-sales records (a guarantee, a recall followed up, an insurance payout).

Filed and handled through the services, as people would. Idempotent: nothing is added
once the sample complaint exists. The public can follow SAMPLE_CODE with phone digits 5678.
"""

import datetime

from django.utils import timezone

from enterprises.models import EnterpriseMembership
from portal.models import AdminDivision

from .models import AfterSalesRecord, Complaint, Ground
from .services import (
    after_sales,
    compensation,
    handling,
    intake,
    mediation,
    transfers,
    trustworthy,
)

SAMPLE_CODE = "SAMPLE234567"
STORIES = [
    # (days ago, division, section, operator name, what went wrong, steps)
    (1, "440106", "H", "广州某酒家有限公司", "年夜饭预订临时取消，定金不退。", []),
    (3, "440106", "O", "天河某美容美发店", "办卡后门店关闭，余额无法退还。", ["accept"]),
    (
        9,
        "440305",
        "L",
        "南山某家政服务公司",
        "保洁人员损坏家具，公司拒绝赔偿。",
        ["accept", "mediate"],
    ),
    (12, "440305", "P", "南山某培训学校", "课程未按约定开设，拒绝退费。", ["refuse"]),
    (
        20,
        "440106",
        "G",
        "某快递服务站",
        "包裹丢失，快递站推诿。",
        ["accept", "mediate", "settle", "close"],
    ),
    (30, "330106", "H", "杭州某连锁餐厅", "餐品中发现异物。", ["accept", "mediate", "terminate"]),
    (2, "330106", "O", "西湖某洗衣店", "羽绒服洗坏，店家只愿赔50元。", []),
    (14, "440106", "K", "某房产中介门店", "中介隐瞒房屋抵押情况。", []),
]


def seed(demo):
    demo.notes.append(
        "Follow a demo complaint without logging in (查询演示投诉): "
        f"http://127.0.0.1:8000/complaints/track/ code {SAMPLE_CODE}, phone digits 5678"
    )
    if Complaint.objects.filter(tracking_code=SAMPLE_CODE).exists():
        return
    staff = {"440000": demo.users["guangdong"], "440300": demo.users["shenzhen"],
             "330000": demo.users["zhejiang"]}  # fmt: skip
    today = timezone.localdate()
    filed = []
    for n, (days, division, section, operator, text, steps) in enumerate(STORIES):
        filed.append(
            _file(n, today - datetime.timedelta(days=days), division, section, operator, text)
        )
        for action in steps:
            _step(filed[-1], action, staff[filed[-1].reporting_unit.code])
    Complaint.objects.filter(pk=filed[0].pk).update(tracking_code=SAMPLE_CODE)
    transfers.send(filed[-1], staff["440000"], AdminDivision.objects.get(code="440305"),
                   "经营场所在深圳市南山区。")  # fmt: skip
    complained = _against_demo_enterprise(demo, staff["440300"], today)
    _third_parties(demo, staff["440000"], filed)
    _trustworthy(demo, staff)
    _after_sales(demo, staff["440300"], complained, today)


def _file(n, received_on, division, section, operator_name, text, **extra):
    data = {
        "received_on": received_on,
        "complainant_name": ["王小明", "李娜", "张伟", "刘芳", "陈静", "杨洋", "赵磊", "黄敏"][n],
        "complainant_phone": f"138{n:04d}5678",
        "complainant_email": f"consumer{n}@demo.example.cn",
        "complainant_address": "广东省广州市天河区体育东路2号",
        "operator_name": operator_name,
        "operator_address": "营业地址见营业执照",
        "division": AdminDivision.objects.get(code=division),
        "service_section": section,
        "happened_on": received_on - datetime.timedelta(days=5),
        "description": text,
        "request": "依法处理，退还费用。",
        **extra,
    }
    kinds = (
        [Complaint.Kind.COMPLAINT] if n != 1 else [Complaint.Kind.COMPLAINT, Complaint.Kind.REPORT]
    )
    return intake.file(data, kinds=kinds, channel=Complaint.Channel.ONLINE).complaints[0]


def _step(complaint, action, user):
    kinds = {"refuse": Ground.Kind.REFUSAL, "terminate": Ground.Kind.MEDIATION_END}
    if action in kinds:
        ground = handling.grounds(complaint, kinds[action]).first()
        handling.decide_on_ground(complaint, action, user, ground, "演示数据")
    else:
        handling.COMPLAINT.apply(complaint, action, user)
    if action == "close":
        handling.rate(complaint, 4, "处理及时。")


def _against_demo_enterprise(demo, officer, today):
    """A complaint in mediation about ent_huamei's enterprise, with the consumer's consent."""
    operator = _huamei(demo)
    filed = _file(0, today - datetime.timedelta(days=5), operator.division.code, "O",
                  operator.name, "会员服务承诺的免费保养未兑现。",
                  operator=operator, contact_consent=True)  # fmt: skip
    for action in ("accept", "mediate"):
        handling.COMPLAINT.apply(filed, action, officer)
    return filed


def _third_parties(demo, officer, filed):
    """Guangdong's people's mediation committee with a complaint referred to it; the demo
    enterprise commits to compensating consumers first and has paid once."""
    committee = mediation.register_body(
        officer, name="广州市天河区消费纠纷人民调解委员会", kind="peoples", contact="020-38000000"
    )
    in_mediation = next(c for c in filed if c.status == Complaint.Status.ACCEPTED and
                        c.reporting_unit.code == "440000")  # fmt: skip
    handling.COMPLAINT.apply(in_mediation, "mediate", officer)
    mediation.refer(in_mediation, officer, committee)
    user = demo.users["ent_huamei"]
    operator = _huamei(demo)
    promise = "场内商户拒不赔偿的，本商场在7日内先行赔付，最高5000元。"
    terms = compensation.commit(user, operator, kind="mall", terms=promise, limit_per_case=5000)
    compensation.record_case(
        user, terms, seller_name="场内某服装店", paid_amount=320, paid_on=terms.since
    )


def _huamei(demo):
    """ent_huamei's enterprise (the demo's enterprise user acts for one)."""
    membership = EnterpriseMembership.objects.filter(
        user=demo.users["ent_huamei"], status=EnterpriseMembership.Status.APPROVED
    ).select_related("enterprise__division", "enterprise__reporting_unit")
    return membership.first().enterprise


def _trustworthy(demo, staff):
    """ent_huamei's enterprise applies to be a model unit of trustworthy consumption, and
    its regulator recognises it; a second application waits for Guangdong's decision."""
    user = demo.users["ent_huamei"]
    operator = _huamei(demo)
    recognised = trustworthy.apply(
        user, operator, kind="unit", name=f"{operator.name}放心消费示范单位",
        commitments="明码标价，七日无理由退换，投诉二十四小时内响应。",
    )  # fmt: skip
    officer = staff[operator.reporting_unit.code]
    reason = "材料齐全，近一年无投诉。"
    trustworthy.TRUSTWORTHY.apply(recognised, "recognise", officer, reason=reason)
    waiting = (
        EnterpriseMembership.objects.filter(
            status=EnterpriseMembership.Status.APPROVED, enterprise__reporting_unit__code="440000"
        )
        .select_related("user", "enterprise")
        .order_by("enterprise__uscc")
        .first()
    )
    if waiting:
        trustworthy.apply(
            waiting.user, waiting.enterprise, kind="street", name="天河路放心消费示范街",
            commitments="街区商户统一承诺先行赔付。",
        )  # fmt: skip


def _after_sales(demo, officer, complained, today):
    """ent_huamei's enterprise: its guarantee, a recall its regulator followed up, and an
    insurance payout to the consumer of the complaint in mediation."""
    user = demo.users["ent_huamei"]
    operator = _huamei(demo)
    after_sales.record(
        user, operator, kind=AfterSalesRecord.Kind.GUARANTEE, title="会员保养服务质量承诺",
        details="保养后三十日内同一问题免费返修。", starts_on=today - datetime.timedelta(days=90),
    )  # fmt: skip
    recall = after_sales.record(
        user, operator, kind=AfterSalesRecord.Kind.RECALL, title="会员赠品电热水壶召回",
        details="赠送的电热水壶温控器可能失灵，免费更换。", quantity=120,
        starts_on=today - datetime.timedelta(days=30),
    )  # fmt: skip
    after_sales.follow_up(officer, recall, "已现场核查，更换完成96件，其余正在联系会员。")
    after_sales.record(
        user, operator, kind=AfterSalesRecord.Kind.INSURANCE, title="服务质量保险理赔",
        details="保险公司就免费保养未兑现赔付消费者。", amount=800,
        starts_on=today - datetime.timedelta(days=2), complaint=complained,
    )  # fmt: skip
