"""Browser: a complaint from the public form to the consumer's rating, and a transfer.

A consumer files a complaint on a phone-sized screen and keeps the tracking code;
Guangdong's regulator accepts it and starts mediation; the enterprise answers in the
portal; the regulator closes it as mediated; the consumer follows it by code and rates it.
"""

import pytest

from complaints.models import Complaint
from tests.factories import EnterpriseFactory, MembershipFactory, provincial_user

pytestmark = pytest.mark.e2e


def click(page, selector):
    page.locator(selector).first.click()
    page.wait_for_load_state()


def act(page, action):
    click(page, f"[data-testid=transitions] button[value={action}]")


def status(page):
    return page.locator("[data-testid=complaint-status]").inner_text()


def file_on_the_public_form(browser, url, operator):
    phone = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    page = phone.new_page()
    page.goto(f"{url}/complaints/")
    page.fill("input[name=complainant_name]", "王小明")
    page.fill("input[name=complainant_phone]", "13812345678")
    page.fill("input[name=complainant_address]", "广州市天河区体育东路2号")
    page.fill("input[name=operator_uscc]", operator.uscc)
    page.fill("input[name=operator_name]", operator.name)
    page.fill("input[name=operator_address]", operator.address)
    page.select_option("select[name=division]", label=str(operator.division))
    page.select_option("select[name=service_section]", "H")
    page.fill("input[name=happened_on]", "2026-11-20")
    page.fill("textarea[name=description]", "预订的年夜饭套餐临时取消，定金不退。")
    page.fill("textarea[name=request]", "退还定金500元。")
    click(page, "[data-testid=complaint-form] button[type=submit]")
    code = page.locator("[data-testid=tracking-code]").inner_text()
    phone.close()
    return code


def test_a_complaint_from_the_form_to_the_rating(
    browser, page, live_server, login, screenshot, settings, transactional_db
):
    settings.PORTAL_FORM_MIN_SECONDS = -1  # the browser fills the form faster than a person
    operator = EnterpriseFactory(name="广州某酒家有限公司")
    member = MembershipFactory(enterprise=operator, status="approved").user
    officer = provincial_user("440000")

    code = file_on_the_public_form(browser, live_server.url, operator)
    filed = Complaint.objects.get(tracking_code=code)
    assert filed.operator == operator and filed.reporting_unit.code == "440000"

    login(page, officer)
    page.goto(f"{live_server.url}/complaints/handling/")
    assert code in page.locator("[data-testid=complaint-list]").inner_text()
    click(page, f"a:text('{code}')")
    assert "13812345678" in page.locator("[data-testid=complainant]").inner_text()
    act(page, "accept")
    assert status(page) == "已受理"
    act(page, "mediate")
    assert status(page) == "调解中"
    screenshot(page, "complaint-officer")
    detail = page.url

    page.context.clear_cookies()
    login(page, member)
    page.goto(detail)
    assert "138****5678" in page.locator("[data-testid=complainant]").inner_text()
    page.fill("textarea[name=text]", "同意退还定金500元，三日内到账。")
    click(page, "form[action$='/reply/'] button")
    assert "三日内到账" in page.locator("[data-testid=replies]").inner_text()

    page.context.clear_cookies()
    login(page, officer)
    page.goto(detail)
    act(page, "settle")
    act(page, "close")
    assert status(page) == "已办结"

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/complaints/track/")
    page.fill("input[name=tracking_code]", code)
    page.fill("input[name=phone_last_four]", "5678")
    click(page, "main form button[type=submit]")
    assert status(page) == "已办结"
    page.check("input[name=rating][value='5']")
    click(page, "form[action$='/rate/'] button")
    assert "5" in page.locator("[data-testid=rating]").inner_text()
    screenshot(page, "complaint-consumer")
    filed.refresh_from_db()
    assert filed.rating == 5
