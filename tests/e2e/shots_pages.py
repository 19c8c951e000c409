"""``make screenshots``: every page of the demo walk, per role, in Chinese and English, at
desktop (1280 px) and phone (375 px) widths, under test-artifacts/screenshots/pages/.

Not part of ``make test`` (the file name is not ``test_*.py``): it takes pictures for people
to look at. It fails on a page that does not open, so a broken page shows in the run too.
"""

import os
import re
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.core.management import call_command

from .conftest import SCREENSHOTS
from .demo_walk import ROLES, log_in_as_demo, role_id, walk

pytestmark = pytest.mark.e2e
WIDTHS = {"desktop": 1280, "phone": 375}


def file_name(number, url):
    path = urlparse(url).path.strip("/") or "home"
    return f"{number:02d}-{re.sub(r'[^0-9A-Za-z]+', '-', path)[:80]}.png"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("username", ROLES, ids=role_id)
def test_screenshots_of_every_walked_page(live_server, page, username):
    call_command("seed_demo", verbosity=0)
    start = log_in_as_demo(page, live_server.url, username)
    opened = [url for url, response in walk(page, live_server.url, start) if response.ok]
    for language in ("zh-hans", "en"):
        page.context.add_cookies(
            [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
        )
        for device, width in WIDTHS.items():
            folder = os.path.join(SCREENSHOTS, "pages", role_id(username), f"{language}-{device}")
            os.makedirs(folder, exist_ok=True)
            page.set_viewport_size({"width": width, "height": 900})
            for number, url in enumerate(opened, start=1):
                assert page.goto(url).ok, url
                page.screenshot(path=os.path.join(folder, file_name(number, url)), full_page=True)
    assert len(opened) >= 3
