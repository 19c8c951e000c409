"""Browser tests: Playwright drives Debian's Chromium against the live server.

Every request the page makes must stay on this machine: a request to any other
host is blocked and fails the test (the portal loads nothing from the internet).
A Content-Security-Policy violation on any page also fails the test.
"""

import os
import shutil
from urllib.parse import urlparse

import pytest
from playwright.sync_api import sync_playwright

from portal import two_factor
from tests import logins
from tests.factories import PASSWORD

# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# tests make between browser steps are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", ""}
# Playwright's init scripts are not subject to the page's CSP, so this listener always runs.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""
SCREENSHOTS = os.path.join(os.path.dirname(__file__), "..", "..", "test-artifacts", "screenshots")


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser page (Chinese locale) that refuses to load anything external."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    external = []

    def guard(route):
        host = urlparse(route.request.url).hostname or ""
        if urlparse(route.request.url).scheme in ("data", "blob") or host in LOCAL_HOSTS:
            route.continue_()
        else:
            external.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    errors, violations = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: _collect_violation(message, page, violations))
    yield page
    context.close()
    assert not external, f"the page tried to load from outside the machine: {external}"
    assert not errors, f"JavaScript errors on the page: {errors}"
    assert not violations, f"Content-Security-Policy violations: {violations}"


def _collect_violation(message, page, violations):
    text = message.text
    if message.type == "error" and ("CSP violation" in text or "Content Security Policy" in text):
        violations.append(f"{page.url}: {text}")


@pytest.fixture
def login(live_server):
    """Log in through the login form: ``login(page, user)``."""

    def log_in(page, user, password=PASSWORD):
        device = logins.authenticator(user) if user.pk and two_factor.required_for(user) else None
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", password)
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        if device is not None and "/accounts/verify/" in page.url:
            page.fill("input[name=token]", logins.current_code(device))
            page.click("main form button[type=submit]")
            page.wait_for_load_state()
        return page

    return log_in


@pytest.fixture
def screenshot():
    """Save a full-page screenshot under test-artifacts/screenshots/ for people to look at."""

    def take(page, name):
        os.makedirs(SCREENSHOTS, exist_ok=True)
        path = os.path.join(SCREENSHOTS, f"{name}.png")
        page.screenshot(path=path, full_page=True)
        return path

    return take
