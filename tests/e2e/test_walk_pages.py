"""Walk the portal in Chromium as each demo role: every page reachable from the navigation
and the dashboard opens without an error, in Chinese, and loads nothing from outside."""

import pytest
from django.core.management import call_command

from .demo_walk import ROLES, log_in_as_demo, role_id, walk

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


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("username", ROLES, ids=role_id)
def test_every_linked_page_opens_for_each_demo_role(live_server, page, screenshot, username):
    call_command("seed_demo", verbosity=0)
    start = log_in_as_demo(page, live_server.url, username)
    if username:
        assert "/dashboard/" in start, f"{username} did not reach the dashboard"
    failures, opened = [], 0
    for url, response in walk(page, live_server.url, start):
        opened += 1
        if response.status >= 400:
            failures.append((url, response.status))
            continue
        if "content-security-policy" not in response.headers:
            failures.append((url, "no Content-Security-Policy header"))
        if page.locator("html[lang=zh-hans]").count() == 0:
            failures.append((url, "not in Chinese"))
        if unreadable := page.evaluate(UNREADABLE_BUTTONS):
            failures.append((url, f"buttons the colour of their background: {unreadable}"))
        if opened <= 6:
            screenshot(page, f"walk-{role_id(username)}-{opened}")
    assert failures == []
    assert opened >= 3
