"""The browser enforces the CSP: the guard catches a violation, and the API docs work under it."""

import pytest

from tests.e2e.conftest import REPORT_CSP_VIOLATIONS, _collect_violation


@pytest.mark.django_db(transaction=True)
def test_an_inline_script_is_blocked_and_reported(live_server, browser):
    context = browser.new_context()
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    violations = []
    page.on("console", lambda message: _collect_violation(message, page, violations))
    page.goto(f"{live_server.url}/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.ran = true'; document.body.append(s); }"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.ran === undefined")
    assert violations, "the inline script was not reported"
    context.close()


@pytest.mark.django_db(transaction=True)
def test_swagger_renders_under_its_policy(live_server, page, login, hq_user):
    login(page, hq_user)
    page.goto(f"{live_server.url}/api/v1/docs/")
    page.wait_for_selector(".swagger-ui .info", timeout=20_000)


@pytest.mark.django_db(transaction=True)
def test_redoc_renders_and_only_its_remote_logo_is_blocked(live_server, browser, login, hq_user):
    """Redoc's bundle always shows a logo from cdn.redoc.ly; the CSP blocks it, nothing else."""
    context = browser.new_context()
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    violations = []
    page.on("console", lambda message: _collect_violation(message, page, violations))
    login(page, hq_user)
    page.goto(f"{live_server.url}/api/v1/redoc/")
    page.wait_for_selector(".api-info", timeout=20_000)
    context.close()
    assert all("cdn.redoc.ly/redoc/logo-mini.svg" in v for v in violations), violations
