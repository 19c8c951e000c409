"""Browser: a complaint from the public form to the consumer's rating, a transfer, a referral.

A consumer files a complaint on a phone-sized screen and keeps the tracking code;
Guangdong's regulator accepts it and starts mediation; the enterprise answers in the
portal; the regulator closes it as mediated; the consumer follows it by code and rates it.
"""

import pytest
from django.utils import timezone

from complaints.models import Complaint
from complaints.services import handling
from portal.models import AdminDivision
from tests.factories import EnterpriseFactory, MembershipFactory, complaint, provincial_user

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


def test_a_complaint_is_transferred_and_taken_over_by_the_unit_where_it_belongs(
    page, live_server, login, screenshot, transactional_db
):
    guangdong, zhejiang = provincial_user("440000"), provincial_user("330000")
    filed = complaint(operator_name="杭州某连锁餐厅", complainant_email="wang@example.cn")
    login(page, guangdong)
    page.goto(f"{live_server.url}/complaints/handling/{filed.pk}/")
    page.locator("[data-testid=transfer-form]").evaluate("f => f.closest('details').open = true")
    xihu = str(AdminDivision.objects.get(code="330106"))
    page.select_option("[data-testid=transfer-form] select[name=to_division]", label=xihu)
    page.fill("[data-testid=transfer-form] textarea[name=reason]", "经营场所在杭州市西湖区。")
    click(page, "[data-testid=transfer-form] button[type=submit]")
    assert "浙江" in page.locator("[data-testid=transfers]").inner_text()
    filed.refresh_from_db()
    assert filed.reporting_unit.code == "440000"  # still Guangdong's until taken over

    page.context.clear_cookies()
    login(page, zhejiang)
    page.goto(f"{live_server.url}/complaints/transfers/")
    row = page.locator("[data-testid=transfer-list] tbody tr").first
    assert "杭州某连锁餐厅" in row.inner_text() and "经营场所在杭州市西湖区" in row.inner_text()
    screenshot(page, "complaint-transfer-received")
    row.locator("button[value=take_over]").click()
    page.wait_for_load_state()
    filed.refresh_from_db()
    assert filed.reporting_unit.code == "330000" and filed.routed_by == "transfer"
    page.goto(f"{live_server.url}/complaints/handling/{filed.pk}/")
    assert "王小明" in page.locator("[data-testid=complainant]").inner_text()

    page.context.clear_cookies()
    login(page, guangdong)
    response = page.goto(f"{live_server.url}/complaints/handling/{filed.pk}/")
    assert response.status == 404  # no longer Guangdong's to read


def test_a_mediation_body_settles_a_referred_complaint(
    page, live_server, login, screenshot, transactional_db
):
    officer = provincial_user("440000")
    filed = complaint()
    for action in ("accept", "mediate"):
        handling.COMPLAINT.apply(filed, action, officer)
    login(page, officer)
    page.goto(f"{live_server.url}/complaints/mediation-bodies/")
    page.fill("[data-testid=body-form] input[name=name]", "天河区消费纠纷人民调解委员会")
    page.select_option("[data-testid=body-form] select[name=kind]", "peoples")
    click(page, "[data-testid=body-form] button[type=submit]")
    assert (
        "天河区消费纠纷人民调解委员会"
        in page.locator("[data-testid=mediation-bodies]").inner_text()
    )

    page.goto(f"{live_server.url}/complaints/handling/{filed.pk}/")
    page.locator("[data-testid=refer-form]").evaluate("f => f.closest('details').open = true")
    page.select_option(
        "[data-testid=refer-form] select[name=body]", label="天河区消费纠纷人民调解委员会"
    )
    click(page, "[data-testid=refer-form] button[type=submit]")
    assert "等待调解结果" in page.locator("[data-testid=referrals]").inner_text()
    page.check("[data-testid=outcome-form] input[name=outcome][value=settled]")
    page.fill("[data-testid=outcome-form] input[name=day]", timezone.localdate().isoformat())
    page.fill("[data-testid=outcome-form] textarea[name=note]", "商家退还余额1200元。")
    click(page, "[data-testid=outcome-form] button[type=submit]")
    assert status(page) == "调解成功"
    assert "商家退还余额1200元" in page.locator("[data-testid=referrals]").inner_text()
    screenshot(page, "complaint-referral-settled")
