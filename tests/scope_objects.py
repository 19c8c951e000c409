"""How to make one object of each project model inside a given reporting unit.

The route matrix and the audit tests use this registry: every model of the
project's apps must have a maker here, so a new model cannot slip past them.
A maker takes the reporting unit code ("440000" Guangdong, "330000" Zhejiang).
"""

import datetime
import itertools
from decimal import Decimal

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
    kwargs.setdefault("name", f"标记企业{unit_code}-{next(_numbers)}号")
    return factories.EnterpriseFactory(division_code=DIVISION_OF_UNIT[unit_code], **kwargs)


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


@maker("portal.SentForm")
def _sent_form(unit_code):
    """Headquarters-only: a spent one-time form token (portal.once); no unit."""
    import uuid

    from portal.models import SentForm

    return SentForm.objects.create(key=uuid.uuid4(), result="/")


@maker("portal.Job")
def _job(unit_code):
    return jobs.start("enterprise_export", "测试任务", owner=staff(unit_code))


@maker("portal.HolidayCalendar")
def _holiday_calendar(unit_code):
    """Headquarters-only reference data: the unit does not matter; one per year."""
    return factories.HolidayCalendarFactory(changed_by=staff(unit_code))


@maker("enterprises.Enterprise")
def _enterprise(unit_code):
    return enterprise(unit_code)


@maker("enterprises.EnterpriseMembership")
def _membership(unit_code):
    return factories.MembershipFactory(enterprise=enterprise(unit_code))


@maker("enterprises.ClaimStatusChange")
def _claim_status_change(unit_code):
    return factories.ClaimStatusChangeFactory(membership=_membership(unit_code))


def scope_of_model_is_reference(model):
    """Reference data (everyone may read it) is loaded by migrations, not written by people."""
    from portal.scoping import scope_of

    return scope_of(model).everyone


@maker("enterprises.Pledge")
def _pledge(unit_code):
    return _pledge_revision(unit_code).pledge


@maker("enterprises.PledgeRevision")
def _pledge_revision(unit_code):
    return factories.PledgeRevisionFactory(pledge__enterprise=enterprise(unit_code))


@maker("enterprises.PledgeStatusChange")
def _pledge_status_change(unit_code):
    return factories.PledgeStatusChangeFactory(pledge=_pledge(unit_code))


@maker("enterprises.Recognition")
def _recognition(unit_code):
    return factories.RecognitionFactory(
        enterprise=enterprise(unit_code), recognised_by=staff(unit_code)
    )


@maker("enterprises.Certificate")
def _certificate(unit_code):
    return factories.CertificateFactory(enterprise=enterprise(unit_code))


@maker("enterprises.CertificateStatusChange")
def _certificate_status_change(unit_code):
    return factories.CertificateStatusChangeFactory(certificate=_certificate(unit_code))


@maker("enterprises.CertificateReminder")
def _certificate_reminder(unit_code):
    return factories.CertificateReminderFactory(certificate=_certificate(unit_code))


@maker("enterprises.StandardDeclaration")
def _declaration(unit_code):
    return factories.DeclarationFactory(enterprise=enterprise(unit_code))


@maker("enterprises.FrontRunnerChange")
def _front_runner_change(unit_code):
    return factories.FrontRunnerChangeFactory(declaration=_declaration(unit_code))


@maker("enterprises.StandardIndicator")
def _indicator(unit_code):
    return factories.IndicatorFactory(declaration=_declaration(unit_code))


@maker("portal.Draw")
def _portal_draw(unit_code):
    from portal import draws

    purpose = f"test:{unit_code}:{draws.new_seed()}"
    return draws.draw(purpose, "7", ["1", "2", "3"], 1, user=staff(unit_code))


@maker("enterprises.SamplingDraw")
def _draw(unit_code):
    return factories.SamplingDrawFactory(
        reporting_unit=factories.unit(unit_code),
        draw=_portal_draw(unit_code),
        drawn_by=staff(unit_code),
    )


