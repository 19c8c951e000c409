"""Browser: a regulator builds a plan, publishes its commitment and candidate hash, draws
enterprises and inspectors, records a result, and the result appears on the public page."""

import pytest
from django.utils import timezone

from credit.models import InspectionPlan
from tests import factories

pytestmark = pytest.mark.e2e


def click(page, selector):
    page.locator(selector).first.click()
    page.wait_for_load_state()


def test_a_plan_from_draft_to_a_public_result(
    page, live_server, login, screenshot, transactional_db
):
    officer = factories.provincial_user("440000")
    drawn_names = []
    for n in range(3):
        enterprise = factories.EnterpriseFactory(name=f"广州某家政服务有限公司{n}")
        factories.risk_class(enterprise, "D")
        drawn_names.append(enterprise.name)
    for _ in range(3):
        factories.InspectorFactory()
    item = factories.InspectionItemFactory(name="服务质量承诺履行情况", kind="key", max_ratio=None)

    login(page, officer)
    page.goto(f"{live_server.url}/credit/inspections/plans/new/")
    page.fill("input[name=name]", "2026年家政服务双随机抽查")
    page.check(f"input[name=agencies][value='{officer.agency_id}']")
    page.check(f"input[name=items][value='{item.pk}']")
    page.fill("input[name=starts_on]", "2026-03-01")
    page.fill("input[name=ends_on]", "2026-12-31")
    click(page, "[data-testid=plan-form] button[type=submit]")
    plan = InspectionPlan.objects.get(name="2026年家政服务双随机抽查")
    page.fill("input[name=cD-ratio]", "1")
    click(page, "[data-testid=ratios] ~ button")
    click(page, "[data-testid=publish]")
    assert "已发布" in page.locator("[data-testid=plan-status]").inner_text()
    plan.refresh_from_db()
    assert page.locator("[data-testid=commitment]").inner_text() == plan.commitment
    assert page.locator("[data-testid=candidates-hash]").inner_text() == plan.candidates_sha256

    click(page, "[data-testid=draw]")
    assert "已抽取" in page.locator("[data-testid=plan-status]").inner_text()
    drawn = page.locator("[data-testid=inspections]").inner_text()
    assert all(name in drawn for name in drawn_names)
    screenshot(page, "credit-plan-drawn")

    click(page, f"[data-testid=inspections] a:text('{drawn_names[0]}')")
    assert page.locator("[data-testid=team] tbody tr").count() == 2
    page.select_option("select[name=result]", "corrected")
    page.fill("input[name=concluded_on]", timezone.localdate().isoformat())
    click(page, "[data-testid=record-result]")
    assert page.locator("[data-testid=publish-by]").inner_text()
    click(page, "[data-testid=publish-result]")

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/credit/inspections/public/results/")
    public = page.locator("[data-testid=public-results]").inner_text()
    assert drawn_names[0] in public and "发现问题已责令改正" in public
    assert drawn_names[1] not in public
    page.goto(f"{live_server.url}/credit/inspections/public/plans/{plan.pk}/")
    assert plan.commitment in page.locator("[data-testid=public-plan]").inner_text()
    assert page.locator("[data-testid=public-teams] tbody tr").count() == 6
    screenshot(page, "credit-public-draw")
