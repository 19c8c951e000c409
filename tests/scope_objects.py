"""How to make one object of each project model inside a given reporting unit.

The route matrix and the audit tests use this registry: every model of the
project's apps must have a maker here, so a new model cannot slip past them.
A maker takes the reporting unit code ("440000" Guangdong, "330000" Zhejiang).
"""

import itertools

from portal import jobs
from portal.models import AdminDivision, Agency, AuditEntry, ReportingUnit
from tests import factories

DIVISION_OF_UNIT = {"440000": "440106", "330000": "330106", "440300": "440305"}

MAKERS = {}
_numbers = itertools.count(1)


def maker(label):
    def register(function):
        MAKERS[label] = function
        return function

    return register


def make(model, unit_code):
    """An object of the model in the unit; KeyError names a model nobody registered."""
    return MAKERS[model._meta.label](unit_code)


def enterprise(unit_code, **kwargs):
    """An enterprise named "标记企业<unit>-<n>号", so a page that shows it can be caught."""
    from tests.enterprises.factories import EnterpriseFactory

    kwargs.setdefault("name", f"标记企业{unit_code}-{next(_numbers)}号")
    return EnterpriseFactory(division_code=DIVISION_OF_UNIT[unit_code], **kwargs)


def staff(unit_code):
    return factories.provincial_user(unit_code)


@maker("portal.ReportingUnit")
def _unit(unit_code):
    return ReportingUnit.objects.get(code=unit_code)


@maker("portal.AdminDivision")
def _division(unit_code):
    return AdminDivision.objects.get(code=DIVISION_OF_UNIT[unit_code])


@maker("portal.Agency")
def _agency(unit_code):
    return Agency.objects.get(reporting_unit__code=unit_code, kind="market")


@maker("portal.User")
def _user(unit_code):
    return staff(unit_code)


@maker("portal.AuditEntry")
def _audit_entry(unit_code):
    from portal.audit import acting_as

    with acting_as(staff(unit_code), source="web"):
        enterprise(unit_code)
    return AuditEntry.objects.latest("id")


@maker("portal.LoginThrottle")
def _login_throttle(unit_code):
    """Headquarters-only: a locked username of the unit's staff."""
    from portal import lockout

    user = staff(unit_code)
    for _attempt in range(5):
        lockout.record_failure(user.username, "192.0.2.1")
    return lockout.LoginThrottle.objects.get(kind="account", key=user.username.lower())


@maker("portal.ApiToken")
def _api_token(unit_code):
    from portal import api_tokens

    return api_tokens.issue(staff(unit_code), "test", days=30)[0]


@maker("portal.Job")
def _job(unit_code):
    return jobs.start("test", "测试任务", owner=staff(unit_code))


@maker("portal.HolidayCalendar")
def _holiday_calendar(unit_code):
    """Headquarters-only reference data: the unit does not matter; one per year."""
    from portal.holidays import HolidayCalendar

    year = 2030 + HolidayCalendar.objects.count()
    return HolidayCalendar.objects.create(
        year=year, entries=[[f"{year}-01-01", "holiday", "元旦"]], changed_by=staff(unit_code)
    )


@maker("enterprises.Enterprise")
def _enterprise(unit_code):
    return enterprise(unit_code)


@maker("enterprises.EnterpriseMembership")
def _membership(unit_code):
    from tests.enterprises.factories import MembershipFactory

    return MembershipFactory(enterprise=enterprise(unit_code))


@maker("enterprises.ClaimStatusChange")
def _claim_status_change(unit_code):
    from enterprises.models import ClaimStatusChange

    return ClaimStatusChange.objects.create(
        membership=_membership(unit_code),
        action="approve",
        from_status="pending",
        to_status="approved",
    )


def scope_of_model_is_reference(model):
    """Reference data (everyone may read it) is loaded by migrations, not written by people."""
    from portal.scoping import scope_of

    return scope_of(model).everyone


def _day(text):
    import datetime

    return datetime.date.fromisoformat(text)


@maker("enterprises.Pledge")
def _pledge(unit_code):
    return _pledge_revision(unit_code).pledge