@maker("enterprises.SampledDeclaration")
def _sampled(unit_code):
    return factories.SampledDeclarationFactory(
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
    return factories.MilestoneActionFactory(
        milestone=_milestone(unit_code), reporting_unit=factories.unit(unit_code)
    )


@maker("reporting.NationalSummary")
def _summary(unit_code):
    return factories.NationalSummaryFactory(round=_round())


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
    return factories.ReportStatusChangeFactory(report=_report(unit_code))


@maker("reporting.Measure")
def _measure(unit_code):
    return factories.MeasureFactory(reporting_unit=factories.unit(unit_code))


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
    from tests.factories import complaint

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

    return OdrEnterprise.objects.create(
        enterprise=enterprise(unit_code), since=datetime.date(2025, 1, 1)
    )


@maker("complaints.MediationBody")
def _mediation_body(unit_code):
    from complaints.services import mediation

    name = f"标记调解委员会{unit_code}-{next(_numbers)}号"
    return mediation.register_body(staff(unit_code), name=name, kind="peoples")


@maker("complaints.MediationReferral")
def _mediation_referral(unit_code):
    from complaints.services import handling, mediation

    officer = staff(unit_code)
    complaint = _complaint(unit_code)
    for action in ("accept", "mediate"):
        handling.COMPLAINT.apply(complaint, action, officer)
    return mediation.refer(complaint, officer, _mediation_body(unit_code))


@maker("complaints.CompensationCommitment")
def _compensation_commitment(unit_code):
    from complaints.services import compensation

    user = factories.enterprise_user()
    operator = factories.act_for(user, enterprise(unit_code))
    return compensation.commit(user, operator, kind="platform", terms="先行赔付")


@maker("complaints.CompensationCase")
def _compensation_case(unit_code):
    from complaints.services import compensation

    terms = _compensation_commitment(unit_code)
    user = terms.enterprise.memberships.get().user
    return compensation.record_case(
        user, terms, seller_name="标记商户", paid_amount=Decimal("10"), paid_on=terms.since
    )


@maker("complaints.TrustworthyCandidate")
def _trustworthy_candidate(unit_code):
    from complaints.services import trustworthy

    user = factories.enterprise_user()
    operator = factories.act_for(user, enterprise(unit_code))
    return trustworthy.apply(user, operator, kind="unit", name=operator.name, commitments="承诺")


@maker("complaints.TrustworthyStatusChange")
def _trustworthy_status_change(unit_code):
    from complaints.services import trustworthy

    candidate = _trustworthy_candidate(unit_code)
    return trustworthy.TRUSTWORTHY.apply(candidate, "recognise", staff(unit_code))


@maker("complaints.AfterSalesRecord")
def _after_sales_record(unit_code):
    from complaints.services import after_sales

    return after_sales.record(
        staff(unit_code), enterprise(unit_code), kind="recall", title="标记召回",
        details="召回批次", starts_on=datetime.date(2026, 1, 5), quantity=120,
    )  # fmt: skip


@maker("complaints.ComplaintTransfer")
def _complaint_transfer(unit_code):
    """A complaint of the other demo province, sent to this unit."""
    from complaints.services import transfers

    other = "330000" if unit_code != "330000" else "440000"
    filed = _complaint(other)
    return transfers.send(
        filed,
        staff(other),
        AdminDivision.objects.get(code=DIVISION_OF_UNIT[unit_code]),
        "经营地在此",
    )


@maker("complaints.ComplaintTransferChange")
def _complaint_transfer_change(unit_code):
    from complaints.services import transfers

    sent = _complaint_transfer(unit_code)
    return transfers.TRANSFER.apply(sent, "refuse_transfer", staff(unit_code), reason="非本辖区")


@maker("complaints.ComplaintReminder")
def _complaint_reminder(unit_code):
    from complaints.models import ComplaintReminder

    filed = _complaint(unit_code)
    return ComplaintReminder.objects.create(
        complaint=filed, kind="due_soon", due=filed.decision_due
    )


@maker("complaints.VerificationExtension")
def _verification_extension(unit_code):
    from complaints.models import Complaint
    from complaints.services import extensions
    from tests.factories import complaint

    operator = enterprise(unit_code)
    report = complaint(
        kind=Complaint.Kind.REPORT,
        operator=operator,
        operator_name=operator.name,
        complainant_phone=f"139{next(_numbers):08d}",
    )
    return extensions.request(report, staff(unit_code), 5, "需调取监控记录")


@maker("complaints.VerificationExtensionChange")
def _verification_extension_change(unit_code):
    from complaints.services import extensions

    asked = _verification_extension(unit_code)
    return extensions.EXTENSION.apply(asked, "approve", staff(unit_code))


@maker("complaints.Publication")
def _publication(unit_code):
    from complaints.services import publicity

    _complaint(unit_code)
    year = datetime.date.today().year
    publication = publicity.draft(ReportingUnit.objects.get(code=unit_code), year - 1, 4)
    return publicity.build(publication)


@maker("complaints.PublicationRow")
def _publication_row(unit_code):
    from complaints.models import PublicationRow

    return PublicationRow.objects.create(
        publication=_publication(unit_code),
        position=99,
        operator_name=f"标记企业{unit_code}-{next(_numbers)}号",
        received=5,
        accepted=4,
        resolved=3,
    )


@maker("complaints.PublicationAction")
def _publication_action(unit_code):
    from complaints.services import publicity

    return publicity.add_action(
        _publication(unit_code),
        staff(unit_code),
        operator_name=f"标记企业{unit_code}-{next(_numbers)}号",
        kind="interview",
        description="约谈负责人",
        taken_on=datetime.date.today(),
    )


@maker("complaints.AnonymisationLog")
def _anonymisation_log(unit_code):
    """Headquarters-only: the log of a complaint of the unit anonymised."""
    from complaints.models import AnonymisationLog

    filed = _complaint(unit_code)
    return AnonymisationLog.objects.create(
        rule="test", closed_before=datetime.date.today(), complaints=1, complaint_ids=[filed.pk]
    )


@maker("credit.EnterpriseRiskClass")
def _enterprise_risk_class(unit_code):
    from django.utils import timezone

    from credit.models import EnterpriseRiskClass

    return EnterpriseRiskClass.objects.create(
        enterprise=enterprise(unit_code), risk_class="C", score=61, computed_at=timezone.now()
    )


@maker("monitoring.EvaluationCodeBatch")
def _evaluation_code_batch(unit_code):
    return factories.evaluation_codes(enterprise(unit_code), size=2).batch


@maker("monitoring.EvaluationCode")
def _evaluation_code(unit_code):
    return _evaluation_code_batch(unit_code).codes.first()


@maker("monitoring.Evaluation")
def _evaluation(unit_code):
    """A released evaluation of a marker enterprise (public, so shown on public pages)."""
    return factories.evaluation(enterprise(unit_code), comment=f"标记评价{unit_code}")


@maker("monitoring.EvaluationStatusChange")
def _evaluation_status_change(unit_code):
    from monitoring.services import evaluations

    held = factories.held_evaluation(enterprise(unit_code))
    return evaluations.EVALUATION.apply(held, "release", staff(unit_code), reason="核实无误")


@maker("monitoring.EvaluationReply")
def _evaluation_reply(unit_code):
    from monitoring.models import EvaluationReply

    released = _evaluation(unit_code)
    author = factories.enterprise_user()
    factories.act_for(author, released.enterprise)
    return EvaluationReply.objects.create(evaluation=released, author=author, text="感谢评价。")


# Credit: double-random inspections and assistance between units.


def _inspector(unit_code, **fields):
    return factories.InspectorFactory(agency=_agency(unit_code), **fields)


@maker("credit.InspectionItem")
def _inspection_item(unit_code):
    return factories.InspectionItemFactory(reporting_unit=_unit(unit_code))


@maker("credit.Inspector")
def _inspector_maker(unit_code):
    return _inspector(unit_code)


@maker("credit.InspectorConflict")
def _inspector_conflict(unit_code):
    return factories.InspectorConflictFactory(
        inspector=_inspector(unit_code),
        enterprise=enterprise(unit_code),
        recorded_by=staff(unit_code),
    )


@maker("credit.InspectionPlan")
def _inspection_plan(unit_code):
    """A draft plan: not public yet."""
    return factories.inspection_plan(staff(unit_code))


def _drawn_plan(unit_code):
    from credit.services import inspections

    user = staff(unit_code)
    factories.risk_class(enterprise(unit_code), "D")
    _inspector(unit_code)
    _inspector(unit_code)
    plan = factories.inspection_plan(user, ratios={"D": "1", "A": "0", "B": "0", "C": "0"})
    plan.divisions.set([_division(unit_code)])
    inspections.publish(plan, user)
    inspections.draw(plan, user)
    return plan


@maker("credit.ClassRatio")
def _class_ratio(unit_code):
    return _inspection_plan(unit_code).ratios.first()


@maker("credit.PlanStatusChange")
def _plan_status_change(unit_code):
    from credit.models import PlanStatusChange

    return PlanStatusChange.objects.filter(plan=_drawn_plan(unit_code)).first()


@maker("credit.PlanDraw")
def _plan_draw(unit_code):
    return _drawn_plan(unit_code).draws.get(risk_class="D")


@maker("credit.Inspection")
def _inspection(unit_code):
    return _drawn_plan(unit_code).inspections.first()  # earlier D-class markers are drawn too


@maker("credit.InspectionAssignment")
def _inspection_assignment(unit_code):
    return _inspection(unit_code).team.first()


@maker("credit.ResultReminder")
def _result_reminder(unit_code):
    from credit.models import ResultReminder

    return ResultReminder.objects.create(
        inspection=_inspection(unit_code), kind="due_soon", due=datetime.date(2026, 12, 1)
    )


@maker("credit.OperatingSite")
def _operating_site(unit_code):
    from credit.models import OperatingSite

    return OperatingSite.objects.create(
        enterprise=enterprise(unit_code),
        reporting_unit=_unit(unit_code),
        address="分店地址",
        recorded_by=staff(unit_code),
    )


@maker("credit.AssistanceRequest")
def _assistance_request(unit_code):
    from credit.models import AssistanceRequest

    return AssistanceRequest.objects.create(
        enterprise=enterprise(unit_code),
        from_unit=_unit(unit_code),
        to_unit=_unit(unit_code),
        subject="协查请求",
        request="请协助核查经营地址",
        due=datetime.date(2026, 12, 31),
        requested_by=staff(unit_code),
    )


@maker("credit.AssistanceStatusChange")
def _assistance_status_change(unit_code):
    from credit.models import AssistanceStatusChange

    return AssistanceStatusChange.objects.create(
        request=_assistance_request(unit_code), action="answer", to_status="answered"
    )


@maker("credit.AssistanceMessage")
def _assistance_message(unit_code):
    from credit.models import AssistanceMessage

    return AssistanceMessage.objects.create(
        request=_assistance_request(unit_code),
        unit=_unit(unit_code),
        text="已核查",
        author=staff(unit_code),
    )


@maker("credit.ProblemNotice")
def _problem_notice(unit_code):
    from credit.models import ProblemNotice

    return ProblemNotice.objects.create(
        enterprise=enterprise(unit_code),
        from_unit=_unit(unit_code),
        kind="penalty",
        summary="重大行政处罚",
        shared_by=staff(unit_code),
    )


@maker("credit.ProblemReceipt")
def _problem_receipt(unit_code):
    from credit.models import ProblemReceipt

    return ProblemReceipt.objects.create(notice=_problem_notice(unit_code), unit=_unit(unit_code))


def make_model(label, unit_code):
    """An object of the model named by its label, in the unit."""
    return MAKERS[label](unit_code)


def _scoring_model():
    return factories.scoring_model(
        b_from=-5, c_from=10, d_from=20, valid_certification=(-10, 1, None),
        complaint_rate=(10, 1, None),
    )  # fmt: skip


@maker("credit.ScoringModel")
def _credit_scoring_model(unit_code):
    """Headquarters-only configuration."""
    return _scoring_model()


@maker("credit.ScoringIndicator")
def _credit_scoring_indicator(unit_code):
    return _scoring_model().indicators.first()


@maker("credit.RiskRun")
def _credit_risk_run(unit_code):
    from credit.models import RiskRun

    return RiskRun.objects.create(
        scoring_model=_scoring_model(), reporting_unit=_unit(unit_code), as_of=datetime.date.today()
    )


@maker("credit.RiskOverride")
def _credit_risk_override(unit_code):
    from credit.services import risk

    return risk.override_class(
        _enterprise_risk_class(unit_code), risk_class="D", reason="多次投诉未整改",
        expires_on=datetime.date.today() + datetime.timedelta(days=30), user=staff(unit_code),
    )  # fmt: skip


@maker("credit.RiskClassHistory")
def _credit_risk_class_history(unit_code):
    from django.utils import timezone

    from credit.models import RiskClassHistory

    return RiskClassHistory.objects.create(
        enterprise=enterprise(unit_code), source="imported", risk_class="E",
        computed_at=timezone.now(), note="2019",
    )  # fmt: skip


def _credit_officers(unit_code):
    return staff(unit_code), staff(unit_code)


@maker("credit.Penalty")
def _penalty(unit_code):
    proposer, confirmer = _credit_officers(unit_code)
    return factories.published_penalty(enterprise(unit_code), proposer, confirmer)


@maker("credit.PenaltyStatusChange")
def _penalty_status_change(unit_code):
    return _penalty(unit_code).history.get()


@maker("credit.AbnormalListing")
def _abnormal_listing(unit_code):
    proposer, confirmer = _credit_officers(unit_code)
    return factories.abnormal_entry(enterprise(unit_code), proposer, confirmer)


@maker("credit.AbnormalListingStatusChange")
def _abnormal_listing_status_change(unit_code):
    return _abnormal_listing(unit_code).history.get()


@maker("credit.SeriousListing")
def _serious_listing(unit_code):
    proposer, confirmer = _credit_officers(unit_code)
    return factories.serious_entry(enterprise(unit_code), proposer, confirmer)


@maker("credit.SeriousListingStatusChange")
def _serious_listing_status_change(unit_code):
    return _serious_listing(unit_code).history.get()


@maker("credit.ConsumerWarning")
def _consumer_warning(unit_code):
    return factories.consumer_warning(staff(unit_code), title=f"标记警示{unit_code}")


@maker("credit.ConsumerWarningStatusChange")
def _consumer_warning_status_change(unit_code):
    from credit.services import warnings

    item = _consumer_warning(unit_code)
    return warnings.WARNING.apply(item, "publish", staff(unit_code))


def _survey_wave(unit_code):
    return factories.survey_wave(unit=ReportingUnit.objects.get(code=unit_code))


for _label, _path in [
    ("monitoring.EvaluationModel", lambda w: w.version.model),
    ("monitoring.ModelVersion", lambda w: w.version),
    ("monitoring.Dimension", lambda w: w.version.dimensions.first()),
    ("monitoring.Indicator", lambda w: w.version.dimensions.first().indicators.first()),
    ("monitoring.Item", lambda w: w.version.dimensions.first().indicators.first().items.first()),
    ("monitoring.Wave", lambda w: w),
]:
    MAKERS[_label] = lambda unit_code, path=_path: path(_survey_wave(unit_code))


@maker("monitoring.Quota")
def _survey_quota(unit_code):
    from monitoring.models import Quota

    return Quota.objects.create(wave=_survey_wave(unit_code), sector="H", target=10)


def _survey_answered(unit_code):
    wave = _survey_wave(unit_code)
    unit = ReportingUnit.objects.get(code=unit_code)
    answers = {f"q{i}": 4 for i in range(1, 8)}
    factories.survey_responses(wave, [{"reporting_unit_id": unit.pk, "sector": "H",
                                       "answers": answers}] * 2)  # fmt: skip
    return wave


@maker("monitoring.Response")
def _survey_response(unit_code):
    return _survey_answered(unit_code).responses.first()


@maker("monitoring.IndexResult")
def _survey_index_result(unit_code):
    from monitoring.services.indices import compute

    wave = _survey_answered(unit_code)
    compute(wave)
    return wave.results.get(level="unit", component="index")


@maker("monitoring.Computation")
def _survey_computation(unit_code):
    from monitoring.services.indices import compute

    wave = _survey_answered(unit_code)
    compute(wave)
    return wave.computation


def _survey_links(unit_code):
    from monitoring.services import survey_links

    return survey_links.issue_links(_survey_wave(unit_code), staff(unit_code), sector="H", size=1)


@maker("monitoring.SurveyLinkBatch")
def _survey_link_batch(unit_code):
    return _survey_links(unit_code).batch


@maker("monitoring.SurveyLink")
def _survey_link(unit_code):
    return _survey_links(unit_code).batch.links.get()


def survey_link_token(unit_code):
    """The token of a fresh questionnaire link of the unit (only its hash is stored)."""
    return _survey_links(unit_code).tokens[0]
