"""Browser: an enterprise issues evaluation codes, a consumer evaluates with one on a phone and
it appears on the enterprise's public page; a burst is held until Guangdong's regulator
releases it.
"""

import pytest

from monitoring.models import Evaluation
from tests.factories import EnterpriseFactory, MembershipFactory, provincial_user

pytestmark = pytest.mark.e2e


def click(page, selector):
    page.locator(selector).first.click()
    page.wait_for_load_state()


def issue_codes(page, url, enterprise, n):
    page.goto(f"{url}/monitoring/evaluations/codes/")
    page.select_option("select[name=enterprise]", str(enterprise.pk))
    page.fill("input[name=size]", str(n))
    page.select_option("select[name=output]", "print")
    click(page, "[data-testid=codes-form] button[type=submit]")
    return page.locator("[data-testid=code]").all_inner_texts()


def evaluate(browser, url, enterprise, code, comment, overall="5"):
    phone = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    page = phone.new_page()
    page.goto(f"{url}/monitoring/evaluations/new/?uscc={enterprise.uscc}")
    page.fill("input[name=code]", code.lower())
    for name in (
        "overall",
        "aspect_service",
        "aspect_quality",
        "aspect_environment",
        "aspect_price",
    ):
        page.check(f"input[name={name}][value='{overall}']")
    page.fill("textarea[name=comment]", comment)
    page.check("input[name=consent]")
    click(page, "[data-testid=evaluation-form] button[type=submit]")
    outcome = page.locator("[data-testid=evaluation-outcome]").inner_text()
    phone.close()
    return outcome


def public_evaluations(page, url, enterprise):
    page.goto(f"{url}/enterprises/public/pledges/{enterprise.uscc}/")
    return page.locator("[data-testid=public-evaluation]").all_inner_texts()


def test_codes_to_a_published_evaluation_and_a_released_burst(
    browser, page, live_server, login, screenshot, settings, transactional_db
):
    settings.PORTAL_FORM_MIN_SECONDS = -1  # the browser fills the form faster than a person
    settings.PORTAL_EVALUATION_BURST_COUNT = 3
    settings.PORTAL_EVALUATION_BURST_SOURCES = 1
    url = live_server.url
    enterprise = EnterpriseFactory(name="广州某酒家有限公司")
    member = MembershipFactory(enterprise=enterprise, status="approved").user
    officer = provincial_user("440000")

    login(page, member)
    codes = issue_codes(page, url, enterprise, 4)
    assert len(codes) == 4 and len(set(codes)) == 4
    screenshot(page, "evaluation-receipts")
    page.context.clear_cookies()

    assert "已公开" in evaluate(browser, url, enterprise, codes[0], "上菜很快，服务热情。")
    assert any("上菜很快" in e for e in public_evaluations(page, url, enterprise))
    screenshot(page, "evaluation-public-page")

    evaluate(browser, url, enterprise, codes[1], "第二位顾客：环境干净。", overall="4")
    held = evaluate(browser, url, enterprise, codes[2], "第三条：一分钟内又一条。")
    assert "审核" in held
    shown = public_evaluations(page, url, enterprise)
    assert len(shown) == 2 and not any("第三条" in e for e in shown)

    login(page, officer)
    page.goto(f"{url}/monitoring/evaluations/review/")
    click(page, "[data-testid=evaluation-review] tbody a")
    assert page.locator("[data-testid=evaluation-status]").inner_text() == "待审核"
    page.fill("textarea[name=reason]", "电话回访，确为顾客评价。")
    click(page, "[data-testid=transitions] button[value=release]")
    assert page.locator("[data-testid=evaluation-status]").inner_text() == "已放行"
    screenshot(page, "evaluation-released")
    page.context.clear_cookies()

    shown = public_evaluations(page, url, enterprise)
    assert len(shown) == 3 and any("第三条" in e for e in shown)
    assert Evaluation.objects.get(comment__startswith="第三条").history.first().reason == (
        "电话回访，确为顾客评价。"
    )