@maker("enterprises.PledgeRevision")
def _pledge_revision(unit_code):
    from enterprises.models import Pledge, PledgeRevision

    pledge = Pledge.objects.create(enterprise=enterprise(unit_code))
    return PledgeRevision.objects.create(
        pledge=pledge,
        number=1,
        services="中餐堂食、外卖",
        standards="GB/T 28843",
        response_hours=24,
        completion_days=7,
        pricing="明码标价",
        after_sales="不满意可退换",
        complaint_channel="店内意见簿",
        period_start=_day("2019-06-01"),
        period_end=_day("2020-05-31"),
    )


@maker("enterprises.PledgeStatusChange")
def _pledge_status_change(unit_code):
    from enterprises.models import PledgeStatusChange

    return PledgeStatusChange.objects.create(
        pledge=_pledge(unit_code), action="submit", from_status="draft", to_status="submitted"
    )


@maker("enterprises.Recognition")
def _recognition(unit_code):
    from enterprises.models import Recognition

    return Recognition.objects.create(
        enterprise=enterprise(unit_code), reason="投诉量下降一半", recognised_by=staff(unit_code)
    )


@maker("enterprises.Certificate")
def _certificate(unit_code):
    from enterprises.models import Certificate

    return Certificate.objects.create(
        enterprise=enterprise(unit_code),
        number=f"CQC-2019-{next(_numbers):04d}",
        certification_body="中国质量认证中心",
        service="餐饮服务",
        scope_text="中餐服务",
        issued_on=_day("2019-01-10"),
        expires_on=_day("2022-01-09"),
    )


@maker("enterprises.CertificateStatusChange")
def _certificate_status_change(unit_code):
    from enterprises.models import CertificateStatusChange

    return CertificateStatusChange.objects.create(
        certificate=_certificate(unit_code),
        action="suspend",
        from_status="valid",
        to_status="suspended",
    )


@maker("enterprises.CertificateReminder")
def _certificate_reminder(unit_code):
    from enterprises.models import CertificateReminder

    return CertificateReminder.objects.create(
        certificate=_certificate(unit_code), kind="60", for_date=_day("2021-11-10")
    )


@maker("enterprises.StandardDeclaration")
def _declaration(unit_code):
    from enterprises.models import StandardDeclaration

    return StandardDeclaration.objects.create(
        enterprise=enterprise(unit_code),
        standard_number="Q/HM 001-2019",
        standard_name="餐饮服务规范",
        standard_type="enterprise",
        is_own_standard=True,
    )


@maker("enterprises.FrontRunnerChange")
def _front_runner_change(unit_code):
    from enterprises.models import FrontRunnerChange

    return FrontRunnerChange.objects.create(
        declaration=_declaration(unit_code),
        action="confirm",
        from_status="candidate",
        to_status="confirmed",
    )


@maker("enterprises.StandardIndicator")
def _indicator(unit_code):
    from enterprises.models import StandardIndicator

    return StandardIndicator.objects.create(
        declaration=_declaration(unit_code),
        name="上菜时间",
        unit="分钟",
        declared_value=15,
        benchmark_value=20,
        higher_is_better=False,
    )


@maker("portal.Draw")
def _portal_draw(unit_code):
    from portal import draws

    purpose = f"test:{unit_code}:{draws.new_seed()}"
    return draws.draw(purpose, "7", ["1", "2", "3"], 1, user=staff(unit_code))


@maker("enterprises.SamplingDraw")
def _draw(unit_code):
    from enterprises.models import SamplingDraw

    return SamplingDraw.objects.create(
        reporting_unit=ReportingUnit.objects.get(code=unit_code),
        count=1,
        draw=_portal_draw(unit_code),
        population=1,
        drawn_by=staff(unit_code),
    )


@maker("enterprises.SampledDeclaration")
def _sampled(unit_code):
    from enterprises.models import SampledDeclaration

    return SampledDeclaration.objects.create(
        draw=_draw(unit_code), declaration=_declaration(unit_code)
    )


def _round():
    from reporting.models import Round

    return Round.objects.order_by("due_date").first()


@maker("reporting.Round")
def _reporting_round(unit_code):
    return _round()


@maker("reporting.Milestone")
def _milestone(unit_code):
    return _round().milestones.first()


