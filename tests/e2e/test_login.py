"""Each role logs in through the browser and lands on its dashboard, in Chinese."""

import pytest

from tests import factories


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("make_user", "role_label"),
    [
        (factories.headquarters_user, "总部工作人员"),
        (lambda **kw: factories.provincial_user("440000", **kw), "省级工作人员"),
        (factories.enterprise_user, "企业用户"),
    ],
)
def test_each_role_logs_in_and_lands_on_its_dashboard(
    live_server, page, login, screenshot, make_user, role_label
):
    user = make_user(username="walker")
    login(page, user)
    assert page.url.endswith("/dashboard/")
    assert page.get_by_test_id("current-user").inner_text().endswith(role_label)
    assert page.get_by_test_id("dashboard").is_visible()
    screenshot(page, f"dashboard-{user.role}")


@pytest.mark.django_db(transaction=True)
def test_wrong_password_says_nothing_about_the_account(live_server, page, login, screenshot):
    user = factories.provincial_user("440000", username="gd_walker")
    login(page, user, password="not-the-password")
    assert "/accounts/login/" in page.url
    message = page.locator(".form-errors").inner_text()
    login(page, factories.UserFactory.build(username="nobody-here"), password="x")
    assert page.locator(".form-errors").inner_text() == message
    screenshot(page, "login-error")


@pytest.mark.django_db(transaction=True)
def test_language_switch_to_english_and_back(live_server, page, screenshot):
    page.goto(f"{live_server.url}/")
    assert "服务业质量提升专项行动" in page.content()
    screenshot(page, "home-zh")
    with page.expect_navigation():
        page.select_option("#language-select", "en")
    assert "Service Industry Quality Improvement Campaign" in page.locator("h1").inner_text()
    with page.expect_navigation():
        page.select_option("#language-select", "zh-hans")
    assert "服务业质量提升专项行动" in page.locator("h1").inner_text()
