"""Headquarters corrects a rule set's deadlines; units keep their own routing rules."""

import pytest

from complaints.models import RoutingRule, RuleSet
from portal.models import AdminDivision, AuditEntry
from tests.factories import complaint
from tests.logins import log_in

pytestmark = pytest.mark.django_db


def edit(client, rule_set, **values):
    data = {f"r{rule_set.pk}-{name}": getattr(rule_set, name) for name in (
        "acceptance_days", "mediation_days", "end_notice_days", "verification_days",
        "verification_extension_days", "case_notice_days", "odr_days", "reopen_days",
    )}  # fmt: skip
    data.update({f"r{rule_set.pk}-{k}": v for k, v in values.items()})
    return client.post(f"/complaints/rules/{rule_set.pk}/", data)


def test_headquarters_corrects_a_deadline_and_new_complaints_use_it(client, hq_user):
    order121 = RuleSet.objects.get(code="order-121")
    log_in(client, hq_user)
    edit(client, order121, acceptance_days=10, unverified=["mediation_days"])
    order121.refresh_from_db()
    assert (order121.acceptance_days, order121.unverified) == (10, ["mediation_days"])
    assert AuditEntry.objects.filter(object_id=str(order121.pk), action="update").exists()
    page = client.get("/complaints/rules/").content.decode()
    assert "10" in page
    edit(client, order121, acceptance_days=999)
    order121.refresh_from_db()
    assert order121.acceptance_days == 10


def test_provinces_read_the_rule_sets_but_cannot_change_them(client, province_user):
    order121 = RuleSet.objects.get(code="order-121")
    log_in(client, province_user)
    assert client.get("/complaints/rules/").status_code == 200
    assert edit(client, order121, acceptance_days=1).status_code == 403
    order121.refresh_from_db()
    assert order121.acceptance_days == 7


def test_a_unit_adds_a_routing_rule_that_routes_its_complaints(
    client, province_user, other_province_user
):
    log_in(client, province_user)
    shenzhen = AdminDivision.objects.get(code="440305")
    client.post("/complaints/routing/", {
        "position": 5, "description": "天河区美容投诉由深圳处理（演练）",
        "division_prefix": "440106", "service_section": "O", "target_division": shenzhen.pk,
    })  # fmt: skip
    rule = RoutingRule.objects.get()
    assert rule.owner.code == "440000"
    assert complaint().routing_rule == rule
    log_in(client, other_province_user)
    assert client.post(f"/complaints/routing/{rule.pk}/toggle/").status_code == 403
    log_in(client, province_user)
    client.post(f"/complaints/routing/{rule.pk}/toggle/")
    rule.refresh_from_db()
    assert rule.active is False
