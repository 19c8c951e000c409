"""factory_boy factories: the one way tests build objects.

Users of each role in a reporting unit, enterprises with a valid USCC, claims,
pledges, certificates, declarations, their status logs and measures, complaints.
"""

import datetime
import random
import string
from decimal import Decimal

import factory
from django.conf import settings

from complaints.models import Complaint, RuleSet
from complaints.services import deadlines as complaint_deadlines
from complaints.services import intake
from enterprises import uscc as uscc_mod
from enterprises.models import (
    Certificate,
    CertificateReminder,
    CertificateStatusChange,
    ClaimStatusChange,
    Enterprise,
    EnterpriseMembership,
    FrontRunnerChange,
    Pledge,
    PledgeRevision,
    PledgeStatusChange,
    Recognition,
    SampledDeclaration,
    SamplingDraw,
    StandardDeclaration,
    StandardIndicator,
)
from enterprises.services import pledges as pledge_service
from enterprises.services import standards as standard_service
from portal.holidays import HolidayCalendar
from portal.models import AdminDivision, Agency, ReportingUnit, User
from reporting.models import Measure, MilestoneAction, NationalSummary, ReportStatusChange

PASSWORD = "Portal-test-2019"

_BODY_CHARS = "".join(c for c in uscc_mod.CHARSET if c in string.digits + string.ascii_uppercase)


def unit(code):
    return ReportingUnit.objects.get(code=code)


def agency(code=None, kind="market"):
    """The agency of a reporting unit, or headquarters when code is None."""
    if code is None:
        return Agency.objects.get(reporting_unit__isnull=True, kind=kind)
    return Agency.objects.get(reporting_unit__code=code, kind=kind)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"测试用户{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.cn")
    role = User.Role.ENTERPRISE
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            instance.save()


def headquarters_user(**kwargs):
    return UserFactory(role=User.Role.HEADQUARTERS, agency=agency(None), **kwargs)


def provincial_user(code="440000", kind="market", **kwargs):
    return UserFactory(role=User.Role.PROVINCIAL, agency=agency(code, kind), **kwargs)


def enterprise_user(**kwargs):
    return UserFactory(role=User.Role.ENTERPRISE, **kwargs)


def random_uscc(division_code="440106", kind="91"):
    """A valid USCC registered by the given division (positions 3-8)."""
    body = "".join(random.choices(_BODY_CHARS, k=8))
    return uscc_mod.make_uscc(kind + division_code, body)


def _unit_for(code):
    return unit(uscc_mod.reporting_unit_code(code, settings.PORTAL_XPCC_CODE))


class EnterpriseFactory(factory.django.DjangoModelFactory):
    """An enterprise; pass division_code="330106" to place it in Zhejiang, etc."""

    class Meta:
        model = Enterprise
        django_get_or_create = ("uscc",)

    class Params:
        division_code = "440106"

    uscc = factory.LazyAttribute(lambda o: random_uscc(o.division_code))
    name = factory.Sequence(lambda n: f"广州测试餐饮服务有限公司{n}")
    legal_representative = "张三"
    address = "广州市天河区体育西路1号"
    reporting_unit = factory.LazyAttribute(lambda o: _unit_for(o.division_code))
    division = factory.LazyAttribute(
        lambda o: AdminDivision.objects.filter(code=o.division_code).first()
    )
    industry_section = "H"
    industry_division = "62"
    size = Enterprise.Size.SMALL
    status = Enterprise.Status.OPERATING


class MembershipFactory(factory.django.DjangoModelFactory):
    """A claim by an enterprise user on an enterprise (pending unless status= is given)."""

    class Meta:
        model = EnterpriseMembership

    user = factory.SubFactory(UserFactory)
    enterprise = factory.SubFactory(EnterpriseFactory)
    status = EnterpriseMembership.Status.PENDING


def act_for(user, enterprise=None, **enterprise_fields):
    """Give an enterprise user an approved claim; returns the enterprise."""
    enterprise = enterprise or EnterpriseFactory(**enterprise_fields)
    MembershipFactory(user=user, enterprise=enterprise, status=EnterpriseMembership.Status.APPROVED)
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


