"""Every declared transition, taken for real by each of its roles.

Each workflow's object comes from the scope makers, is put in each source state,
and the transition is applied by a user of each declared role in the object's
jurisdiction: the status must change, one log row must be written, and a person's
change must leave its audit entry.
"""

import datetime

import pytest
from django.utils import timezone

from credit.services import inspections
from portal.access import ENTERPRISE, HEADQUARTERS
from portal.audit import history_for
from portal.scoping import scope_of
from portal.workflow import SYSTEM
from tests import factories, scope_objects
from tests.portal.test_workflow_tables import WORKFLOWS

pytestmark = pytest.mark.django_db

UNIT = "440000"


def steps():
    for workflow in WORKFLOWS:
        for rule in workflow.transitions:
            for source in rule.sources:
                for role in rule.roles:
                    yield pytest.param(
                        workflow,
                        rule,
                        source,
                        role,
                        id=f"{workflow.model}-{rule.action}-{source}-{role}",
                    )


def follow(obj, path):
    for name in path.split("__"):
        obj = getattr(obj, name)
    return obj


def actor(role, obj):
    """A user of the role who may act on the object (None for the system)."""
    if role == SYSTEM:
        return None
    if role == HEADQUARTERS:
        return factories.headquarters_user()
    if role != ENTERPRISE:
        return factories.provincial_user(UNIT)
    scope = scope_of(type(obj))
    if scope.owner:
        return follow(obj, scope.owner)
    user = factories.enterprise_user()
    factories.act_for(user, follow(obj, scope.enterprise))
    return user


def in_state(workflow, state):
    obj = scope_objects.make(workflow.model_class, UNIT)
    workflow.model_class.objects.filter(pk=obj.pk).update(**{workflow.field: state})
    obj.refresh_from_db()
    return obj


@pytest.mark.parametrize(("workflow", "rule", "source", "role"), list(steps()))
def test_the_transition_changes_the_status_logs_and_audits(workflow, rule, source, role):
    obj = in_state(workflow, source)
    user = actor(role, obj)
    details = READY.get((workflow.model, rule.action), lambda obj: {})(obj)
    obj.refresh_from_db()
    logs = workflow.log_class.objects.filter(**{workflow.log_subject: obj})
    before = logs.count()

    log = workflow.apply(obj, rule.action, user, reason="核实无误", details=details)

    obj.refresh_from_db()
    assert getattr(obj, workflow.field) == rule.target
    assert logs.count() == before + 1
    assert (log.action, log.from_status, log.to_status, log.actor) == (
        rule.action,
        source,
        rule.target,
        user,
    )
    if user is not None and source != rule.target:
        change = history_for(obj).filter(actor=user, action="update").first()
        assert change is not None
        assert change.changes[workflow.field] == [source, rule.target]


def written(report):
    report.texts = {s["key"]: f"{s['title']}：已按要求推进。" for s in report.round.sections}
    report.save()
    return {}


def valid_until_next_year(certificate):
    certificate.expires_on = timezone.localdate() + datetime.timedelta(days=365)
    certificate.save()
    return {}


def ground(kind):
    def chosen(complaint):
        return {"ground": complaint.rule_set.grounds.filter(kind=kind).first()}

    return chosen


def suspended_yesterday(complaint):
    complaint.suspended_on = timezone.localdate() - datetime.timedelta(days=1)
    complaint.save()
    return {}


def closed_yesterday(complaint):
    complaint.closed_on = timezone.localdate() - datetime.timedelta(days=1)
    complaint.save()
    return {}


def published_a_year_ago(penalty):
    penalty.published_on = timezone.localdate() - datetime.timedelta(days=366)
    penalty.save()
    return {}


def removal_applied(entry):
    entry.correction, entry.removal_applied_on = "已更正住所", timezone.localdate()
    entry.save()
    return {}


def repair_ready(listing):
    listing.listed_on = timezone.localdate() - datetime.timedelta(days=800)
    listing.repair_applied_on = timezone.localdate()
    listing.repair_pledge, listing.repair_evidence = "credit/p.pdf", "credit/e.pdf"
    listing.measures_expired = listing.obligations_fulfilled = listing.harm_corrected = True
    listing.save()
    return {}


def served(listing):
    listing.listed_until = timezone.localdate()
    listing.save()
    return {}


def answered_in_the_thread(request):
    request.messages.create(
        unit=request.to_unit, text="已核查，地址属实", author=request.requested_by
    )
    return {}


def inspectors_and_candidates(plan):
    scope_objects._inspector(UNIT)
    scope_objects._inspector(UNIT)
    factories.risk_class(scope_objects.enterprise(UNIT), "D")
    plan.ratios.update(ratio=0)
    plan.ratios.filter(risk_class="D").update(ratio=1)
    return {}


def published(plan):
    inspectors_and_candidates(plan)
    type(plan).objects.filter(pk=plan.pk).update(status="draft")
    inspections.publish(plan, factories.provincial_user(UNIT))
    return {}


# What a transition's ``does`` needs besides the status: what its page would have asked for.
READY = {
    ("reporting.ProgressReport", "submit"): written,
    ("reporting.ProgressReport", "resubmit"): written,
    ("enterprises.Certificate", "reinstate"): valid_until_next_year,
    ("complaints.Complaint", "refuse"): ground("refusal"),
    ("complaints.Complaint", "terminate"): ground("mediation_end"),
    ("complaints.Complaint", "resume"): suspended_yesterday,
    ("complaints.Complaint", "reopen"): closed_yesterday,
    ("credit.Penalty", "apply_repair"): published_a_year_ago,
    ("credit.Penalty", "approve_repair"): published_a_year_ago,
    ("credit.AbnormalListing", "remove"): removal_applied,
    ("credit.SeriousListing", "remove_early"): repair_ready,
    ("credit.SeriousListing", "expire"): served,
    ("credit.AssistanceRequest", "answer"): answered_in_the_thread,
    ("credit.InspectionPlan", "publish"): inspectors_and_candidates,
    ("credit.InspectionPlan", "draw"): published,
}
