"""Every declared workflow, walked for every action, state and role without a database."""

import importlib
import pkgutil

import pytest
from django.apps import apps
from django.utils import translation

from complaints.services.handling import COMPLAINT
from complaints.services.transfers import TRANSFER
from enterprises.services.certificates import CERTIFICATE
from enterprises.services.claims import CLAIM
from enterprises.services.pledges import PLEDGE
from enterprises.services.standards import FRONT_RUNNER
from portal.access import ENTERPRISE, HEADQUARTERS, PROVINCIAL
from portal.discovery import project_apps
from portal.models import StatusLog
from portal.workflow import STAFF, SYSTEM, Transition, TransitionRefused, Workflow
from reporting.services.reports import REPORT


def declared_workflows():
    """Every Workflow declared at module level in the project's apps, found by importing them."""
    found = {}
    for config in project_apps():
        package = importlib.import_module(config.name)
        for module_info in pkgutil.walk_packages(package.__path__, f"{config.name}."):
            if ".migrations" in module_info.name or ".management" in module_info.name:
                continue
            module = importlib.import_module(module_info.name)
            for value in vars(module).values():
                if isinstance(value, Workflow):
                    found[value.model, value.field] = value
    return list(found.values())


WORKFLOWS = declared_workflows()
ROLES = [HEADQUARTERS, PROVINCIAL, ENTERPRISE, SYSTEM]


def states(workflow):
    field = workflow.model_class._meta.get_field(workflow.field)
    return [value for value, _label in field.flatchoices]


def walk(workflow):
    for rule in workflow.transitions:
        for state in states(workflow):
            for role in ROLES:
                yield rule, state, role


def test_every_status_log_belongs_to_a_walked_workflow():
    logs = {m for m in apps.get_models() if issubclass(m, StatusLog)}
    assert logs == {w.log_class for w in WORKFLOWS}
    for known in (PLEDGE, CERTIFICATE, CLAIM, FRONT_RUNNER, REPORT, COMPLAINT, TRANSFER):
        assert any(known is found for found in WORKFLOWS), known.model


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda w: w.model)
def test_every_transition_names_real_states_and_roles(workflow):
    known = set(states(workflow))
    for rule in workflow.transitions:
        assert set(rule.sources) <= known, rule.action
        assert rule.target in known, rule.action
        assert rule.roles and set(rule.roles) <= set(ROLES), rule.action
    assert set(workflow.closed) <= known | {""}


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda w: w.model)
def test_check_allows_exactly_the_declared_role_and_state(workflow):
    for rule, state, role in walk(workflow):
        declared = state in rule.sources and role in rule.roles
        assert workflow.allowed(rule.action, state, role) == declared
        reason = "理由" if rule.reason_required else ""
        if declared:
            assert workflow.check(rule.action, state, role, reason) is rule
            continue
        with pytest.raises(TransitionRefused) as refused:
            workflow.check(rule.action, state, role, reason)
        expected = "role" if state in rule.sources else ("closed", "state")
        assert refused.value.code in expected


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda w: w.model)
def test_a_required_reason_is_asked_for(workflow):
    for rule in workflow.transitions:
        if not rule.reason_required:
            continue
        with pytest.raises(TransitionRefused) as refused:
            workflow.check(rule.action, rule.sources[0], rule.roles[0], "  ")
        assert "reason" in refused.value.message_dict


@pytest.mark.parametrize(
    ("workflow", "action", "state", "role", "allowed"),
    [
        (PLEDGE, "submit", "draft", ENTERPRISE, True),
        (PLEDGE, "publish", "submitted", PROVINCIAL, True),
        (PLEDGE, "publish", "submitted", ENTERPRISE, False),
        (PLEDGE, "publish", "draft", HEADQUARTERS, False),
        (PLEDGE, "withdraw", "withdrawn", ENTERPRISE, False),
        (CLAIM, "approve", "pending", PROVINCIAL, True),
        (CLAIM, "approve", "pending", ENTERPRISE, False),
        (CLAIM, "approve", "rejected", HEADQUARTERS, False),
        (FRONT_RUNNER, "confirm", "candidate", PROVINCIAL, True),
        (FRONT_RUNNER, "decline", "confirmed", PROVINCIAL, False),
        (FRONT_RUNNER, "confirm", "declined", HEADQUARTERS, False),
        (REPORT, "return", "submitted", HEADQUARTERS, True),
        (REPORT, "return", "submitted", PROVINCIAL, False),
    ],
)
def test_the_campaigns_rules(workflow, action, state, role, allowed):
    assert workflow.allowed(action, state, role) is allowed


def test_revoking_a_front_runner_needs_a_reason():
    assert FRONT_RUNNER.transition("revoke").reason_required
    assert PLEDGE.transition("return").reason_required


@pytest.mark.parametrize(
    ("action", "state", "role", "reason", "code", "message"),
    [
        ("fly", "draft", PROVINCIAL, "", "unknown", "There is no action “fly”."),
        ("publish", "draft", PROVINCIAL, "", "state",
         "“Publish” is not possible while the status is “Draft”."),
        ("publish", "withdrawn", PROVINCIAL, "", "closed",
         "A withdrawn pledge stays withdrawn; file a new pledge."),
        ("publish", "submitted", ENTERPRISE, "", "role", "Your role may not “Publish”."),
        ("publish", "submitted", SYSTEM, "", "role", "Your role may not “Publish”."),
    ],
)  # fmt: skip
def test_a_refusal_says_why(action, state, role, reason, code, message):
    with translation.override("en"), pytest.raises(TransitionRefused) as refused:
        PLEDGE.check(action, state, role, reason)
    assert (refused.value.code, refused.value.messages) == (code, [message])


def test_a_missing_reason_is_refused_on_the_reason_field():
    with translation.override("en"), pytest.raises(TransitionRefused) as refused:
        PLEDGE.check("return", "submitted", PROVINCIAL, " \n ")
    assert refused.value.message_dict == {
        "reason": ["Give a reason: “Return to the enterprise” needs one."]
    }
    assert PLEDGE.check("return", "submitted", PROVINCIAL, "缺少承诺期限").action == "return"


def test_a_refusal_in_chinese():
    with translation.override("zh-hans"), pytest.raises(TransitionRefused) as refused:
        PLEDGE.check("publish", "submitted", ENTERPRISE)
    assert refused.value.messages == ["您的角色不能“公开”。"]


def test_the_lookups_of_a_workflow():
    assert PLEDGE.transition("publish").target == "published"
    assert PLEDGE.transition("fly") is None
    assert PLEDGE.label("published") == PLEDGE.model_class.Status.PUBLISHED.label
    assert PLEDGE.label("no-such-state") == "no-such-state"
    assert [t.action for t in PLEDGE.available("submitted", PROVINCIAL)] == ["publish", "return"]
    assert PLEDGE.available("draft", SYSTEM) == []


def test_an_action_declared_twice_is_refused():
    twice = [Transition("go", ("a",), "b", STAFF, "Go"), Transition("go", ("b",), "c", STAFF, "Go")]
    with pytest.raises(ValueError, match="an action is declared twice"):
        Workflow(model="x.Y", log="x.YLog", transitions=twice)


def test_a_refusal_can_name_what_is_missing():
    refused = TransitionRefused("缺少材料", code="incomplete", missing=["texts"])
    assert (refused.code, refused.missing, refused.messages) == (
        "incomplete",
        ["texts"],
        ["缺少材料"],
    )
    assert TransitionRefused("x").code == "transition"
    assert TransitionRefused("x").missing == []