class PledgeFactory(factory.django.DjangoModelFactory):
    """A draft pledge without a revision (PledgeRevisionFactory gives it one)."""

    class Meta:
        model = Pledge

    enterprise = factory.SubFactory(EnterpriseFactory)


class PledgeRevisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PledgeRevision

    pledge = factory.SubFactory(PledgeFactory)
    number = 1
    services = "中餐堂食、外卖"
    standards = "GB/T 28843"
    response_hours = 24
    completion_days = 7
    pricing = "明码标价"
    after_sales = "不满意可退换"
    complaint_channel = "店内意见簿"
    period_start = datetime.date(2019, 6, 1)
    period_end = datetime.date(2020, 5, 31)


def published_pledge(enterprise, owner, reviewer, **overrides):
    """A pledge taken through submit and publish."""
    pledge = pledge_service.create_pledge(enterprise, owner, pledge_data(**overrides))
    pledge_service.PLEDGE.apply(pledge, "submit", owner)
    pledge_service.PLEDGE.apply(pledge, "publish", reviewer)
    pledge.refresh_from_db()
    return pledge


class PledgeStatusChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PledgeStatusChange

    pledge = factory.SubFactory(PledgeFactory)
    action = "submit"
    from_status = "draft"
    to_status = "submitted"


class RecognitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recognition

    enterprise = factory.SubFactory(EnterpriseFactory)
    reason = "投诉量下降一半"


class ClaimStatusChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClaimStatusChange

    membership = factory.SubFactory(MembershipFactory)
    action = "approve"
    from_status = "pending"
    to_status = "approved"


class CertificateFactory(factory.django.DjangoModelFactory):
    """A valid certificate, three years long unless told otherwise."""

    class Meta:
        model = Certificate

    enterprise = factory.SubFactory(EnterpriseFactory)
    number = factory.Sequence(lambda n: f"CQC-{n + 1:05d}")
    certification_body = "中国质量认证中心"
    service = "餐饮服务"
    scope_text = "中式正餐服务"
    issued_on = datetime.date(2018, 1, 1)
    expires_on = factory.LazyAttribute(lambda o: o.issued_on + datetime.timedelta(days=3 * 365))


def certificate(enterprise, **fields):
    """A valid certificate of the enterprise (CertificateFactory)."""
    return CertificateFactory(enterprise=enterprise, **fields)


class CertificateStatusChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CertificateStatusChange

    certificate = factory.SubFactory(CertificateFactory)
    action = "suspend"
    from_status = "valid"
    to_status = "suspended"


class CertificateReminderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CertificateReminder

    certificate = factory.SubFactory(CertificateFactory)
    kind = "60"
    for_date = factory.LazyAttribute(
        lambda o: o.certificate.expires_on - datetime.timedelta(days=60)
    )


class DeclarationFactory(factory.django.DjangoModelFactory):
    """A published declaration, made by the service so that its front-runner flag is set.

    ``indicators`` are (declared, benchmark, higher_is_better) triples.
    """

    class Meta:
        model = StandardDeclaration

    enterprise = factory.SubFactory(EnterpriseFactory)
    standard_number = "Q/GZ 001-2019"
    standard_name = "餐饮服务质量规范"
    standard_type = StandardDeclaration.Type.ENTERPRISE
    is_own_standard = True
    indicators = ()

    @classmethod
    def _create(cls, model_class, enterprise, indicators=(), **fields):
        rows = [
            {
                "name": f"指标{index + 1}",
                "declared_value": Decimal(str(declared)),
                "benchmark_value": None if benchmark is None else Decimal(str(benchmark)),
                "higher_is_better": higher,
            }
            for index, (declared, benchmark, higher) in enumerate(indicators)
        ]
        return standard_service.declare(enterprise, None, fields, rows)


