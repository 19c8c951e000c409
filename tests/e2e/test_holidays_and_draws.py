"""Browser: headquarters enter 2027 from the regulation's days; a regulator's draw shows
what a citizen needs to verify it."""

import pytest

from portal.holidays import HolidayCalendar
from tests import factories
from tests.factories import EnterpriseFactory, declaration

pytestmark = pytest.mark.e2e


def test_headquarters_enter_2027_in_the_browser(live_server, page, login, screenshot):
    login(page, factories.headquarters_user(username="hq-calendar"))
    page.goto(f"{live_server.url}/holidays/?year=2027")
    days = page.locator("textarea[name=days]")
    assert "2027-02-05,holiday" in days.input_value()  # the regulation's New Year's Eve
    days.fill(days.input_value() + "\n2027-02-20,班,春节调休")
    page.fill("input[name=source]", "国务院办公厅通知")
    page.locator("main form[method=post] button[type=submit]").click()
    page.wait_for_load_state()
    screenshot(page, "holidays-2027-entered")
    assert HolidayCalendar.objects.get(year=2027).revision == 1
    assert "+2027r1" in page.locator("[data-testid=calendar-version]").inner_text()


def test_a_draw_page_shows_seed_hash_and_algorithm(live_server, page, login, screenshot):
    for _ in range(5):
        declaration(EnterpriseFactory())
    login(page, factories.provincial_user("440000", username="gd-draw"))
    page.goto(f"{live_server.url}/enterprises/standards/")
    page.fill("input[name=count]", "2")
    page.fill("input[name=seed]", "2026-12-01 福彩3D 1 2 3")
    page.locator("form[action$='/draws/new/'] button[type=submit]").click()
    page.wait_for_load_state()
    screenshot(page, "standards-draw-verifiable")
    facts = page.locator("[data-testid=verification]").inner_text()
    assert "sha256-rank-v1" in facts
    assert len(page.locator("[data-testid=snapshot-hash]").inner_text()) == 64
