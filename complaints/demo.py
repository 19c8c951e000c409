"""Demo complaints: every stage of handling, a transfer waiting, one to follow by code,
a mediation body with a referral waiting, and an advance compensation commitment.

Filed and handled through the services, as people would. Idempotent: nothing is added
once the sample complaint exists. The public can follow SAMPLE_CODE with phone digits 5678.
"""

import datetime

from django.utils import timezone

from enterprises.models import EnterpriseMembership
from portal.models import AdminDivision

from .models import Complaint, Ground
from .services import compensation, handling, intake, mediation, transfers

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
    _against_demo_enterprise(demo, staff["440300"], today)
    _third_parties(demo, staff["440000"], filed)


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
    membership = EnterpriseMembership.objects.filter(
        user=demo.users["ent_huamei"], status=EnterpriseMembership.Status.APPROVED
    ).select_related("enterprise__division")
    operator = membership.first().enterprise
    filed = _file(0, today - datetime.timedelta(days=5), operator.division.code, "O",
                  operator.name, "会员服务承诺的免费保养未兑现。",
                  operator=operator, contact_consent=True)  # fmt: skip
    for action in ("accept", "mediate"):
        handling.COMPLAINT.apply(filed, action, officer)


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
    operator = (
        EnterpriseMembership.objects.filter(user=user, status=EnterpriseMembership.Status.APPROVED)
        .first()
        .enterprise
    )
    promise = "场内商户拒不赔偿的，本商场在7日内先行赔付，最高5000元。"
    terms = compensation.commit(user, operator, kind="mall", terms=promise, limit_per_case=5000)
    compensation.record_case(
        user, terms, seller_name="场内某服装店", paid_amount=320, paid_on=terms.since
    )