def declaration(enterprise, indicators=(), **fields):
    """A declaration of the enterprise with its indicators (DeclarationFactory)."""
    return DeclarationFactory(enterprise=enterprise, indicators=indicators, **fields)


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StandardIndicator

    declaration = factory.SubFactory(DeclarationFactory)
    name = "上菜时间"
    unit = "分钟"
    declared_value = 15
    benchmark_value = 20
    higher_is_better = False


class FrontRunnerChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FrontRunnerChange

    declaration = factory.SubFactory(DeclarationFactory)
    action = "confirm"
    from_status = "candidate"
    to_status = "confirmed"


class SamplingDrawFactory(factory.django.DjangoModelFactory):
    """A sampling draw's record; pass ``draw`` (a recorded ``portal.Draw``)."""

    class Meta:
        model = SamplingDraw

    count = 1
    population = 1


class SampledDeclarationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SampledDeclaration

    declaration = factory.SubFactory(DeclarationFactory)


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    task = 9
    kind = Measure.Kind.values[0]
    name = "家政服务员技能培训"
    people_trained = 1200
    started_on = datetime.date(2019, 3, 1)


class ReportStatusChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportStatusChange

    action = "review"
    from_status = "draft"
    to_status = "reviewed"


class MilestoneActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MilestoneAction

    outcome = MilestoneAction.Outcome.values[0]


class NationalSummaryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NationalSummary


class HolidayCalendarFactory(factory.django.DjangoModelFactory):
    """A year's calendar entered by headquarters, from 2030 on (one per year)."""

    class Meta:
        model = HolidayCalendar

    year = factory.LazyFunction(lambda: 2030 + HolidayCalendar.objects.count())
    entries = factory.LazyAttribute(lambda o: [[f"{o.year}-01-01", "holiday", "元旦"]])


# Complaints: filed the way the service files them (routing, rule set, deadlines).
def complaint_submission(**overrides):
    """The fields of a complaint about an unknown operator in Guangzhou Tianhe (440106)."""
    data = {
        "complainant_name": "王小明",
        "complainant_phone": "13812345678",
        "complainant_id_number": "",
        "complainant_address": "广州市天河区体育东路2号",
        "operator_name": "某某美容店",
        "operator_address": "广州市天河区天河路3号",
        "division": AdminDivision.objects.get(code="440106"),
        "service_section": "O",
        "happened_on": datetime.date(2026, 11, 20),
        "description": "预付卡充值后店铺关门，无法退款。",
        "request": "退还余额1200元。",
    }
    data.update(overrides)
    return data


def complaint(received_on=None, kind=Complaint.Kind.COMPLAINT, user=None, **overrides):
    """One complaint (or report) filed online, as if received on the given day.

    Filed today, then moved to ``received_on`` (which may lie ahead, for deadlines that
    need next year's calendar) with its rule set and deadlines recomputed.
    """
    filed = intake.file(
        complaint_submission(**overrides), kinds=[kind], channel=Complaint.Channel.ONLINE, user=user
    )
    complaint = filed.complaints[0]
    if received_on is not None:
        complaint.received_on = received_on
        complaint.rule_set = RuleSet.in_force_on(received_on)
        complaint_deadlines.compute(complaint)
        complaint.save()
    return complaint


# Credit risk classes: a scoring model version as headquarters would save it.
def scoring_model(b_from=0, c_from=10, d_from=20, user=None, **indicators):
    """A model version; each keyword is an indicator code = (points, weight, cap or None)."""
    from credit.services import risk

    settings_ = [
        risk.IndicatorSetting(code, _decimal(p), _decimal(w), _decimal(c))
        for code, (p, w, c) in indicators.items()
    ]
    return risk.save_model(
        user, b_from=Decimal(b_from), c_from=Decimal(c_from), d_from=Decimal(d_from),
        indicators=settings_,
    )  # fmt: skip


def _decimal(value):
    return None if value is None else Decimal(str(value))


def complaints_about(enterprise, count, received_on=None):
    """``count`` separate complaints about an enterprise (different texts, so none merge)."""
    return [
        complaint(
            received_on=received_on, operator=enterprise, description=f"{enterprise.name}问题{n}。"
        )
        for n in range(count)
    ]


