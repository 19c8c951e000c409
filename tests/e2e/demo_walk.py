"""The walk of the demo that the browser tests share: its roles, their login and the pages.

A role logs in from the login form (with the demo's second factor where it is asked for),
then ``walk`` opens the pages linked from the navigation and the page content, breadth
first from the dashboard (the public from the home page), up to ``MAX_PAGES``.
"""

import base64
from urllib.parse import urljoin, urlparse

from django_otp.oath import totp

from portal.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET

ROLES = ["samr", "guangdong", "shenzhen", "ent_huamei", None]
SKIP = ("/accounts/logout/", "/admin/", "/api/", "/i18n/", ".pdf", "/zip/", "/download/", "export")
MAX_PAGES = 40


def role_id(username):
    return username or "public"


def log_in_as_demo(page, base_url, username):
    """Log in as a demo user; returns the page reached (the dashboard) or the home page."""
    if not username:
        page.goto(f"{base_url}/")
        return page.url
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_load_state()
    if "/accounts/verify/" in page.url:
        page.fill("input[name=token]", f"{totp(base64.b32decode(DEMO_TOTP_SECRET), drift=0):06d}")
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
    return page.url


def same_site_links(page, base):
    hrefs = page.eval_on_selector_all("main a[href], nav a[href]", "els => els.map(e => e.href)")
    for href in hrefs:
        url = urljoin(page.url, href).split("#")[0]
        if urlparse(url).netloc == urlparse(base).netloc and not any(s in url for s in SKIP):
            yield url


def walk(page, base, start):
    """Open the pages linked from ``start`` breadth first; yields (url, response) of each."""
    queue, seen = [start], set()
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = page.goto(url)
        yield url, response
        if response.status < 400:
            queue.extend(link for link in same_site_links(page, base) if link not in seen)
