"""Browser: headquarters configures the risk scoring model; Guangdong's regulator
recomputes the unit, reads an enterprise's class with its explanation and overrides it."""

import datetime

import pytest
from django.utils import timezone

from credit.models import EnterpriseRiskClass, RiskOverride
from tests import factories

pytestmark = pytest.mark.e2e


def click(page, selector):
    page.locator(selector).first.click()
    page.wait_for_load_state()


def test_hq_configures_a_regulator_recomputes_and_overrides(
    page, live_server, login, screenshot, transactional_db
):
    hq = factories.headquarters_user()
    officer = factories.provincial_user("440000")
    shop = factories.EnterpriseFactory(name="广州某美容有限公司", established_on=None)
    factories.complaints_about(shop, 2)

    login(page, hq)
    page.goto(f"{live_server.url}/credit/risk/models/")
    page.fill("input[name=b_from]", "-5")
    page.fill("input[name=c_from]", "10")
    page.fill("input[name=d_from]", "10")
    page.check("input[name=use_complaint_rate]")
    page.fill("input[name=points_complaint_rate]", "10")
    page.check("input[name=use_valid_certification]")
    page.fill("input[name=points_valid_certification]", "-10")
    click(page, "[data-testid=scoring-model-form] button[type=submit]")
    assert "C 类为空" in page.locator("[data-testid=model-errors]").inner_text()
    page.fill("input[name=d_from]", "20")
    click(page, "[data-testid=scoring-model-form] button[type=submit]")
    assert "评分模型第 1 版" in page.locator("main").inner_text()
    screenshot(page, "credit-risk-model")

    page.context.clear_cookies()
    login(page, officer)
    page.goto(f"{live_server.url}/credit/risk/")
    click(page, "[data-testid=recompute]")
    assert "/jobs/" in page.url
    page.goto(f"{live_server.url}/credit/risk/")
    assert shop.name in page.locator("[data-testid=risk-list]").inner_text()
    click(page, f"a:text('{shop.name}')")
    assert page.locator("[data-testid=effective-class]").inner_text() == "D"
    explanation = page.locator("[data-testid=explanation]").inner_text()
    assert "每经营年度投诉数" in explanation and "20" in explanation

    until = timezone.localdate() + datetime.timedelta(days=30)
    page.select_option("select[name=risk_class]", "C")
    page.fill("textarea[name=reason]", "已整改，现场复查合格。")
    page.fill("input[name=expires_on]", until.isoformat())
    click(page, "[data-testid=override-form] button[type=submit]")
    assert page.locator("[data-testid=effective-class]").inner_text() == "C"
    assert "已整改，现场复查合格。" in page.locator("[data-testid=risk-history]").inner_text()
    screenshot(page, "credit-risk-enterprise")
    assert EnterpriseRiskClass.objects.get(pk=shop.pk).risk_class == "C"
    assert RiskOverride.objects.get().created_by == officer
