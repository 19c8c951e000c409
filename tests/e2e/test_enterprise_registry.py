"""Browser: a regulator imports enterprises from Excel and sees progress and result;
an enterprise user signs up and claims an enterprise, and the regulator approves."""

import re

import pytest
from playwright.sync_api import expect

from enterprises.models import Enterprise, EnterpriseMembership
from tests.enterprises.test_import_files import row, xlsx
from tests.factories import EnterpriseFactory, random_uscc

pytestmark = pytest.mark.e2e
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_regulator_imports_enterprises_from_excel(
    live_server, page, login, province_user, screenshot
):
    good = [row(name="广州浏览器导入餐饮有限公司"), row(name="广州浏览器导入酒店有限公司")]
    data = xlsx([*good, row("914403001922038217", name="坏行")])
    login(page, province_user)
    page.goto(f"{live_server.url}/enterprises/import/")
    page.set_input_files(
        "input[name=file]", {"name": "名录.xlsx", "mimeType": XLSX, "buffer": data}
    )
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    problems = page.locator("[data-testid=problems]")
    assert "4" in problems.inner_text() and problems.locator("tbody tr").count() == 1
    assert Enterprise.objects.count() == 0
    page.check("input[name=mode][value=good]")
    page.locator("form[action$='/import/start/'] button[type=submit]").click()
    page.wait_for_load_state()
    job = page.locator("[data-testid=job]")
    assert job.get_attribute("data-status") == "done"
    assert page.locator("progress").get_attribute("value") == "100"
    assert page.locator("a[href$='/download/']").count() == 1
    screenshot(page, "enterprise-import-job")
    page.locator("[data-testid=job] a[href='/enterprises/']").click()
    page.wait_for_load_state()
    results = page.locator("[data-testid=enterprise-results]").inner_text()
    assert "广州浏览器导入餐饮有限公司" in results and "广州浏览器导入酒店有限公司" in results
    page.fill("input[name=q]", "导入酒")
    # A locator wait, not wait_for_function: the CSP forbids evaluating strings as script.
    expect(page.locator("[data-testid=enterprise-results]")).not_to_contain_text("导入餐饮")
    assert "广州浏览器导入酒店有限公司" in page.locator("#results").inner_text()


def test_enterprise_user_signs_up_claims_and_is_approved(
    live_server, page, login, province_user, screenshot, mailoutbox
):
    enterprise = EnterpriseFactory(uscc=random_uscc("440106"), name="广州认领测试家政有限公司")
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("a[href='/enterprises/signup/']").first.click()
    page.wait_for_load_state()
    page.fill("input[name=username]", "jiazheng")
    page.fill("input[name=full_name]", "陈静")
    page.fill("input[name=email]", "cj@example.cn")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.url.endswith("/enterprises/signup/sent/")
    (message,) = mailoutbox
    page.goto(re.search(r"http\S+/enterprises/signup/\S+/", message.body).group(0))
    page.fill("input[name=new_password1]", "Jia-zheng-2019!")
    page.fill("input[name=new_password2]", "Jia-zheng-2019!")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.url.endswith("/enterprises/mine/")
    page.fill("input[name=uscc]", "914403001922038216")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()
    assert page.locator(".field--error").count() == 1
    page.fill("input[name=uscc]", enterprise.uscc.lower())
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()
    assert enterprise.name in page.locator("[data-testid=my-claims]").inner_text()

    page.context.clear_cookies()
    login(page, province_user)
    page.goto(f"{live_server.url}/enterprises/claims/")
    claims = page.locator("[data-testid=claims]")
    assert enterprise.name in claims.inner_text()
    screenshot(page, "enterprise-claims")
    claims.locator("button[name=action][value=approve]").click()
    page.wait_for_load_state()
    membership = EnterpriseMembership.objects.get(user__username="jiazheng")
    assert membership.status == "approved" and membership.decided_by == province_user

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "jiazheng")
    page.fill("input[name=password]", "Jia-zheng-2019!")
    page.click("form button[type=submit]")
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/enterprises/mine/")
    assert enterprise.name in page.locator("[data-testid=my-enterprises]").inner_text()
    page.locator("[data-testid=my-enterprises] a").first.click()
    page.wait_for_load_state()
    assert enterprise.uscc in page.locator("[data-testid=enterprise]").inner_text()