# Credit: penalties and the two lists (credit.services.penalties, credit.services.lists).


def penalty(enterprise, proposer, **fields):
    """A proposed penalty (a fine of 5,000 yuan unless told), waiting for a second officer."""
    from credit.services import penalties

    data = {
        "decision_number": f"穗市监罚〔2026〕{random.randint(1, 10**8)}号",
        "authority": "广州市市场监督管理局",
        "decided_on": datetime.date.today() - datetime.timedelta(days=10),
        "ground": "虚假宣传",
        "kind": "fine",
        "amount": Decimal("5000.00"),
    }
    data.update(fields)
    return penalties.record(enterprise, data, proposer)


def published_penalty(enterprise, proposer, confirmer, **fields):
    from credit.services import penalties

    item = penalty(enterprise, proposer, **fields)
    penalties.PENALTY.apply(item, "confirm", confirmer)
    return item


def abnormal_entry(enterprise, proposer, confirmer=None, **fields):
    """An abnormal-list entry, listed when a confirmer is given."""
    from credit.services import lists

    data = {
        "ground": "unreachable",
        "decision_reference": f"穗市监异〔2026〕{random.randint(1, 10**8)}号",
        "decided_on": datetime.date.today() - datetime.timedelta(days=3),
    }
    data.update(fields)
    entry = lists.propose_abnormal(enterprise, data, proposer)
    if confirmer is not None:
        lists.ABNORMAL.apply(entry, "confirm", confirmer)
    return entry


def serious_entry(enterprise, proposer, confirmer=None, **fields):
    """A serious listing resting on a serious fine, listed when a confirmer is given."""
    from credit.services import lists

    if "penalty" not in fields and "from_abnormal" not in fields:
        fields["penalty"] = published_penalty(
            enterprise, proposer, confirmer or headquarters_user(), serious=True,
            amount=Decimal("500000.00"),
        )  # fmt: skip
    data = {
        "ground": "提供虚假材料骗取登记，情节严重",
        "decision_reference": f"穗市监失〔2026〕{random.randint(1, 10**8)}号",
        "decided_on": datetime.date.today() - datetime.timedelta(days=2),
    }
    data.update(fields)
    listing = lists.propose_serious(enterprise, data, proposer)
    if confirmer is not None:
        lists.SERIOUS.apply(listing, "confirm", confirmer)
    return listing


def consumer_warning(author, **fields):
    from credit.services import warnings

    data = {
        "title": "关于预付式消费的消费警示",
        "text": "谨慎办理大额预付卡。",
        "sector": "O",
        "valid_from": datetime.date.today() - datetime.timedelta(days=1),
        "valid_until": datetime.date.today() + datetime.timedelta(days=30),
    }
    data.update(fields)
    return warnings.write(data, author)


# --- Service-quality surveys (monitoring) ---------------------------------------------


def survey_model(kind="acsi", code=None, sectors=("H", "O"), scale="1-5"):
    """An evaluation model from its kind's template (equal weights); returns version 1."""
    from monitoring.services import versions

    model = versions.create_model(
        code=code or f"m{random.randint(10**6, 10**7)}", name="测评模型", kind=kind,
        sectors=list(sectors), scale=scale,
    )  # fmt: skip
    return model.versions.get()


def survey_wave(version=None, unit=None, sectors=("H", "O"), quota=0, **fields):
    """A wave of a version (a fresh ACSI model's by default), national unless a unit is given."""
    from monitoring.services import waves

    version = version or survey_model(sectors=sectors)
    fields.setdefault("name", f"第{random.randint(1, 999)}期满意度调查")
    fields.setdefault("period_start", datetime.date(2020, 1, 1))
    fields.setdefault("period_end", datetime.date(2020, 6, 30))
    return waves.create_wave(
        version=version, reporting_unit=unit, sectors=list(sectors),
        quotas=[(s, None, quota) for s in sectors] if quota else [], **fields,
    )  # fmt: skip


