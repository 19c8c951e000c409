"""Makers of credit and supervision: risk classes, inspections, assistance, lists, warnings."""

import datetime

from tests import factories

from . import enterprise, maker, staff
from .portal import _agency, _division, _unit


@maker("credit.EnterpriseRiskClass")
def _enterprise_risk_class(unit_code):
    from django.utils import timezone

    from credit.models import EnterpriseRiskClass

    return EnterpriseRiskClass.objects.create(
        enterprise=enterprise(unit_code), risk_class="C", score=61, computed_at=timezone.now()
    )


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
