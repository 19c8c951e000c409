"""Demo seeding (idempotent) and the dashboard panels of the registry."""

import pytest
from django.urls import reverse
from django.utils import translation

from enterprises import demo as enterprise_demo
from enterprises import uscc
from enterprises.dashboard import panels
from enterprises.models import Enterprise, EnterpriseMembership
from portal import demo as portal_demo
from portal.audit import acting_as
from portal.demo import DemoContext
from tests.factories import EnterpriseFactory, MembershipFactory


def test_demo_rows_are_valid_and_deterministic():
    rows = enterprise_demo.enterprise_rows(50)
    assert rows == enterprise_demo.enterprise_rows(50)
    assert all(uscc.validate(r["uscc"]) == r["uscc"] for r in rows)
    assert len({r["uscc"] for r in rows}) == 50


@pytest.mark.django_db
def test_seed_is_idempotent():
    counts = []
    with acting_as(label="seed_demo"):
        for _round in range(2):
            demo = DemoContext()
            portal_demo.seed(demo)
            enterprise_demo.seed(demo)
            counts.append(Enterprise.objects.count())
    assert counts == [enterprise_demo.COUNT, enterprise_demo.COUNT]
    huamei = EnterpriseMembership.objects.get(user__username="ent_huamei")
    assert huamei.status == "approved" and huamei.enterprise.reporting_unit.code == "440300"
    pending = EnterpriseMembership.objects.get(user__username="ent_pending")
    assert pending.status == "pending" and pending.enterprise.reporting_unit.code == "440000"
    assert {"ent_huamei", "ent_pending"} <= {login[1] for login in demo.logins}
    units = set(Enterprise.objects.values_list("reporting_unit__code", flat=True))
    assert units == {"440000", "440300", "330000", "110000", "510000"}


def test_staff_panels(rf, province_user):
    EnterpriseFactory()
    MembershipFactory(enterprise=EnterpriseFactory())
    MembershipFactory(enterprise=EnterpriseFactory(division_code="330106"))
    request = rf.get("/")
    request.user = province_user
    with translation.override("en"):
        found = {str(p.title): p.figures for p in panels(request)}
    assert found["Enterprise registry"][0][1] == "2"
    assert found["Enterprise claims"][0][1] == 1


def test_enterprise_user_panel(rf, enterprise_user):
    MembershipFactory(user=enterprise_user, status="approved")
    request = rf.get("/")
    request.user = enterprise_user
    with translation.override("en"):
        (figures,) = [p.figures for p in panels(request) if str(p.title) == "My enterprise"]
    assert len(figures) == 1


def test_dashboard_page_renders_for_each_role(client_for, hq_user, province_user, enterprise_user):
    EnterpriseFactory()
    for user in (hq_user, province_user, enterprise_user):
        assert client_for(user).get(reverse("portal:dashboard")).status_code == 200