def survey_responses(wave, rows):
    """Responses stored through the import's store(): rows are dicts of the checked data."""
    from monitoring.services import responses

    prepared = []
    for number, row in enumerate(rows, start=2):
        data = {"division_id": None, "enterprise_id": None, "respondent": "",
                "duration_seconds": None, "reason": "", "row": number, **row}  # fmt: skip
        prepared.append((number, data))
    return responses.store(wave, prepared)


# Post-consumption evaluations (monitoring)


def evaluation_codes(enterprise=None, size=3, **kwargs):
    """A batch of codes issued by a member of the enterprise: ``Issued(batch, codes)``."""
    from monitoring.services import evaluations

    enterprise = enterprise or EnterpriseFactory()
    member = enterprise_user()
    act_for(member, enterprise)
    return evaluations.issue_codes(enterprise, member, size, **kwargs)


def evaluation(enterprise=None, *, code=None, overall=4, comment="", address="203.0.113.7", **kw):
    """An evaluation submitted with a fresh code (or the given one) of the enterprise."""
    from monitoring.services import evaluations

    enterprise = enterprise or EnterpriseFactory()
    code = code or evaluation_codes(enterprise, size=1).codes[0]
    scores = kw.pop("aspects", None) or {key: overall for key, _label in evaluations.aspects()}
    return evaluations.submit(enterprise, code, overall, scores, comment, address, **kw)


def held_evaluation(enterprise=None, **kw):
    """An evaluation held for review: the same comment twice (the second is a duplicate)."""
    enterprise = enterprise or EnterpriseFactory()
    evaluation(enterprise, comment="一模一样的好评。")
    return evaluation(enterprise, comment="一模一样的好评。", **kw)


# Credit: double-random inspections (credit.models.inspections, credit.models.assistance)


class InspectionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "credit.InspectionItem"

    reporting_unit = factory.LazyFunction(lambda: unit("440000"))
    name = factory.Sequence(lambda n: f"服务质量承诺履行情况检查{n}")
    content = "检查服务质量承诺的公示与履行"
    legal_basis = "《优化营商环境条例》"
    method = "现场检查"
    frequency = "每年一次"
    field = "service_quality"
    kind = "general"
    max_ratio = Decimal("1")


class InspectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "credit.Inspector"

    agency = factory.LazyFunction(lambda: agency("440000"))
    name = factory.Sequence(lambda n: f"执法员{n}")
    certificate_number = factory.Sequence(lambda n: f"44{n:08d}")
    fields = factory.LazyFunction(lambda: ["service_quality"])


def inspection_plan(user, *, items=None, ratios=None, agencies=None, **fields):
    """A draft plan of the user's unit with the configured ratios (or ``ratios``: {class: r})."""
    from credit.models import ClassRatio, InspectionPlan
    from credit.services import inspections

    unit_ = user.agency.reporting_unit
    fields.setdefault("name", "2026年度服务质量双随机抽查")
    fields.setdefault("starts_on", datetime.date(2026, 3, 1))
    fields.setdefault("ends_on", datetime.date(2026, 11, 30))
    plan = InspectionPlan.objects.create(reporting_unit=unit_, created_by=user, **fields)
    plan.agencies.set(agencies or [user.agency])
    plan.items.set(items or [InspectionItemFactory(reporting_unit=unit_)])
    inspections.default_ratios(plan)
    for risk_class, value in (ratios or {}).items():
        ratio, count = (None, value) if isinstance(value, int) else (Decimal(value), None)
        ClassRatio.objects.filter(plan=plan, risk_class=risk_class).update(ratio=ratio, count=count)
    return plan


def risk_class(enterprise, value):
    from django.utils import timezone

    from credit.models import EnterpriseRiskClass

    return EnterpriseRiskClass.objects.update_or_create(
        enterprise=enterprise,
        defaults={"risk_class": value, "computed_at": timezone.now()},
    )[0]


class InspectorConflictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "credit.InspectorConflict"

    inspector = factory.SubFactory(InspectorFactory)
    enterprise = factory.SubFactory(EnterpriseFactory)
    reason = "近亲属在该企业任职"
    recorded_by = factory.LazyFunction(lambda: provincial_user("440000"))
