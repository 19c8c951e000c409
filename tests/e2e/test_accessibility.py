"""Accessibility of every page of the demo walk, in Chinese and in English.

axe-core (the copy bundled in axe-playwright-python, read from the installed package, never
from the internet) runs on each page that the walk of each role opens (tests/e2e/demo_walk.py);
no serious or critical violation may be found. Each chart must also have a text alternative
that names it and a data table beside it (axe cannot tell whether an SVG's name says anything).
At 200 % zoom (WCAG 1.4.4 and 1.4.10) no page may be wider than the window: what is wide
(a table, a chart) scrolls in its own box.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext as _

from .demo_walk import ROLES, log_in_as_demo, role_id, walk

AXE = Axe()
BLOCKING = {"serious", "critical"}
ZOOMED = {"width": 640, "height": 900}
PAGE_WIDTH = "() => document.documentElement.scrollWidth"
# Charts whose name says nothing, or that have no table of their data in their box.
CHARTS_WITHOUT_ALTERNATIVE = """
(generic) => [...document.querySelectorAll("svg.chart")].filter((svg) => {
  const name = (svg.getAttribute("aria-label") || "").trim();
  const box = svg.closest("figure, .card, .chart-figures");
  return svg.getAttribute("role") !== "img" || !name || generic.includes(name)
    || !(box && box.querySelector("table"));
}).map((svg) => svg.getAttribute("aria-label"))
"""


def generic_chart_names(language):
    with translation.override(language):
        return [_("Bar chart"), _("Line chart"), _("Bar chart with intervals")]


def problems(page, url, language):
    """What is wrong with the page open in the browser, as (url, language, what) rows."""
    found = []
    lang = page.get_attribute("html", "lang")
    if lang != language:
        found.append((url, language, f"<html lang={lang!r}>"))
    for violation in AXE.run(page).response["violations"]:
        if violation["impact"] in BLOCKING:
            targets = [node["target"] for node in violation["nodes"][:3]]
            found.append((url, language, f"{violation['id']} ({violation['impact']}): {targets}"))
    if charts := page.evaluate(CHARTS_WITHOUT_ALTERNATIVE, generic_chart_names(language)):
        found.append((url, language, f"charts without a text alternative and table: {charts}"))
    return found


def switch_language(page, base_url, code):
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": code, "url": base_url}]
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("username", ROLES, ids=role_id)
def test_every_walked_page_is_accessible_in_both_languages_and_at_200_percent_zoom(
    live_server, page, username
):
    call_command("seed_demo", verbosity=0)
    start = log_in_as_demo(page, live_server.url, username)
    opened, failures = [], []
    for url, response in walk(page, live_server.url, start):
        if response.status < 400:
            opened.append(url)
            failures += problems(page, url, "zh-hans")
    switch_language(page, live_server.url, "en")
    for url in opened:
        page.goto(url)
        failures += problems(page, url, "en")
    # 200 % zoom of a 1280 px window: a 640 px wide viewport at one device pixel per CSS pixel.
    page.set_viewport_size(ZOOMED)
    for code in ("zh-hans", "en"):
        switch_language(page, live_server.url, code)
        for url in opened:
            page.goto(url)
            width = page.evaluate(PAGE_WIDTH)
            if width > ZOOMED["width"]:
                failures.append((url, code, f"wider than the window at 200 %: {width} px"))
    assert not failures, "\n".join(map(str, failures))
    assert len(opened) >= 3
