"""The two rule sets of DOMAIN.md section 4: SAMR Order No. 20 and Order No. 121.

Order 121's deadlines were not found: they start from Order 20's values and are marked
unverified, as is Order 20's mediation period and the days to tell a reporter.
Headquarters corrects them in the portal. Loaded by a data migration with historical
models, and by tests whose transactional database is emptied, with the real ones.
"""

# ruff: noqa: E501 - the regulations' wording is kept on one line per ground

import datetime

DEADLINES = dict(
    acceptance_days=7,
    mediation_days=45,
    end_notice_days=7,
    verification_days=15,
    verification_extension_days=15,
    case_notice_days=5,
    odr_days=10,
    reopen_days=30,
)
ALL_DEADLINES = list(DEADLINES)

REFUSAL = [
    (
        "no_duty",
        "不属于市场监督管理部门职责，或者本行政机关不具有处理权限",
        "Not a duty of market supervision, or this department has no jurisdiction",
        "第十五条第一项",
    ),
    (
        "already_handled",
        "法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会或者依法成立的其他调解组织已经受理或者处理过同一消费者权益争议",
        "The same dispute has already been taken or handled by a court, arbitration, a regulator, a consumers' association or another mediation body",
        "第十五条第二项",
    ),
    (
        "not_consumption",
        "不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议",
        "Not for daily consumption, or no dispute with the respondent is shown",
        "第十五条第三项",
    ),
    (
        "time_barred",
        "除法律另有规定外，投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年",
        "More than three years since the consumer knew or should have known of the harm (unless a law says otherwise)",
        "第十五条第四项",
    ),
    (
        "materials_missing",
        "未提供投诉人姓名、电话、地址，被投诉人名称、地址，具体投诉请求以及消费者权益争议事实等材料",
        "Required materials are missing (complainant's name, phone, address; respondent's name and address; the request and the facts; an agent's power of attorney)",
        "第十五条第五项",
    ),
    (
        "other_law",
        "法律、法规、规章规定不予受理的其他情形",
        "Other grounds in law",
        "第十五条第六项",
    ),
]
REFUSAL_121_EXTRA = [
    (
        "impersonation",
        "冒用他人名义投诉",
        "The complaint is made in another person's name without authority",
        "",
    ),
    (
        "identity_refused",
        "拒绝配合身份核验",
        "The complainant refuses to have their identity checked",
        "",
    ),
    ("false_materials", "提供虚假材料", "The complainant provided false materials", ""),
]
MEDIATION_END = [
    (
        "withdrawn_or_settled",
        "投诉人撤回投诉或者双方自行和解",
        "The complainant withdrew or the parties settled",
        "第二十四条第一项",
    ),
    (
        "no_testing_agreement",
        "投诉人与被投诉人对委托承担检定、检验、检测、鉴定工作的技术机构或者费用承担无法协商一致",
        "The parties cannot agree on a testing body or on who pays for it",
        "第二十四条第二项",
    ),
    (
        "refused",
        "投诉人或者被投诉人无正当理由不参加调解，或者被投诉人明确拒绝调解",
        "A party refuses without good reason, or the respondent refuses mediation",
        "第二十四条第三项",
    ),
    (
        "no_agreement",
        "经组织调解，投诉人或者被投诉人明确表示无法达成调解协议",
        "A party says no agreement is possible",
        "第二十四条第四项",
    ),
    (
        "time_passed",
        "自投诉受理之日起四十五个工作日内投诉人和被投诉人未能达成调解协议",
        "Forty-five working days passed since acceptance without agreement",
        "第二十四条第五项",
    ),
    (
        "refusal_ground_found",
        "市场监督管理部门受理投诉后，发现存在不予受理情形",
        "A ground for not accepting was found after acceptance",
        "第二十四条第六项",
    ),
    (
        "other_law",
        "法律、法规、规章规定的应当终止调解的其他情形",
        "Other grounds in law",
        "第二十四条第七项",
    ),
]


def ensure_rule_sets(RuleSet, Ground):  # noqa: N803 - model classes, historical or real
    """Create the two rule sets and their grounds unless they exist."""
    if RuleSet.objects.filter(code__in=["order-20", "order-121"]).exists():
        return
    order20 = RuleSet.objects.create(
        code="order-20",
        name="市场监督管理投诉举报处理暂行办法（国家市场监督管理总局令第20号）",
        name_en="Interim Measures on Complaints and Reports, SAMR Order No. 20",
        effective_from=datetime.date(2020, 1, 1),
        unverified=["mediation_days", "case_notice_days", "reopen_days"],
        **DEADLINES,
    )
    order121 = RuleSet.objects.create(
        code="order-121",
        name="市场监督管理投诉举报处理办法（国家市场监督管理总局令第121号）",
        name_en="Measures on Complaints and Reports, SAMR Order No. 121",
        effective_from=datetime.date(2026, 4, 15),
        unverified=ALL_DEADLINES,
        **DEADLINES,
    )
    for rule_set, refusal in (
        (order20, REFUSAL),
        (order121, REFUSAL[:-1] + REFUSAL_121_EXTRA + REFUSAL[-1:]),
    ):
        for kind, grounds in (("refusal", refusal), ("mediation_end", MEDIATION_END)):
            for position, (code, text, text_en, article) in enumerate(grounds):
                article = article if rule_set is order20 else ""
                Ground.objects.create(
                    rule_set=rule_set,
                    kind=kind,
                    code=code,
                    text=text,
                    text_en=text_en,
                    article=article,
                    position=position,
                )