@maker("reporting.MilestoneAction")
def _milestone_action(unit_code):
    from reporting.models import MilestoneAction

    return MilestoneAction.objects.create(
        milestone=_milestone(unit_code),
        reporting_unit=ReportingUnit.objects.get(code=unit_code),
        outcome=MilestoneAction.Outcome.values[0],
    )


@maker("reporting.NationalSummary")
def _summary(unit_code):
    from reporting.models import NationalSummary

    return NationalSummary.objects.create(round=_round())


@maker("reporting.ProgressReport")
def _report(unit_code):
    from reporting.models import ProgressReport

    report, _created = ProgressReport.objects.get_or_create(
        round=_round(), reporting_unit=ReportingUnit.objects.get(code=unit_code)
    )
    return report


@maker("reporting.ReportVersion")
def _version(unit_code):
    from django.utils import timezone

    from reporting.services.reports import freeze

    return freeze(_report(unit_code), staff(unit_code), timezone.now())


@maker("reporting.ReportStatusChange")
def _report_status_change(unit_code):
    from reporting.models import ReportStatusChange

    return ReportStatusChange.objects.create(
        report=_report(unit_code), action="review", from_status="draft", to_status="reviewed"
    )


@maker("reporting.Measure")
def _measure(unit_code):
    from reporting.models import Measure

    return Measure.objects.create(
        reporting_unit=ReportingUnit.objects.get(code=unit_code),
        task=9,
        kind=Measure.Kind.values[0],
        name="家政服务员技能培训",
        people_trained=1200,
        started_on=_day("2019-03-01"),
    )


@maker("reporting.Attachment")
def _attachment(unit_code):
    from django.core.files.base import ContentFile

    from reporting.models import Attachment

    attachment = Attachment(report=_report(unit_code), name="附件.pdf", content_kind="pdf", size=8)
    attachment.file.save("attachment.pdf", ContentFile(b"%PDF-1.4"), save=False)
    attachment.save()
    return attachment


@maker("complaints.RuleSet")
def _rule_set(unit_code):
    from complaints.models import RuleSet

    return RuleSet.objects.get(code="order-121")


@maker("complaints.Ground")
def _ground(unit_code):
    return _rule_set(unit_code).grounds.first()


@maker("complaints.Complaint")
def _complaint(unit_code):
    """A complaint about an enterprise of the unit, named so that a page showing it is caught."""
    from tests.complaints.factories import complaint

    operator = enterprise(unit_code)
    return complaint(
        operator=operator,
        operator_name=operator.name,
        complainant_phone=f"139{next(_numbers):08d}",
    )


@maker("complaints.ComplaintStatusChange")
def _complaint_status_change(unit_code):
    from complaints.services import handling

    filed = _complaint(unit_code)
    return handling.COMPLAINT.apply(filed, "accept", staff(unit_code))


@maker("complaints.ComplaintAttachment")
def _complaint_attachment(unit_code):
    from django.core.files.base import ContentFile

    from complaints.models import ComplaintAttachment

    attached = ComplaintAttachment(
        complaint=_complaint(unit_code), name="发票.pdf", content_kind="pdf", size=8
    )
    attached.file.save("evidence.pdf", ContentFile(b"%PDF-1.4"), save=False)
    attached.save()
    return attached


@maker("complaints.ComplaintReply")
def _complaint_reply(unit_code):
    from complaints.models import ComplaintReply

    return ComplaintReply.objects.create(
        complaint=_complaint(unit_code), author=staff(unit_code), text="请于三日内答复。"
    )


@maker("complaints.RoutingRule")
def _routing_rule(unit_code):
    from complaints.models import RoutingRule

    return RoutingRule.objects.create(
        owner=ReportingUnit.objects.get(code=unit_code),
        description=f"标记规则{unit_code}",
        division_prefix=DIVISION_OF_UNIT[unit_code][:4],
        target_division=AdminDivision.objects.get(code=DIVISION_OF_UNIT[unit_code]),
    )


@maker("complaints.OdrEnterprise")
def _odr_enterprise(unit_code):
    from complaints.models import OdrEnterprise

    return OdrEnterprise.objects.create(enterprise=enterprise(unit_code), since=_day("2025-01-01"))


def make_model(label, unit_code):
    """An object of the model named by its label, in the unit."""
    return MAKERS[label](unit_code)
