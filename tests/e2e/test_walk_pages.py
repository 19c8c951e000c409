"""Walk the portal in Chromium as each demo role: every page reachable from the navigation
and the dashboard opens without an error, in Chinese, and loads nothing from outside."""

import base64
from urllib.parse import urljoin, urlparse

import pytest
from django.core.management import call_command
from django_otp.oath import totp

from portal.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET

ROLES = ["samr", "guangdong", "shenzhen", "ent_huamei", None]
SKIP = ("/accounts/logout/", "/admin/", "/api/", "/i18n/", ".pdf", "/zip/", "/download/", "export")
MAX_PAGES = 40
# Buttons on the page whose text hardly stands out from what is behind it (contrast under 3:1).
UNREADABLE_BUTTONS = """
() => {
  const rgb = (colour) => colour.match(/[\\d.]+/g).map(Number);
  const behind = (el) => {
    for (; el; el = el.parentElement) {
      const [r, g, b, a = 1] = rgb(getComputedStyle(el).backgroundColor);
      if (a > 0) return [r, g, b];
    }
    return [255, 255, 255];
  };
  const luminance = (channels) => {
    const [r, g, b] = channels.map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (one, two) => {
    const [light, dark] = [luminance(one), luminance(two)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
  };
  return [...document.querySelectorAll("main .button, main button")]
    .filter((b) => b.offsetParent && contrast(rgb(getComputedStyle(b).color), behind(b)) < 3)
    .map((b) => b.textContent.trim());
}
"""


def same_site_links(page, base):
    hrefs = page.eval_on_selector_all("main a[href], nav a[href]", "els => els.map(e => e.href)")
    for href in hrefs:
        url = urljoin(page.url, href).split("#")[0]
        if urlparse(url).netloc == urlparse(base).netloc and not any(s in url for s in SKIP):
            yield url


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("username", ROLES, ids=lambda u: u or "public")
def test_every_linked_page_opens_for_each_demo_role(live_server, page, screenshot, username):
    call_command("seed_demo", verbosity=0)
    if username:
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", DEMO_PASSWORD)
        page.click("form button[type=submit]")
        page.wait_for_load_state()
        if "/accounts/verify/" in page.url:
            page.fill(
                "input[name=token]", f"{totp(base64.b32decode(DEMO_TOTP_SECRET), drift=0):06d}"
            )
            page.click("main form button[type=submit]")
            page.wait_for_load_state()
        assert "/dashboard/" in page.url, f"{username} did not reach the dashboard"
    queue, seen, failures = [page.url if username else f"{live_server.url}/"], set(), []
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = page.goto(url)
        if response.status >= 400:
            failures.append((url, response.status))
            continue
        if "content-security-policy" not in response.headers:
            failures.append((url, "no Content-Security-Policy header"))
        if page.locator("html[lang=zh-hans]").count() == 0:
            failures.append((url, "not in Chinese"))
        if unreadable := page.evaluate(UNREADABLE_BUTTONS):
            failures.append((url, f"buttons the colour of their background: {unreadable}"))
        queue.extend(link for link in same_site_links(page, live_server.url) if link not in seen)
        if len(seen) <= 6:
            screenshot(page, f"walk-{username or 'public'}-{len(seen)}")
    assert failures == []
    assert len(seen) >= 3
