"""Handling: acceptance, refusal on a statutory ground, mediation with suspension, closing."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from complaints.models import Complaint, Ground
from complaints.services import handling
from portal import workdays
from portal.workflow import TransitionRefused
from tests.factories import complaint

pytestmark = pytest.mark.django_db
Status = Complaint.Status
WORKFLOW = handling.COMPLAINT


def test_a_province_accepts_its_complaint_and_mediation_becomes_due(province_user):
    filed = complaint()
    WORKFLOW.apply(filed, "accept", province_user)
    filed.refresh_from_db()
    assert filed.status == Status.ACCEPTED
    assert filed.accepted_on == timezone.localdate()
    assert filed.mediation_due == workdays.add_working_days(filed.accepted_on, 45)
    assert filed.history.get().action == "accept"


def test_another_province_cannot_touch_it(other_province_user):
    filed = complaint()
    with pytest.raises(TransitionRefused) as refused:
        WORKFLOW.apply(filed, "accept", other_province_user)
    assert refused.value.code == "scope"


def test_closing_before_a_decision_is_refused(province_user):
    filed = complaint()
    with pytest.raises(TransitionRefused) as refused:
        WORKFLOW.apply(filed, "close", province_user)
    assert refused.value.code == "state"


def test_refusal_needs_a_ground_of_the_complaints_own_rule_set(province_user):
    filed = complaint()  # received today: Order No. 121
    other_rules = Ground.objects.get(rule_set__code="order-20", kind="refusal", code="time_barred")
    with pytest.raises(ValidationError):
        handling.decide_on_ground(filed, "refuse", province_user, other_rules)
    ending = Ground.objects.get(rule_set=filed.rule_set, kind="mediation_end", code="refused")
    with pytest.raises(ValidationError):
        handling.decide_on_ground(filed, "refuse", province_user, ending)
    ground = Ground.objects.get(rule_set=filed.rule_set, kind="refusal", code="false_materials")
    handling.decide_on_ground(filed, "refuse", province_user, ground, "发票系伪造")
    filed.refresh_from_db()
    assert (filed.status, filed.ground) == (Status.NOT_ACCEPTED, ground)
    assert filed.history.get().reason == "提供虚假材料（发票系伪造）"


def test_order_121_adds_refusal_grounds_that_order_20_lacks():
    codes = {
        rules: set(
            Ground.objects.filter(rule_set__code=rules, kind="refusal").values_list(
                "code", flat=True
            )
        )
        for rules in ("order-20", "order-121")
    }
    assert codes["order-121"] - codes["order-20"] == {
        "impersonation",
        "identity_refused",
        "false_materials",
    }


def test_time_suspended_for_testing_does_not_count_against_mediation(province_user):
    filed = complaint()
    WORKFLOW.apply(filed, "accept", province_user)
    WORKFLOW.apply(filed, "mediate", province_user)
    due = filed.mediation_due
    monday = datetime.date(2026, 11, 23)
    Complaint.objects.filter(pk=filed.pk).update(suspended_on=monday)
    WORKFLOW.apply(filed, "suspend", province_user, reason="送检")
    Complaint.objects.filter(pk=filed.pk).update(suspended_on=monday)
    WORKFLOW.apply(filed, "resume", province_user)
    filed.refresh_from_db()
    paused = workdays.working_days_between(monday, timezone.localdate())
    assert filed.suspended_days == paused > 0
    assert filed.mediation_due == workdays.add_working_days(filed.accepted_on, 45 + paused)
    assert filed.mediation_due > due


def test_a_closed_complaint_reopens_only_within_the_window(province_user):
    filed = complaint()
    WORKFLOW.apply(filed, "accept", province_user)
    WORKFLOW.apply(filed, "mediate", province_user)
    WORKFLOW.apply(filed, "settle", province_user)
    WORKFLOW.apply(filed, "close", province_user)
    window = filed.rule_set.reopen_days
    Complaint.objects.filter(pk=filed.pk).update(
        closed_on=timezone.localdate() - datetime.timedelta(days=window + 1)
    )
    with pytest.raises(TransitionRefused) as refused:
        WORKFLOW.apply(filed, "reopen", province_user, reason="消费者反映未履行")
    assert refused.value.code == "window"
    Complaint.objects.filter(pk=filed.pk).update(
        closed_on=timezone.localdate() - datetime.timedelta(days=window)
    )
    WORKFLOW.apply(filed, "reopen", province_user, reason="消费者反映未履行")
    assert filed.status == Status.ACCEPTED


def test_a_report_is_verified_not_mediated(province_user):
    report = complaint(kind=Complaint.Kind.REPORT)
    with pytest.raises(TransitionRefused):
        WORKFLOW.apply(report, "accept", province_user)
    WORKFLOW.apply(report, "open_case", province_user)
    assert report.status == Status.CASE_OPENED
